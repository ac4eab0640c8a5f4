import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/contribution-review/define.js';
import { BackendError } from '../../src/api/request.js';
import { forget } from '../../src/api/cache.js';
import { withContributions } from '../../src/api/http-contributions.js';
import { httpSource } from '../../src/api/source.js';
import type { ContributionReviewElement } from '../../src/contribution-review/contribution-review.js';
import type { ContributionReviewDetail } from '../../src/core/events.js';
import { backend } from '../harness/backend.js';
import { expectFocusOn, tabTo, until, words } from '../harness/dom.js';
import { contribute, review } from '../harness/organiser.js';
import type { ReviewQuery } from '../../src/api/contributions.js';
import { reviewOf } from '../harness/review.js';

let api: string;
let auth: Record<string, string>;
before(async () => {
  const b = await backend();
  api = b.api;
  auth = { Authorization: `Bearer ${b.organiserToken}` };
});
afterEach(() => fixtureCleanup());

async function queue(template: ReturnType<typeof html>): Promise<ContributionReviewElement> {
  const el = await fixture<ContributionReviewElement>(template);
  await reviewOf(el).shown();
  return el;
}
const unique = (what: string) => `${what} ${Math.random().toString(36).slice(2, 8)}`;
const itemOf = (el: Element, id: string) => reviewOf(el).item(id).item;

/** The public listing, as a visitor's gallery reads it. */
async function publicTitles(call: string): Promise<string[]> {
  const res = await fetch(`${api}/contributions?call=${call}&limit=50`, { cache: 'no-store' });
  return ((await res.json()) as { items: Array<{ title?: string }> }).items.map((c) => c.title ?? '');
}

