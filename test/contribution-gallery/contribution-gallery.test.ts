import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/contribution-gallery/define.js';
import '../../src/call-for-contributions/define.js';
import { forget } from '../../src/api/cache.js';
import { BackendError } from '../../src/api/request.js';
import { httpSource, type CallSource } from '../../src/api/source.js';
import type { PublishedContribution } from '../../src/api/types.js';
import type { ContributionGalleryElement } from '../../src/contribution-gallery/contribution-gallery.js';
import { backend, storedContributions } from '../harness/backend.js';
import { deepActiveElement, expectFocusOn, tabTo, until, words } from '../harness/dom.js';
import { galleryOf } from '../harness/gallery.js';
import { listOf } from '../harness/list.js';
import { contribute, published, review } from '../harness/organiser.js';
import { formOf } from '../harness/uploader.js';

let api: string;
before(async () => ({ api } = await backend()));
// Each test asks the backend again: what an organiser just published must not hide behind the page's cache.
beforeEach(() => forget());
afterEach(() => fixtureCleanup());

async function gallery(template: ReturnType<typeof html>): Promise<ContributionGalleryElement> {
  const el = await fixture<ContributionGalleryElement>(template);
  await galleryOf(el).shown();
  return el;
}
const items = (el: Element) => galleryOf(el).items;
const itemTitles = (el: Element) => galleryOf(el).titles;
const unique = (what: string) => `${what} ${Math.random().toString(36).slice(2, 8)}`;

/** A source that answers the contract from memory, for what the reference backend never sends. */
function sourceWith(contributions: unknown[], extra: Partial<CallSource> = {}): CallSource {
  const real = httpSource(api);
  return { ...real, listContributions: async () => ({ items: contributions, next: null }) as never, ...extra };
}

const published1 = (fields: Partial<PublishedContribution>): PublishedContribution => ({
  id: 'p1',
  callId: 'astronaut-one-liner',
  kind: 'image',
  creditName: 'Mei',
  title: 'Dusk',
  media: [],
  publishedAt: '2026-11-01T10:00:00Z',
  ...fields,
});

