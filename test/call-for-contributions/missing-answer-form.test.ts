// <call-for-contributions> on a page where the answer form's code is missing from the server:
// the answer region still opens, and offers the call's own page.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CallForContributionsElement } from '../../src/call-for-contributions/call-for-contributions.js';
import type { Call } from '../../src/api/types.js';
import { backend, callFrom } from '../harness/backend.js';
import { deepActiveElement, expectFocusOn, settled, tabTo, until, words } from '../harness/dom.js';
import { listOf } from '../harness/list.js';
import { defineWithout } from '../harness/missing-code.js';

let api: string;
before(async () => {
  ({ api } = await backend());
  await defineWithout(['contribution-uploader/in-list'], 'call-for-contributions/define.ts');
});
afterEach(() => fixtureCleanup());

/** A call from a backend that gives it no page of its own (the reference backend gives each one). */
const callWithoutPage = async (id: string): Promise<Call> => {
  const { url: _page, ...call } = await callFrom(api, id);
  return call;
};

/** A call from the backend, with the page on the platform where it can be answered too. */
const callWithPage = async (id: string): Promise<Call> => ({ ...(await callFrom(api, id)), url: `https://calls.example/${id}` });

async function list(call: Call): Promise<CallForContributionsElement> {
  const el = await fixture<CallForContributionsElement>(
    html`<call-for-contributions api=${api} .callData=${call}></call-for-contributions>`,
  );
  await settled(el);
  return el;
}

const unavailable = 'The answer form could not be loaded. Check your connection, then reload the page.';

/** The link the answer region offers by default, inside its `answer` slot. */
const pageLink = (el: Element) => listOf(el).answerFallback?.querySelector('a') ?? null;

describe('<call-for-contributions> without the answer form', () => {
  it("is accessible with the answer region open on the call's own page", async () => {
    const el = await list(await callWithPage('astronaut-one-liner'));
    listOf(el).card().contributeButton!.click();
    await until(() => pageLink(el), 'the answer region did not offer the call’s page');
    await expect(el).to.be.accessible();
  });

  it("offers the call's own page in the answer region, and closes it, from the keyboard alone", async () => {
    const call = await callWithPage('astronaut-one-liner');
    const el = await list(call);
    const contribute = listOf(el).card().contributeButton!;
    await tabTo(contribute);
    await sendKeys({ press: 'Enter' });
    await until(() => deepActiveElement() === listOf(el).answerHeading, 'focus did not move to the answer');
    // The region opens at once; what it offers instead of the form shows once the form's code has failed.
    await until(() => listOf(el).answerFallback, 'the region offered nothing instead of the form');
    // The call's title is on its card just above: the heading does not say it again.
    expect(words(listOf(el).answerHeading)).to.equal('Your answer');
    expect(listOf(el).answerForm).to.equal(null);
    expect(words(listOf(el).answerFallback?.querySelector('p'))).to.equal(unavailable);
    // Focus stays on the heading: the list's live region says it, for whoever cannot see it.
    expect(words(listOf(el).liveRegion)).to.equal(unavailable);
    expectFocusOn(listOf(el).answerHeading);
    const link = pageLink(el)!;
    expect(link.getAttribute('href')).to.equal(call.url);
    expect(words(link)).to.equal('Answer this call on the project’s site');
    await sendKeys({ press: 'Tab' });
    expectFocusOn(link);
    await sendKeys({ press: 'Tab' });
    expectFocusOn(listOf(el).closeAnswerButton);
    await sendKeys({ press: 'Enter' });
    await until(() => listOf(el).answer === null, 'the answer region did not close');
    expectFocusOn(listOf(el).card().contributeButton);
  });

  it('stays usable once the form could not be loaded: Close, Load more, and Contribute again, which says so again', async () => {
    const el = await fixture<CallForContributionsElement>(
      html`<call-for-contributions api=${api} campaign="create-together" page-size="2"></call-for-contributions>`,
    );
    await settled(el);
    listOf(el).card().contribute();
    await until(() => listOf(el).answerFallback, 'the region offered nothing instead of the form');
    expect(words(listOf(el).liveRegion)).to.equal(unavailable);
    listOf(el).closeAnswerButton!.click();
    await until(() => listOf(el).answer === null, 'the answer region did not close');
    listOf(el).loadMoreButton!.click();
    await until(() => listOf(el).cards.length === 4, 'Load more did not page on');
    expect(words(listOf(el).liveRegion)).to.equal('4 calls shown');
    const another = listOf(el).cards[3];
    another.contribute();
    // It asks for the form's code again: while it waits, it says so; then, that it could not be had.
    await until(() => another.answer, 'the answer region did not open');
    await until(() => listOf(el).answerFallback, 'the region offered nothing instead of the form');
    expect(another.answer!.contains(listOf(el).answerFallback)).to.equal(true);
    expect(words(listOf(el).liveRegion)).to.equal(unavailable);
  });

  it('says the form could not be loaded, in the list’s language, for a call without a page of its own', async () => {
    const call = await callWithoutPage('astronaut-one-liner');
    expect(call.url).to.equal(undefined);
    const el = await fixture<CallForContributionsElement>(
      html`<call-for-contributions api=${api} lang="ms" .callData=${call}></call-for-contributions>`,
    );
    await settled(el);
    listOf(el).card().contributeButton!.click();
    await until(() => listOf(el).answer, 'the answer region did not open');
    await until(() => listOf(el).answerFallback, 'the region offered nothing instead of the form');
    expect(words(listOf(el).answerHeading)).to.equal('Jawapan anda');
    expect(words(listOf(el).answerFallback)).to.equal(
      'Borang jawapan tidak dapat dimuatkan. Semak sambungan anda, kemudian muat semula halaman.',
    );
    expect(pageLink(el)).to.equal(null);
    expect(words(listOf(el).closeAnswerButton)).to.equal('Tutup');
    expect(words(listOf(el).liveRegion)).to.equal(
      'Borang jawapan tidak dapat dimuatkan. Semak sambungan anda, kemudian muat semula halaman.',
    );
  });
});