describe('<contribution-review>', () => {
  it('is accessible with a queue, loading, empty, not allowed, failed, and in the dark theme', async () => {
    await contribute('astronaut-one-liner', { title: unique('Queue'), email: 'a@example.org', language: 'ms' });
    await expect(
      await queue(html`<contribution-review api=${api} .headers=${auth} campaign="this-is-malaysia"></contribution-review>`),
    ).to.be.accessible();
    const loading = await fixture<ContributionReviewElement>(
      html`<contribution-review
        .source=${{ ...httpSource(api), listReceived: () => new Promise(() => undefined) }}
      ></contribution-review>`,
    );
    await expect(loading).to.be.accessible();
    await expect(
      await queue(html`<contribution-review api=${api} .headers=${auth} call="monsoon-sounds"></contribution-review>`),
    ).to.be.accessible();
    await expect(
      await queue(
        html`<contribution-review
          api=${api}
          .headers=${{ Authorization: 'Bearer not-a-token-anyone-has-000' }}
        ></contribution-review>`,
      ),
    ).to.be.accessible();
    const failing = { ...httpSource(api), listReceived: () => Promise.reject(new BackendError('unreachable', 'down')) };
    await expect(await queue(html`<contribution-review .source=${failing}></contribution-review>`)).to.be.accessible();
    await expect(
      await queue(
        html`<contribution-review api=${api} .headers=${auth} campaign="this-is-malaysia" theme="dark"></contribution-review>`,
      ),
    ).to.be.accessible();
  });

  it('shows each received contribution with its credit, email, language, consent and what it builds on', async () => {
    const title = unique('Facts');
    const originalTitle = unique('Original');
    const original = await contribute('astronaut-one-liner', { title: originalTitle, creditName: 'Mei Ling' });
    await review(original, 'published');
    // Published behind the widget's back: the page's cache of the listing must not hide it.
    forget();
    const id = await contribute('astronaut-one-liner', {
      title,
      text: 'Di bulan, saya rindu nasi lemak.',
      creditName: 'Hafiz',
      email: 'hafiz@example.org',
      language: 'ms',
      basedOn: [original],
    });
    const el = await queue(
      html`<contribution-review api=${api} .headers=${auth} call="astronaut-one-liner" page-size="100"></contribution-review>`,
    );
    const item = reviewOf(el).item(id);
    expect(words(item.title)).to.equal(title);
    expect(words(item.quote)).to.equal('Di bulan, saya rindu nasi lemak.');
    expect(item.quote!.getAttribute('lang')).to.equal('ms');
    const facts = item.facts;
    expect(facts.Credit).to.equal('Hafiz');
    expect(facts.Email).to.equal('hafiz@example.org');
    expect(facts.Language).to.equal('Malay');
    expect(facts.Consent).to.match(/^terms 2026-09, accepted /);
    // What it builds on, read through the public listing: a title and a credit, not an id.
    await until(() => item.facts['Builds on']?.includes(originalTitle), 'builds on shows no title');
    expect(item.facts['Builds on']).to.equal(`“${originalTitle}” by Mei Ling`);
    expect(item.facts['Builds on']).not.to.contain(original);
    expect(words(item.status)).to.equal('Waiting for review');
  });

  it('names what a contribution builds on by its id when that one cannot be read', async () => {
    const real = withContributions(httpSource(api, { headers: auth }));
    const id = await contribute('astronaut-one-liner', { title: unique('Builds on what is gone') });
    const waiting = (await real.listReceived!({ call: 'astronaut-one-liner', status: 'received', limit: 50 }, {})).items.find(
      (c) => c.id === id,
    );
    let asked = 0;
    const source = {
      ...real,
      listReceived: async () => ({ items: [{ ...waiting, id: 'builds-on-gone', basedOn: ['gone-1'] }], next: null }),
      listContributions: () => (asked++, Promise.reject(new BackendError('unreachable', 'down'))),
    };
    const el = await queue(html`<contribution-review .source=${source}></contribution-review>`);
    await until(() => asked > 0, 'the listing was never asked');
    await el.updateComplete;
    expect(reviewOf(el).item('builds-on-gone').facts['Builds on']).to.equal('contribution gone-1');
  });

  it('publishes and rejects by keyboard only, with Undo, and the shortcuts are announced', async () => {
    const keep = unique('Keep');
    const drop = unique('Drop');
    const undone = unique('Undone');
    const dropId = await contribute('astronaut-one-liner', { title: drop });
    const keepId = await contribute('astronaut-one-liner', { title: keep });
    const undoneId = await contribute('astronaut-one-liner', { title: undone });
    const decisions: ContributionReviewDetail[] = [];
    const el = await queue(
      html`<contribution-review
        api=${api}
        .headers=${auth}
        call="astronaut-one-liner"
        undo-time="600"
        page-size="100"
        @contribution-review=${(e: CustomEvent<ContributionReviewDetail>) => decisions.push(e.detail)}
      ></contribution-review>`,
    );
    expect(words(reviewOf(el).shortcuts)).to.contain('P publishes, R rejects, U undoes');
    // Newest first: undone, keep, drop.
    const first = reviewOf(el).items[0];
    expect(first.id).to.equal(undoneId);
    await tabTo(first.item!);
    await sendKeys({ press: 'p' });
    expect(words(first.pending)).to.match(/Publishing in \d s/);
    await sendKeys({ press: 'u' });
    expect(first.pending).to.equal(null);
    await sendKeys({ press: 'ArrowDown' });
    expectFocusOn(itemOf(el, keepId));
    await sendKeys({ press: 'p' });
    await until(() => !itemOf(el, keepId), 'the published contribution stays in the queue');
    // Focus moves on to the next in line.
    expectFocusOn(itemOf(el, dropId));
    await sendKeys({ press: 'r' });
    await until(() => !itemOf(el, dropId));
    await new Promise((r) => setTimeout(r, 800));
    expect(itemOf(el, undoneId)).to.exist;
    expect(decisions.map((d) => [d.contribution.id, d.status])).to.deep.equal([
      [keepId, 'published'],
      [dropId, 'rejected'],
    ]);
    const visible = await publicTitles('astronaut-one-liner');
    expect(visible).to.include(keep);
    expect(visible).not.to.include(drop);
    expect(visible).not.to.include(undone);
  });

  it('pages with Load more by keyboard, and goes on at the first new contribution', async () => {
    const titles = [unique('Paged A'), unique('Paged B'), unique('Paged C')];
    for (const title of titles) await contribute('astronaut-one-liner', { title });
    const el = await queue(
      html`<contribution-review api=${api} .headers=${auth} call="astronaut-one-liner" page-size="2"></contribution-review>`,
    );
    const harness = reviewOf(el);
    // Newest first.
    expect(harness.titles).to.deep.equal([titles[2], titles[1]]);
    await tabTo(harness.loadMoreButton!);
    await sendKeys({ press: 'Enter' });
    await until(() => harness.items.length === 4, 'the next page did not show');
    expect(harness.titles[2]).to.equal(titles[0]);
    expectFocusOn(harness.items[2].item);
    expect(words(harness.status)).to.equal('4 contributions shown');
  });

  it('keeps the queue when Load more fails, and offers to try again', async () => {
    const real = withContributions(httpSource(api, { headers: auth }));
    let failures = 1;
    const source = {
      ...real,
      listReceived: (query: ReviewQuery, init: { signal?: AbortSignal }) =>
        query.cursor && failures-- > 0
          ? Promise.reject(new BackendError('unreachable', 'down'))
          : real.listReceived!(query, init),
    };
    await contribute('astronaut-one-liner', { title: unique('Kept A') });
    await contribute('astronaut-one-liner', { title: unique('Kept B') });
    const el = await queue(
      html`<contribution-review .source=${source} call="astronaut-one-liner" page-size="1"></contribution-review>`,
    );
    const harness = reviewOf(el);
    const shown = harness.titles;
    harness.loadMoreButton!.click();
    await until(() => harness.moreFailure, 'the failed Load more said nothing');
    expect(harness.titles).to.deep.equal(shown);
    expect(words(harness.moreFailure)).not.to.equal('');
    expect(words(harness.loadMoreButton)).to.equal('Try again');
    harness.loadMoreButton!.click();
    await until(() => harness.items.length === 2, 'Try again did not load the next page');
    expect(harness.moreFailure).to.equal(null);
  });

  it("shows only the new filter's contributions when the filter changes while more load", async () => {
    const real = withContributions(httpSource(api, { headers: auth }));
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    let late: Promise<unknown> | undefined;
    const source = {
      ...real,
      // The next page's answer comes late, whatever the widget does meanwhile.
      listReceived: (query: ReviewQuery, init: { signal?: AbortSignal }) =>
        query.cursor ? (late = released.then(() => real.listReceived!(query, {}))) : real.listReceived!(query, init),
    };
    await contribute('astronaut-one-liner', { title: unique('Late A') });
    await contribute('astronaut-one-liner', { title: unique('Late B') });
    await review(await contribute('astronaut-one-liner', { title: unique('Published') }), 'published');
    const el = await queue(
      html`<contribution-review .source=${source} call="astronaut-one-liner" page-size="1"></contribution-review>`,
    );
    const harness = reviewOf(el);
    harness.loadMoreButton!.click();
    await until(() => late !== undefined, 'Load more asked for nothing');
    harness.choose(harness.statusFilter, 'published');
    await until(() => harness.items.length > 0 && harness.items.every((i) => words(i.status) !== 'Waiting for review'));
    release();
    await late;
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(harness.items.map((i) => words(i.status))).not.to.include('Waiting for review');
  });

  it("ends the queue where the backend's next page repeats one already shown", async () => {
    const real = withContributions(httpSource(api, { headers: auth }));
    await contribute('astronaut-one-liner', { title: unique('Circles') });
    const page = await real.listReceived!({ call: 'astronaut-one-liner', status: 'received', limit: 1 }, {});
    let asked = 0;
    const source = { ...real, listReceived: async () => (asked++, { items: page.items, next: 'the-same-again' }) };
    const el = await queue(html`<contribution-review .source=${source}></contribution-review>`);
    const harness = reviewOf(el);
    harness.loadMoreButton!.click();
    await until(() => asked === 2 && !harness.loadMoreButton, 'Load more stayed for a page that repeats');
    expect(harness.items.length).to.equal(1);
  });

  it('filters by call and status, and downloads the export zip in one click', async () => {
    const title = unique('Exported');
    const id = await contribute('astronaut-one-liner', { title });
    await review(id, 'published');
    const el = await queue(
      html`<contribution-review api=${api} .headers=${auth} campaign="this-is-malaysia" page-size="100"></contribution-review>`,
    );
    expect(itemOf(el, id)).to.equal(null);
    const queueShown = reviewOf(el);
    queueShown.choose(queueShown.statusFilter, 'published');
    await until(() => itemOf(el, id));
    const call = queueShown.callFilter!;
    expect([...call.options].map((o) => o.value)).to.include.members(['', 'astronaut-one-liner', 'puisi-voices']);
    queueShown.choose(call, 'puisi-voices');
    await until(() => !itemOf(el, id));
    queueShown.choose(call, 'astronaut-one-liner');
    await until(() => itemOf(el, id));
    const blobs: Blob[] = [];
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), create.call(URL, blob));
    HTMLAnchorElement.prototype.click = function () {};
    try {
      const exportButton = queueShown.exportButton!;
      expect(words(exportButton)).to.equal(
        'Download the published files of “Write a one-liner for the thinking astronaut” (zip)',
      );
      exportButton.click();
      await until(() => blobs.length === 1);
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    const head = new Uint8Array(await blobs[0].slice(0, 2).arrayBuffer());
    expect(String.fromCharCode(...head)).to.equal('PK');
  });

  it('says when the token is not allowed (401 and 403), never a blank', async () => {
    const wrong = await queue(
      html`<contribution-review
        api=${api}
        .headers=${{ Authorization: 'Bearer not-a-token-anyone-has-000' }}
      ></contribution-review>`,
    );
    expect(words(reviewOf(wrong).notAllowed)).to.contain('This token is not allowed here.');
    expect(words(reviewOf(wrong).notAllowed)).to.contain('organiser token');
    const none = await queue(html`<contribution-review api=${api}></contribution-review>`);
    expect(words(reviewOf(none).notAllowed)).to.contain('Authorization');
    const forbidden = {
      ...httpSource(api),
      listReceived: () => Promise.reject(new BackendError('problem', 'This token does not cover the campaign.', 403)),
    };
    const other = await queue(html`<contribution-review .source=${forbidden} campaign="project-power"></contribution-review>`);
    expect(words(reviewOf(other).notAllowed)).to.contain('does not cover these contributions');
  });

  it('renders hostile text in every field as text, and runs none of it', async () => {
    const attack = (field: string) => `${field}<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;
    const id = await contribute('astronaut-one-liner', {
      title: attack('title'),
      text: attack('text'),
      creditName: attack('credit'),
      email: 'x@example.org',
    });
    const el = await queue(
      html`<contribution-review api=${api} .headers=${auth} call="astronaut-one-liner" page-size="100"></contribution-review>`,
    );
    const item = reviewOf(el).item(id);
    expect(item.item, 'the hostile contribution is in the queue').to.exist;
    expect(item.markup).to.equal(null);
    expect(words(item.title)).to.contain('title<img');
    expect(words(item.firstFact)).to.contain('credit<img');
    await new Promise((r) => setTimeout(r, 200));
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });
});
