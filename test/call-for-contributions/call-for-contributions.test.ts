import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/call-for-contributions/define.js';
import type { CallForContributionsElement } from '../../src/call-for-contributions/call-for-contributions.js';
import type { CallSource } from '../../src/api/source.js';
import type { Call, CallPage } from '../../src/api/types.js';
import type { CallSelectDetail, CallsLoadDetail } from '../../src/core/events.js';
import { backend, backendRequests, storedContributions } from '../harness/backend.js';
import {
  deepActiveElement,
  expectCancelsOnChangeAndRemoval,
  expectFocusOn,
  settled,
  shadow,
  tabTo,
  until,
  words,
} from '../harness/dom.js';
import { listOf } from '../harness/list.js';
import { formOf } from '../harness/uploader.js';

let api: string;
before(async () => ({ api } = await backend()));
afterEach(() => fixtureCleanup());

const titles = (el: Element) => listOf(el).titles;

async function widget(template: ReturnType<typeof html>): Promise<CallForContributionsElement> {
  const el = await fixture<CallForContributionsElement>(template);
  await settled(el);
  return el;
}

describe('<call-for-contributions>', () => {
  it('is accessible with a list of calls', async () => {
    const el = await widget(html`<call-for-contributions api=${api} campaign="this-is-malaysia"></call-for-contributions>`);
    await expect(el).to.be.accessible();
  });

  it('is accessible while loading, empty, failed, for one call, for closed and upcoming calls, and in the dark theme', async () => {
    const loading = await fixture<CallForContributionsElement>(
      html`<call-for-contributions api="/faults/slow/v1"></call-for-contributions>`,
    );
    expect(listOf(loading).loading).to.exist;
    await expect(loading).to.be.accessible();
    const states = [
      html`<call-for-contributions api=${api} campaign="no-such-campaign"></call-for-contributions>`,
      html`<call-for-contributions api="/faults/problem/v1"></call-for-contributions>`,
      html`<call-for-contributions api=${api} call="puisi-voices"></call-for-contributions>`,
      html`<call-for-contributions api=${api} status="closed"></call-for-contributions>`,
      html`<call-for-contributions api=${api} status="upcoming" theme="dark"></call-for-contributions>`,
    ];
    for (const state of states) await expect(await widget(state)).to.be.accessible();
  });

  it('lists the open calls of a campaign, with what each accepts, its deadline, languages and project', async () => {
    // Listening from the template: from the page's cache, the calls can arrive before fixture() returns.
    const loads: CallsLoadDetail[] = [];
    const el = await widget(
      html`<call-for-contributions
        api=${api}
        campaign="this-is-malaysia"
        @calls-load=${(e: CustomEvent<CallsLoadDetail>) => loads.push(e.detail)}
      ></call-for-contributions>`,
    );
    expect(loads).to.have.length(1);
    const [detail] = loads;
    expect(detail.calls.map((c) => c.id)).to.deep.equal(['astronaut-one-liner', 'puisi-voices']);
    expect(detail.hasMore).to.equal(false);
    expect(titles(el)).to.deep.equal(['Write a one-liner for the thinking astronaut', 'Say “puisi” in your own voice']);
    const puisi = listOf(el).card('puisi-voices');
    expect(words(puisi.accepts)).to.contain('Audio, up to 30 seconds, max 50 MB, up to 3 files');
    expect(words(puisi.accepts)).to.contain('Video, up to 30 seconds, max 200 MB');
    expect(puisi.deadline!.getAttribute('datetime')).to.equal('2027-05-31T15:59:59Z');
    expect(words(puisi.meta)).to.match(/closes in \d+ months?/);
    expect(words(puisi.meta)).to.contain('Malay');
    const project = puisi.projectLink!;
    expect(project.href).to.equal('https://hitrecord.example/this-is-malaysia');
    expect(project.rel).to.equal('noopener noreferrer');
    const cover = puisi.cover!;
    expect(cover.alt).to.contain('calligraphy');
    expect([cover.width, cover.getAttribute('height'), cover.loading]).to.deep.equal([cover.width, '675', 'lazy']);
    expect(words(listOf(el).liveRegion)).to.equal('2 calls shown');
  });

  it('filters by kind, and by language when lang is set on the element', async () => {
    const audio = await widget(html`<call-for-contributions api=${api} kind="audio" page-size="50"></call-for-contributions>`);
    const audioCards = listOf(audio).cards;
    expect(audioCards.length).to.be.greaterThan(3);
    for (const card of audioCards) expect(words(card.accepts)).to.contain('Audio');

    const malay = await widget(html`<call-for-contributions api=${api} lang="ms" page-size="50"></call-for-contributions>`);
    const ids = listOf(malay).cards.map((c) => c.id);
    expect(ids).to.include('puisi-voices');
    expect(ids).not.to.include('project-power-music');
  });

  it('pages through a campaign with Load more, announcing the count and moving focus to the first new call', async () => {
    const el = await widget(
      html`<call-for-contributions api=${api} campaign="create-together" page-size="10"></call-for-contributions>`,
    );
    expect(listOf(el).cards).to.have.length(10);
    let pages = 1;
    while (listOf(el).loadMoreButton) {
      const before = listOf(el).cards.length;
      listOf(el).loadMoreButton!.click();
      await until(() => listOf(el).cards.length > before, 'the next page did not arrive');
      pages++;
      await el.updateComplete;
      expectFocusOn(listOf(el).cards[before].card);
    }
    const ids = listOf(el).cards.map((c) => c.id);
    expect(ids.length).to.be.at.least(30);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(pages).to.equal(Math.ceil(ids.length / 10));
    expect(words(listOf(el).liveRegion)).to.equal(`${ids.length} calls shown`);
  });

  it('shows one whole call for reading, with its description rendered from limited Markdown', async () => {
    const el = await widget(
      html`<call-for-contributions api=${api} call="puisi-voices" heading-level="3"></call-for-contributions>`,
    );
    expect(listOf(el).cards).to.have.length(1);
    expect(listOf(el).card().title!.textContent).to.equal('Say “puisi” in your own voice');
    const description = listOf(el).card().description!;
    expect(description.querySelector('strong')!.textContent).to.equal('puisi');
    expect(description.querySelector('em')!.textContent).to.equal('This Is Malaysia');
    expect(description.querySelectorAll('li')).to.have.length(3);
  });

  it("formats a list's collapsed descriptions once the list shows, and opens them from the keyboard", async () => {
    const el = await widget(html`<call-for-contributions api=${api} campaign="this-is-malaysia"></call-for-contributions>`);
    const details = listOf(el).card('puisi-voices').description as HTMLDetailsElement;
    // The list does not wait for the Markdown code: it arrives after, and the text is readable meanwhile.
    await until(() => details.querySelector('strong'));
    expect(listOf(el).card('puisi-voices').plainDescription).to.equal(null);
    expect(details.querySelector('em')!.textContent).to.equal('This Is Malaysia');
    listOf(el).card('puisi-voices').descriptionToggle!.focus();
    await sendKeys({ press: 'Enter' });
    expect(details.open).to.equal(true);
    expect(details.querySelectorAll('li')).to.have.length(3);
  });

  it('reserves the height of the call while it loads, so the article does not jump', async () => {
    const never = () => new Promise<never>(() => undefined);
    const wrapper = await fixture(
      html`<div style="width: 700px">
        <call-for-contributions .source=${{ listCalls: never, getCall: never, submitContribution: never }} call="puisi-voices">
        </call-for-contributions>
        <call-for-contributions api=${api} call="puisi-voices"></call-for-contributions>
      </div>`,
    );
    const [loading, loaded] = wrapper.querySelectorAll('call-for-contributions');
    await settled(loaded);
    await until(() => listOf(loaded).card().cover?.complete);
    const reserved = loading.getBoundingClientRect().height;
    const final = loaded.getBoundingClientRect().height;
    expect(reserved / final).to.be.within(0.8, 1.2);
  });

  it('holds the place of the first screen of calls while they load: two, or fewer when the page asks for fewer', async () => {
    const never = () => new Promise<never>(() => undefined);
    const source = { listCalls: never, getCall: never, submitContribution: never };
    for (const width of [390, 700]) {
      const wrapper = await fixture(
        html`<div style="width: ${width}px">
          <call-for-contributions api=${api} page-size="2"></call-for-contributions>
          <call-for-contributions .source=${source}></call-for-contributions>
          <call-for-contributions .source=${source} page-size="1"></call-for-contributions>
        </div>`,
      );
      const [loaded, loading, one] = wrapper.querySelectorAll('call-for-contributions');
      await settled(loaded);
      expect(listOf(loaded).cards).to.have.length(2);
      expect(listOf(loading).placeholders, 'a page of 12: the first two').to.have.length(2);
      expect(listOf(one).placeholders, 'a page of one').to.have.length(1);
      const reserved = loading.getBoundingClientRect().height;
      const final = loaded.getBoundingClientRect().height;
      expect(reserved / final, `${width} px wide: ${reserved} px held for ${final} px`).to.be.within(0.8, 1.2);
      fixtureCleanup();
    }
  });

  it('marks closed and upcoming calls, and offers no way to answer them', async () => {
    const closed = await widget(html`<call-for-contributions api=${api} call="thank-you-notes-2025"></call-for-contributions>`);
    expect(words(listOf(closed).card().status)).to.equal('Closed');
    expect(listOf(closed).card().contributeButton).to.equal(null);
    expect(words(listOf(closed).card().notAnswerable)).to.contain('has closed');
    expect(words(listOf(closed).card().meta)).to.match(/closed (last year|\d+ (months?|years?) ago)/);
    const upcoming = await widget(html`<call-for-contributions api=${api} status="upcoming"></call-for-contributions>`);
    expect(words(listOf(upcoming).card().status)).to.equal('Opening soon');
    expect(words(listOf(upcoming).card().meta)).to.match(/opens (in|next)/);
    expect(listOf(upcoming).card().contributeButton).to.equal(null);
  });

  it('makes one request when two widgets on a page ask for the same calls (counted at the server)', async () => {
    await backendRequests();
    const [a, b] = await Promise.all([
      fixture(html`<call-for-contributions api=${api} campaign="dans-birthday" kind="image"></call-for-contributions>`),
      fixture(html`<call-for-contributions api=${api} campaign="dans-birthday" kind="image"></call-for-contributions>`),
    ]);
    await Promise.all([settled(a), settled(b)]);
    expect(titles(a)).to.deep.equal(['Art for Dan’s birthday']);
    expect(titles(b)).to.deep.equal(titles(a));
    const seen = (await backendRequests()).filter((line) => line.includes('campaign=dans-birthday'));
    expect(seen, seen.join('\n')).to.have.length(1);
  });

  it('opens the answer region in place for the chosen call, and sends call-select', async () => {
    const el = await widget(html`<call-for-contributions api=${api} campaign="this-is-malaysia"></call-for-contributions>`);
    setTimeout(() => listOf(el).card('astronaut-one-liner').contribute());
    const { detail } = (await oneEvent(el, 'call-select')) as CustomEvent<CallSelectDetail>;
    expect(detail.call.id).to.equal('astronaut-one-liner');
    // The answer form's module loads on the first Contribute.
    await until(() => listOf(el).card('astronaut-one-liner').answer, 'the answer region did not open');
    const answer = listOf(el).card('astronaut-one-liner').answer;
    expect(answer).to.exist;
    expectFocusOn(listOf(el).answerHeading);
    expect(answer?.contains(listOf(el).answerHeading ?? null)).to.equal(true);
    expect(listOf(el).answers).to.have.length(1);
  });

  it('answers a call in place: the contribution reaches the backend and the count goes up', async () => {
    const list = await widget(
      html`<call-for-contributions api=${api} campaign="create-together" kind="text" page-size="2"></call-for-contributions>`,
    );
    const card = listOf(list).card();
    const id = card.id;
    const before = words(card.count);
    card.contribute();
    await until(() => card.form && formOf(card.form).form, 'the answer form did not open');
    const form = formOf(card.form!);
    form.fill({ text: 'A kettle, and my grandmother humming.', creditName: 'Lina', consent: true });
    form.submitButton!.click();
    await until(() => form.thanks, 'no thank-you');
    const stored = await storedContributions();
    expect(stored.some((c) => c.callId === id && c.text === 'A kettle, and my grandmother humming.')).to.equal(true);
    const n = Number(/\d+/.exec(before)![0]);
    expect(words(card.count)).to.equal(`${n + 1} contribution${n + 1 === 1 ? '' : 's'}`);
  });

  it('sends the answer to the backend the list uses, even inside a config that names another source', async () => {
    const calledOther: string[] = [];
    const other: CallSource = {
      listCalls: async () => (calledOther.push('list'), { items: [], next: null }),
      getCall: async (id) => (calledOther.push(`get ${id}`), Promise.reject(new Error('not this backend'))),
      submitContribution: async () => (calledOther.push('submit'), Promise.reject(new Error('not this backend'))),
    };
    const wrapper = await fixture(
      html`<open-call-config .source=${other}>
        <call-for-contributions api=${api} call="thank-a-stranger"></call-for-contributions>
      </open-call-config>`,
    );
    const list = wrapper.querySelector('call-for-contributions')!;
    await settled(list);
    listOf(list).card().contribute();
    await until(() => listOf(list).answerForm && formOf(listOf(list).answerForm!).form, 'the answer form did not open');
    const form = formOf(listOf(list).answerForm!);
    form.fill({ text: 'Thank you to the bus driver who waited.', creditName: 'Ravi', consent: true });
    form.submitButton!.click();
    await until(() => form.thanks, 'no thank-you');
    expect(calledOther).to.deep.equal([]);
    expect((await storedContributions()).some((c) => c.text === 'Thank you to the bus driver who waited.')).to.equal(true);
  });

  it('leaves the answer to the page when call-select is cancelled', async () => {
    const el = await widget(html`<call-for-contributions api=${api} campaign="this-is-malaysia"></call-for-contributions>`);
    el.addEventListener('call-select', (e) => e.preventDefault());
    listOf(el).card().contributeButton!.click();
    await el.updateComplete;
    expect(listOf(el).answer).to.equal(null);
  });

  it('can be used from the keyboard alone: reach a call, open its answer, close it, load more', async () => {
    const el = await widget(
      html`<call-for-contributions api=${api} campaign="create-together" page-size="2"></call-for-contributions>`,
    );
    const firstContribute = listOf(el).card().contributeButton!;
    // From the start of the page: the project link, "About this call", then Contribute.
    const first = listOf(el).card();
    for (const expected of [first.projectLink, first.descriptionToggle, first.contributeButton]) {
      await sendKeys({ press: 'Tab' });
      expectFocusOn(expected);
    }
    expectFocusOn(firstContribute);
    await sendKeys({ press: 'Enter' });
    await until(() => deepActiveElement()?.classList.contains('answer-heading'), 'focus did not move to the answer');
    const close = listOf(el).closeAnswerButton!;
    await tabTo(close);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(listOf(el).answer).to.equal(null);
    expectFocusOn(listOf(el).card().contributeButton);
    const loadMore = listOf(el).loadMoreButton!;
    await tabTo(loadMore);
    await sendKeys({ press: 'Enter' });
    await until(() => listOf(el).cards.length === 4);
    expectFocusOn(listOf(el).cards[2].card);
  });

  it('speaks Malay when an ancestor says lang="ms", without filtering the calls by it', async () => {
    const wrapper = await fixture(
      html`<div lang="ms">
        <call-for-contributions api=${api} campaign="create-together" page-size="3"></call-for-contributions>
      </div>`,
    );
    const el = wrapper.querySelector('call-for-contributions')!;
    await settled(el);
    // Issue 16: "Sumbang" alone reads as a bare root; the button says what it does.
    expect(words(listOf(el).card().contributeButton)).to.match(/^Hantar sumbangan/);
    expect(words(listOf(el).card().meta)).to.contain('Tarikh tutup');
    expect(words(listOf(el).card().meta)).to.match(/ditutup dalam \d+ bulan/);
    expect(words(listOf(el).liveRegion)).to.equal('3 panggilan dipaparkan');
    expect(listOf(el).cards.map((c) => c.id)).to.include('creative-process');
  });

  it('shows calls from a site’s own source object, validated like the contract', async () => {
    const call: Call = {
      id: 'own-1',
      title: 'From our own backend',
      summary: 'Not the contract, but the same methods.',
      description: '',
      status: 'open',
      languages: ['en'],
      accepts: [{ kind: 'image' }],
      contributionCount: 7,
      terms: { url: 'https://partner.example/terms', version: '3' },
      upload: { endpoint: 'http://127.0.0.1:9/files/' },
    };
    const source: CallSource = {
      listCalls: async () => ({ items: [call], next: null }),
      getCall: async () => call,
      submitContribution: async () => ({ id: 'x', status: 'received' }),
    };
    const el = await widget(html`<call-for-contributions .source=${source}></call-for-contributions>`);
    expect(titles(el)).to.deep.equal(['From our own backend']);
    expect(words(listOf(el).card().count)).to.equal('7 contributions');

    const broken: CallSource = {
      ...source,
      listCalls: async () => ({ items: [{ ...call, status: 'maybe' }], next: null }) as unknown as CallPage,
    };
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    const failed = await widget(html`<call-for-contributions .source=${broken}></call-for-contributions>`).finally(
      () => (console.warn = warn),
    );
    // The wrong field is named for the site's developer, in the console; the visitor reads plain words.
    expect(warnings.filter((w) => w.includes('items[0].status is not one of open, upcoming, closed'))).to.have.length(1);
    expect(words(listOf(failed).errorMessage)).to.contain('cannot read');
  });

  it('is unharmed by a hostile page stylesheet', async () => {
    const hostile = document.createElement('style');
    hostile.textContent = `
      * { line-height: 0.6 !important; letter-spacing: 0.4em; text-transform: uppercase; text-align: right;
          word-spacing: 2em; white-space: nowrap; font-style: italic; margin: 0 !important; padding: 0 !important; }
      button, input, img, h1, h2, h3, h4, h5, h6, ul, li, article { display: none !important; }
      img { width: 1px !important; }`;
    document.head.append(hostile);
    try {
      const el = await widget(html`<call-for-contributions api=${api} call="puisi-voices"></call-for-contributions>`);
      const title = listOf(el).card().title!;
      const style = getComputedStyle(title);
      expect([style.textTransform, style.letterSpacing, style.textAlign, style.whiteSpace, style.fontStyle]).to.deep.equal([
        'none',
        'normal',
        'start',
        'normal',
        'normal',
      ]);
      expect(parseFloat(style.lineHeight)).to.be.greaterThan(parseFloat(style.fontSize));
      expect(getComputedStyle(listOf(el).card().contributeButton!).display).not.to.equal('none');
      expect(listOf(el).card().cover!.getBoundingClientRect().width).to.be.greaterThan(100);
    } finally {
      hostile.remove();
    }
  });

  it('aborts its request when removed, or when an attribute changes', async () => {
    const signals: AbortSignal[] = [];
    const never: CallSource = {
      listCalls: (_query, { signal }) => {
        signals.push(signal!);
        return new Promise(() => undefined);
      },
      getCall: () => new Promise(() => undefined),
      submitContribution: () => new Promise(() => undefined),
    };
    const el = await fixture<CallForContributionsElement>(
      html`<call-for-contributions .source=${never} campaign="a"></call-for-contributions>`,
    );
    await expectCancelsOnChangeAndRemoval(el, signals, () => (el.campaign = 'b'));
  });
});

