// <call-for-contributions> on a page where the code it loads later is missing from the server
// (a CDN that lost a file, a visitor gone offline after the list arrived): what it loads once it
// shows (the descriptions' Markdown, the answer region, Load more), what receives shared
// settings, and the words for a failure.
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CallForContributionsElement } from '../../src/call-for-contributions/call-for-contributions.js';
import type { CallSelectDetail } from '../../src/core/events.js';
import { backend } from '../harness/backend.js';
import { expectFocusOn, settled, tabTo, until, words } from '../harness/dom.js';
import { listOf } from '../harness/list.js';
import { defineWithout, recordWarnings } from '../harness/missing-code.js';

let api: string;
before(async () => {
  ({ api } = await backend());
  await defineWithout(
    ['once-shown/markdown', 'once-shown/answer-region', 'open-call-config/receive', 'failure-words/failure-words'],
    'call-for-contributions/define.ts',
    'open-call-config/define.ts',
  );
});
afterEach(() => fixtureCleanup());

// What the list says in the console when it gives up on code, for the tests to wait on.
let logged: ReturnType<typeof recordWarnings>;
beforeEach(() => (logged = recordWarnings()));
afterEach(() => logged.restore());

/** Waits until the list has given up on that code (it says so in the console). */
const untilGivenUp = () =>
  until(() => logged.warnings.some((w) => w.includes('could not be loaded')), 'the list never gave up on the missing code');

describe('<call-for-contributions> without the code it loads later', () => {
  it('is accessible, with every description readable as plain text', async () => {
    const el = await fixture<CallForContributionsElement>(
      html`<call-for-contributions api=${api} campaign="this-is-malaysia"></call-for-contributions>`,
    );
    await settled(el);
    await untilGivenUp();
    await expect(el).to.be.accessible();
    const described = listOf(el).cards.filter((card) => card.description);
    expect(described.length).to.be.greaterThan(0);
    for (const card of described) {
      const plain = card.plainDescription;
      expect(plain, 'a description is missing').to.exist;
      expect(plain!.textContent!.trim()).not.to.equal('');
    }
    // The Markdown source stays as written: words and marks, never markup.
    const puisi = listOf(el).card('puisi-voices').plainDescription!;
    expect(puisi.textContent).to.include('**puisi**');
    expect(puisi.querySelector('strong')).to.equal(null);
  });

  it('says under Contribute, pressed from the keyboard, that the answer form could not be loaded', async () => {
    const el = await fixture<CallForContributionsElement>(
      html`<call-for-contributions api=${api} call="astronaut-one-liner"></call-for-contributions>`,
    );
    await settled(el);
    await untilGivenUp();
    const contribute = listOf(el).card().contributeButton!;
    await tabTo(contribute);
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const { detail } = (await oneEvent(el, 'call-select')) as CustomEvent<CallSelectDetail>;
    expect(detail.call.id).to.equal('astronaut-one-liner');
    await until(() => listOf(el).card().errorMessage, 'the card did not say why nothing opened');
    const notice = listOf(el).card().errorMessage!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(words(notice)).to.equal('The answer form could not be loaded. Check your connection, then reload the page.');
    expect(listOf(el).answer).to.equal(null);
    // Contribute stays, with focus on it: the visitor can try again, or reload.
    expectFocusOn(contribute);
    await expect(el).to.be.accessible();
  });

  it('says under Load more, pressed from the keyboard, that more calls could not be loaded, keeping those shown', async () => {
    const el = await fixture<CallForContributionsElement>(
      html`<call-for-contributions api=${api} campaign="create-together" page-size="2"></call-for-contributions>`,
    );
    await settled(el);
    await untilGivenUp();
    const shown = listOf(el).cards.map((c) => c.id);
    expect(shown).to.have.length(2);
    const loadMore = listOf(el).loadMoreButton!;
    await tabTo(loadMore);
    await sendKeys({ press: 'Enter' });
    await until(() => listOf(el).endOfList?.querySelector('[role="alert"]'), 'Load more did not say why nothing came');
    expect(words(listOf(el).endOfList!.querySelector('[role="alert"]')!)).to.equal('The calls could not be loaded');
    expect(listOf(el).cards.map((c) => c.id)).to.deep.equal(shown);
    // Load more stays, with focus on it: the visitor can try again, or reload.
    expectFocusOn(listOf(el).loadMoreButton!);
    await expect(el).to.be.accessible();
  });

  it('goes on with its own settings inside <open-call-config> when the code that receives them is missing', async () => {
    const config = await fixture(
      html`<open-call-config lang="ms" theme="dark"
        ><call-for-contributions api=${api} campaign="this-is-malaysia"></call-for-contributions
      ></open-call-config>`,
    );
    const el = config.querySelector<CallForContributionsElement>('call-for-contributions')!;
    await until(() => listOf(el).titles.length === 2, 'the list did not show its calls');
    // The config's theme never arrived: the system's applies. Its lang attribute still does, as any element's does.
    expect(listOf(el).root!.classList.contains('auto')).to.equal(true);
    // The list may ask again once it knows the config's code is missing: what it says at the end counts.
    await until(() => words(listOf(el).liveRegion) !== 'Memuatkan panggilan terbuka…', 'the list did not finish loading');
    expect(words(listOf(el).liveRegion)).to.equal('2 panggilan dipaparkan');
    expect(logged.warnings.some((w) => w.includes('the code that receives shared settings could not be loaded'))).to.equal(true);
  });

  it('still says the calls could not be loaded, with Try again, when the words for why are missing too', async () => {
    const el = await fixture<CallForContributionsElement>(
      html`<call-for-contributions api="/faults/problem/v1"></call-for-contributions>`,
    );
    await settled(el, '.message.error');
    const error = listOf(el).errorMessage!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(words(error)).to.equal('The calls could not be loaded Try again');
    expect(
      [...error.querySelectorAll('p')].every((p) => words(p) !== ''),
      'an empty paragraph',
    ).to.equal(true);
    await expect(el).to.be.accessible();
    expect(logged.warnings.some((w) => w.includes('the words for failures could not be loaded'))).to.equal(true);
  });
});