describe('<contribution-gallery>', () => {
  it('is accessible with contributions, empty, loading, failed, and in the dark theme', async () => {
    await published('astronaut-one-liner', { title: unique('Accessible'), text: 'I left my keys on the Moon.' });
    await expect(
      await gallery(html`<contribution-gallery api=${api} call="astronaut-one-liner"></contribution-gallery>`),
    ).to.be.accessible();
    await expect(
      await gallery(html`<contribution-gallery api=${api} campaign="no-such-campaign"></contribution-gallery>`),
    ).to.be.accessible();
    const loading = await fixture<ContributionGalleryElement>(
      html`<contribution-gallery
        .source=${sourceWith([], { listContributions: () => new Promise(() => undefined) })}
      ></contribution-gallery>`,
    );
    await until(() => galleryOf(loading).loading);
    await expect(loading).to.be.accessible();
    const failing = sourceWith([], {
      listContributions: () => Promise.reject(new BackendError('problem', 'The database is down.', 500)),
    });
    const failed = await gallery(html`<contribution-gallery .source=${failing}></contribution-gallery>`);
    expect(words(galleryOf(failed).failure)).to.contain('The contributions could not be shown.');
    await expect(failed).to.be.accessible();
    await expect(
      await gallery(html`<contribution-gallery api=${api} campaign="this-is-malaysia" theme="dark"></contribution-gallery>`),
    ).to.be.accessible();
  });

  it('shows a contribution once an organiser publishes it, and never one received or rejected', async () => {
    const shownTitle = unique('Published');
    const rejectedTitle = unique('Rejected');
    const waitingTitle = unique('Waiting');
    const rejected = await contribute('astronaut-one-liner', { title: rejectedTitle, text: 'No.' });
    await review(rejected, 'rejected');
    await contribute('astronaut-one-liner', { title: waitingTitle, text: 'Soon.' });
    const before = await gallery(html`<contribution-gallery api=${api} call="astronaut-one-liner"></contribution-gallery>`);
    expect(itemTitles(before)).not.to.include(shownTitle);
    fixtureCleanup();
    forget();
    await published('astronaut-one-liner', {
      title: shownTitle,
      text: 'She counts the stars she has not named yet.',
      creditName: 'Nurul',
    });
    const el = await gallery(
      html`<contribution-gallery api=${api} call="astronaut-one-liner" page-size="50"></contribution-gallery>`,
    );
    // Newest first.
    expect(itemTitles(el)[0]).to.equal(shownTitle);
    expect(itemTitles(el)).not.to.include(rejectedTitle);
    expect(itemTitles(el)).not.to.include(waitingTitle);
    const item = items(el)[0];
    expect(words(item.quote)).to.equal('She counts the stars she has not named yet.');
    expect(words(item.credit)).to.equal('by Nurul');
    expect(words(item.meta)).to.contain('Licence: CC BY-SA 4.0');
    // The call's prompt beside the answer.
    expect(words(item.prompt)).to.equal('Answering “Write a one-liner for the thinking astronaut”');
  });

  it('renders hostile text in every user-written field as text, and runs none of it', async () => {
    const attack = (field: string) => `${field}<script>window.__xss=1</script><img src=x onerror="window.__xss=1">`;
    const id = await published('astronaut-one-liner', {
      title: attack('title').slice(0, 140),
      text: attack('text').slice(0, 140),
      creditName: attack('credit'),
    });
    const el = await gallery(
      html`<contribution-gallery api=${api} campaign="this-is-malaysia" page-size="50"></contribution-gallery>`,
    );
    const item = galleryOf(el).item(id);
    expect(item.item, 'the hostile contribution is shown').to.exist;
    expect(item.markup).to.equal(null);
    expect(words(item.quote)).to.contain('text<script>');
    expect(words(item.credit)).to.contain('credit<script>');
    expect(words(item.title)).to.contain('title<script>');
    await new Promise((r) => setTimeout(r, 200));
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('pages newest first with Load more, and moves focus to the first new contribution', async () => {
    const campaignCall = 'astronaut-one-liner';
    const titles = [unique('Page A'), unique('Page B'), unique('Page C')];
    for (const title of titles) await published(campaignCall, { title, text: title });
    const el = await gallery(html`<contribution-gallery api=${api} call=${campaignCall} page-size="2"></contribution-gallery>`);
    expect(itemTitles(el)).to.deep.equal([titles[2], titles[1]]);
    const more = galleryOf(el).loadMoreButton!;
    expect(words(more)).to.equal('Load more contributions');
    more.click();
    await until(() => items(el).length === 4);
    expect(itemTitles(el)[2]).to.equal(titles[0]);
    expectFocusOn(items(el)[2].item);
    expect(words(galleryOf(el).status)).to.equal('4 contributions shown');
  });

  it("keeps what is shown when Load more fails, and ends where the backend's next page repeats one shown", async () => {
    let asked = 0;
    const source = sourceWith([], {
      listContributions: async (query) => {
        asked++;
        if (query.cursor && asked === 2) throw new BackendError('unreachable', 'down');
        return { items: [published1({ id: 'again', kind: 'text', text: 'Again' })], next: 'the-same-again' } as never;
      },
    });
    const el = await gallery(html`<contribution-gallery .source=${source}></contribution-gallery>`);
    const harness = galleryOf(el);
    harness.loadMoreButton!.click();
    await until(() => harness.failure, 'the failed Load more said nothing');
    expect(items(el).length).to.equal(1);
    expect(words(harness.loadMoreButton)).to.equal('Try again');
    harness.loadMoreButton!.click();
    await until(() => asked === 3 && !harness.loadMoreButton, 'Load more stayed for a page that repeats');
    expect(items(el).length).to.equal(1);
    expect(harness.failure).to.equal(null);
  });

  it('moves between contributions with the arrow keys, and reaches every control with Tab', async () => {
    for (const n of [1, 2, 3]) await published('astronaut-one-liner', { title: unique(`Keys ${n}`), text: `Line ${n}` });
    const el = await gallery(
      html`<contribution-gallery api=${api} call="astronaut-one-liner" page-size="3"></contribution-gallery>`,
    );
    const [first, second, third] = items(el).map((i) => i.item!);
    // One stop for the list: the first item; its Build on this is the next one.
    await tabTo(first);
    await sendKeys({ press: 'ArrowRight' });
    expectFocusOn(second);
    await sendKeys({ press: 'End' });
    expectFocusOn(third);
    await sendKeys({ press: 'ArrowUp' });
    expectFocusOn(second);
    await sendKeys({ press: 'Home' });
    expectFocusOn(first);
    await sendKeys({ press: 'Tab' });
    expectFocusOn(items(el)[0].buildOnButton);
    // Roving: the others are not Tab stops, their buttons are.
    expect(second.tabIndex).to.equal(-1);
    await sendKeys({ press: 'Tab' });
    expectFocusOn(items(el)[1].buildOnButton);
  });

  it('builds on a contribution by keyboard: the form names it and sends basedOn', async () => {
    const title = unique('Original');
    const original = await published('astronaut-one-liner', { title, text: 'The Moon is a waiting room.', creditName: 'Farid' });
    const el = await gallery(
      html`<contribution-gallery api=${api} call="astronaut-one-liner" page-size="1"></contribution-gallery>`,
    );
    const item = items(el)[0];
    expect(item.id).to.equal(original);
    const build = item.buildOnButton!;
    expect(build.getAttribute('aria-label')).to.equal(`Build on this: “${title}” by Farid`);
    await tabTo(build);
    await sendKeys({ press: 'Enter' });
    await until(() => galleryOf(el).buildingForm && formOf(galleryOf(el).buildingForm!).form);
    expectFocusOn(galleryOf(el).buildingHeading);
    const form = formOf(galleryOf(el).buildingForm!);
    await expect(el).to.be.accessible();
    expect(words(form.buildingOn)).to.equal(`Building on ${title} by Farid`);
    expect(form.buildingOn!.querySelector('em')!.textContent).to.equal(title);
    // Keyboard only: type the line, the credit, tick consent, send.
    await tabTo(form.textField!);
    await sendKeys({ type: 'And the waiting room has a view.' });
    await tabTo(form.creditField!);
    await sendKeys({ type: 'Siti' });
    await tabTo(form.consentBox!);
    // A space, typed: Firefox's WebDriver BiDi knows no "Space" key name.
    await sendKeys({ type: ' ' });
    await tabTo(form.submitButton!);
    await sendKeys({ press: 'Enter' });
    await until(() => form.thanks);
    const stored = (await storedContributions()).find((c) => c.text === 'And the waiting room has a view.');
    expect(stored?.basedOn).to.deep.equal([original]);
    expect(deepActiveElement()).to.equal(form.thanksHeading);
  });

  it('offers Build on this only while the call is open', async () => {
    const source = sourceWith([published1({ id: 'closed-1', callId: 'thank-you-notes-2025', kind: 'text', text: 'Old words' })]);
    const el = await gallery(html`<contribution-gallery .source=${source}></contribution-gallery>`);
    expect(items(el)).to.have.length(1);
    expect(items(el)[0].buildOnButton).to.equal(null);
  });

  it('reserves each image its size, and loads no audio or video until played', async () => {
    const media = [
      published1({ id: 'img', media: [{ url: `${api}/media/img/0`, type: 'image/png', bytes: 10, width: 640, height: 480 }] }),
      published1({ id: 'aud', kind: 'audio', media: [{ url: `${api}/media/aud/0`, type: 'audio/ogg', bytes: 10 }] }),
      published1({
        id: 'vid',
        kind: 'video',
        media: [
          { url: `${api}/media/vid/0`, type: 'video/webm', bytes: 10, width: 320, height: 240, poster: `${api}/media/vid/1` },
        ],
      }),
    ];
    const el = await gallery(html`<contribution-gallery .source=${sourceWith(media)}></contribution-gallery>`);
    const img = galleryOf(el).item('img').image!;
    expect([img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['640', '480']);
    expect(img.alt).to.equal('Dusk by Mei');
    const audio = galleryOf(el).item('aud').audio!;
    const video = galleryOf(el).item('vid').video!;
    expect(audio.preload).to.equal('none');
    expect(video.preload).to.equal('none');
    expect(video.poster).to.equal(`${api}/media/vid/1`);
    expect(audio.controls && video.controls).to.equal(true);
    expect(performance.getEntriesByType('resource').filter((e) => /\/media\/(aud|vid)\/0/.test(e.name))).to.have.length(0);
  });

  it('leaves out a malformed contribution or one whose media is served elsewhere, and shows the rest', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const source = sourceWith([
        published1({ id: 'good', kind: 'text', text: 'Fine' }),
        { ...published1({ id: 'no-credit' }), creditName: '' },
        published1({ id: 'elsewhere', media: [{ url: 'https://evil.example/x.png', type: 'image/png', bytes: 1 }] }),
        published1({ id: 'script', media: [{ url: 'javascript:alert(1)', type: 'image/png', bytes: 1 }] }),
      ]);
      const el = await gallery(html`<contribution-gallery .source=${source}></contribution-gallery>`);
      expect(items(el).map((i) => i.id)).to.deep.equal(['good']);
      expect(warnings.join('\n')).to.contain('items[1].creditName is empty');
      expect(warnings.join('\n')).to.contain('items[2].media[0] is not served by the backend');
      expect(warnings.join('\n')).to.contain('items[3].media[0].url is not an http(s) URL');
    } finally {
      console.warn = warn;
    }
  });

  it("shows a call's latest contributions under it in <call-for-contributions show-contributions>", async () => {
    const title = unique('Under the call');
    await published('astronaut-one-liner', { title, text: 'Under it.' });
    const list = await fixture(
      html`<call-for-contributions api=${api} campaign="this-is-malaysia" show-contributions></call-for-contributions>`,
    );
    const latest = () => listOf(list).card('astronaut-one-liner').latest;
    await until(latest);
    const el = latest()!;
    await galleryOf(el).shown();
    expect(itemTitles(el)[0]).to.equal(title);
    expect(items(el).length).to.be.at.most(3);
    await expect(list).to.be.accessible();
  });

  it("leads the list's thank-you to the call's latest contributions under its card", async () => {
    await published('favourite-word', { title: unique('Latest'), text: 'Rindu.' });
    const list = await fixture(
      html`<call-for-contributions api=${api} call="favourite-word" show-contributions></call-for-contributions>`,
    );
    await until(() => listOf(list).card().latest, 'no gallery under the call');
    const card = listOf(list).card();
    const latest = () => galleryOf(card.latest!).item();
    await until(() => latest().item, 'no latest contributions under the call');
    card.contribute();
    await until(() => card.form && formOf(card.form).form, 'the answer form did not open');
    const form = formOf(card.form!);
    form.fill({ text: 'Senja.', creditName: 'Lina', consent: true });
    await form.submit();
    await tabTo(form.seeContributions!);
    await sendKeys({ press: 'Enter' });
    expectFocusOn(latest().item);
  });

  it('speaks Malay on a Malay page', async () => {
    const el = await gallery(
      html`<contribution-gallery api=${api} campaign="no-such-campaign" lang="ms"></contribution-gallery>`,
    );
    expect(words(galleryOf(el).empty)).to.contain('Belum ada apa-apa');
  });
});