describe('<call-for-contributions> facing a broken backend', () => {
  const thrown: unknown[] = [];
  const onError = (e: ErrorEvent) => thrown.push(e.error);
  const onRejection = (e: PromiseRejectionEvent) => thrown.push(e.reason);
  let warn: typeof console.warn;
  const warnings: string[] = [];
  beforeEach(() => {
    thrown.length = 0;
    warnings.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    console.warn = warn;
    expect(thrown, 'nothing may be thrown uncaught').to.deep.equal([]);
  });

  const cases: Array<[string, string, RegExp, string?]> = [
    ['is down', 'http://127.0.0.1:9/v1', /could not reach the open calls/],
    ['answers HTML instead of JSON', '/faults/html/v1', /cannot read/, 'did not answer JSON'],
    ['answers 500 with a problem', '/faults/problem/v1', /had a problem/, 'The calls database did not answer.'],
    ['returns a javascript: image URL', '/faults/bad-url/v1', /cannot read/, 'items[0].cover.url is not an http(s) URL'],
  ];
  for (const [what, failing, message, details] of cases) {
    it(`shows the error with Retry when the backend ${what}, and other widgets keep working`, async () => {
      const wrapper = await fixture(
        html`<div>
          <call-for-contributions api=${failing}></call-for-contributions>
          <call-for-contributions api=${api} campaign="project-power"></call-for-contributions>
        </div>`,
      );
      const [broken, healthy] = wrapper.querySelectorAll('call-for-contributions');
      await Promise.all([settled(broken), settled(healthy)]);
      const error = listOf(broken).errorMessage!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(words(error)).to.match(message);
      // The backend's own words are for the site's developer, in the console, not on the page.
      if (details) expect(warnings.some((w) => w.includes(details))).to.equal(true);
      if (details) expect(words(error)).to.not.contain(details);
      expect(listOf(broken).retryButton).to.exist;
      expect(titles(healthy)).to.deep.equal(['Music for a song inspired by Project Power']);
    });
  }

  it('shows the valid calls of a page with a malformed one, and names the wrong field of that call in the console', async () => {
    const el = await widget(html`<call-for-contributions api="/faults/malformed/v1"></call-for-contributions>`);
    expect(titles(el)).to.deep.equal(['Call fine']);
    expect(listOf(el).errorMessage).to.equal(null);
    expect(words(listOf(el).liveRegion)).to.equal('1 call shown');
    const told = warnings.filter((w) => w.includes('broken'));
    expect(told).to.have.length(1);
    expect(told[0]).to.contain('the call "broken"').and.to.contain('items[1].closesAt is not a date');
  });

  it('gives up on a backend that does not answer in time, with a message', async () => {
    const el = await fixture<CallForContributionsElement>(
      html`<call-for-contributions api="/faults/slow/v1" timeout="300"></call-for-contributions>`,
    );
    expect(listOf(el).loading).to.exist;
    await settled(el, '.message.error');
    expect(words(listOf(el).errorMessage)).to.contain('taking too long');
  });

  it('loads the calls when Retry is pressed after a failure', async () => {
    let attempts = 0;
    const flaky: CallSource = {
      listCalls: async () => {
        attempts++;
        if (attempts === 1) throw new TypeError('Failed to fetch');
        const res = await fetch(`${api}/calls?campaign=this-is-malaysia`);
        return res.json() as Promise<CallPage>;
      },
      getCall: () => Promise.reject(new Error('unused')),
      submitContribution: () => Promise.reject(new Error('unused')),
    };
    const error = console.error;
    console.error = () => undefined;
    try {
      const el = await widget(html`<call-for-contributions .source=${flaky}></call-for-contributions>`);
      expect(listOf(el).errorMessage).to.exist;
      listOf(el).retryButton!.click();
      await settled(el, '.list');
      expect(listOf(el).cards).to.have.length(2);
    } finally {
      console.error = error;
    }
  });

  it('renders markup from every field as inert text: no script runs, no element is made from it', async () => {
    const list = await widget(html`<call-for-contributions api="/faults/xss/v1"></call-for-contributions>`);
    const single = await widget(html`<call-for-contributions api="/faults/xss/v1" call="hostile-1"></call-for-contributions>`);
    for (const el of [list, single]) {
      for (const { description } of listOf(el).cards) if (description instanceof HTMLDetailsElement) description.open = true;
      const root = shadow(el);
      expect(root.querySelectorAll('script, b, [onerror], [onmouseover]')).to.have.length(0);
      expect(root.querySelectorAll('img')).to.have.length(root.querySelectorAll('img.cover').length);
      for (const a of root.querySelectorAll('a')) expect(a.protocol).to.match(/^https?:$/);
      expect(words(listOf(el).card().title)).to.contain('<script>window.__xss=1</script>');
      expect(words(listOf(el).card().summary)).to.contain('<img src=x onerror="window.__xss=1">');
      expect(words(listOf(el).card().description)).to.contain('click me');
    }
    await new Promise((r) => setTimeout(r, 200));
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });
});
