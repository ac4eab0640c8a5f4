// Every interface language, in a real browser against the reference backend: each element
// renders in it with its own words and axe finds nothing; Arabic lays out right to left with
// English titles isolated; a call's translations follow the widget's language; a page adds a
// language and changes a word with registerWords.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/call-for-contributions/define.js';
import '../../src/contribution-uploader/define.js';
import '../../src/contribution-recorder/define.js';
import '../../src/contribution-gallery/define.js';
import '../../src/contribution-review/define.js';
import { forget } from '../../src/api/cache.js';
import { en as listEnglish } from '../../src/call-for-contributions/words/en.js';
import { en as uploaderEnglish } from '../../src/contribution-uploader/words/en.js';
import { en as recorderEnglish } from '../../src/contribution-recorder/words/en.js';
import { en as galleryEnglish } from '../../src/contribution-gallery/words/en.js';
import { en as reviewEnglish } from '../../src/contribution-review/words/en.js';
import { formatLocale, languages, nearestLanguage, registerWords } from '../../src/core/words.js';
import { wordsFor } from '../../src/core/languages.js';
import { backend } from '../harness/backend.js';
import { $, $$, settled, until, words } from '../harness/dom.js';
import { listOf } from '../harness/list.js';
import { published } from '../harness/organiser.js';

let api: string;
let auth: Record<string, string>;
before(async () => {
  const b = await backend();
  api = b.api;
  auth = { Authorization: `Bearer ${b.organiserToken}` };
  await published('astronaut-one-liner', { title: 'Dusk on the hill', text: 'I left my keys on the Moon.' });
  await published('astronaut-one-liner', { title: 'Night shift', text: 'Houston, I can see my house.' });
});
beforeEach(() => forget());
afterEach(() => fixtureCleanup());

/** Each element on one page, in `lang`, once each has shown what it loaded. */
async function everyElement(lang: string) {
  const page = await fixture<HTMLElement>(
    html`<div lang=${lang}>
      <call-for-contributions api=${api} campaign="this-is-malaysia"></call-for-contributions>
      <contribution-uploader api=${api} call="puisi-voices"></contribution-uploader>
      <contribution-recorder api=${api} call="puisi-voices" kind="audio"></contribution-recorder>
      <contribution-gallery api=${api} campaign="this-is-malaysia"></contribution-gallery>
      <contribution-review api=${api} campaign="this-is-malaysia" .headers=${auth}></contribution-review>
    </div>`,
  );
  const [list, uploader, recorder, gallery, review] = [...page.children] as HTMLElement[];
  await settled(list);
  await settled(uploader, 'form');
  await settled(recorder, '.turn-on');
  await settled(gallery, '.list:not(.skeletons)');
  await settled(review, '.list:not(.skeletons), .message');
  await until(() => !$(review, '[aria-busy=true], .loading'), 'the review kept loading');
  return { page, list, uploader, recorder, gallery, review };
}

describe('ten interface languages', () => {
  for (const lang of languages) {
    it(`renders every element in ${lang}, with its own words, axe clean`, async () => {
      const { page, list, uploader, recorder, gallery, review } = await everyElement(lang);
      // Each root says the language it shows, and (but for English) shows words other than English.
      for (const el of [list, uploader, recorder, gallery, review])
        expect($(el, '[part=base]')?.getAttribute('lang'), el.localName).to.equal(lang);
      // What each shows is that language's own table, not English standing in for it.
      const table = async <T>(name: Parameters<typeof wordsFor>[0], english: T) =>
        lang === 'en' ? english : ((await wordsFor(name, lang)) as T);
      const [l, u, r, g, rv] = await Promise.all([
        table('call-for-contributions', listEnglish),
        table('contribution-uploader', uploaderEnglish),
        table('contribution-recorder', recorderEnglish),
        table('contribution-gallery', galleryEnglish),
        table('contribution-review', reviewEnglish),
      ]);
      expect(words(listOf(list).card().contributeButton)).to.match(new RegExp(`^${l.contribute}`));
      expect(words($(uploader, '.submit'))).to.equal(u.submit);
      expect(words($(recorder, '.turn-on'))).to.equal(r.allow('audio'));
      expect($(gallery, '.list')?.getAttribute('aria-label')).to.equal(g.label);
      expect([rv.label, rv.empty]).to.include($(review, '.list')?.getAttribute('aria-label') ?? words($(review, '.message')));
      if (lang !== 'en') expect(l.contribute).to.not.equal(listEnglish.contribute);
      expect(words($(list, '[role=status]'))).to.equal(l.callsShown(new Intl.NumberFormat(lang).format(2), 2));
      await expect(page).to.be.accessible();
    });
  }
});

describe('Arabic, right to left', () => {
  it('lays each widget out right to left, icons and text in reading order, with Arabic digits', async () => {
    const { list, uploader, gallery } = await everyElement('ar');
    for (const el of [list, uploader, gallery]) expect(getComputedStyle($(el, '[part=base]')!).direction).to.equal('rtl');
    // In a row, the first thing sits at the right: the icon of what a call accepts, then its words to its left.
    const accepts = listOf(list).card().card!.querySelector('.accepts li')!;
    const [icon, text] = [accepts.querySelector('svg')!, accepts.querySelector('span')!].map((e) => e.getBoundingClientRect());
    expect(icon.left, 'the icon is right of its words').to.be.greaterThan(text.left);
    // The form's text starts at the right edge.
    const label = $(uploader, 'label[for="consent"]')!.getBoundingClientRect();
    const form = $(uploader, 'form')!.getBoundingClientRect();
    expect(form.right - label.right, 'the consent label hugs the right edge').to.be.lessThan(form.width / 4);
    // Numbers and dates as Intl writes them for the tag (its digits too: Latin for ar in current CLDR, ١٢٣ for ar-EG).
    const time = listOf(list).card().card!.querySelector('time')!;
    const intl = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeStyle: 'short' });
    expect(words(time)).to.equal(intl.format(new Date(time.dateTime)));
  });

  it('shows an Arabic translation where the call has one, and isolates an English title', async () => {
    const { list, uploader } = await everyElement('ar');
    const titles = listOf(list).cards.map((c) => c.card!.querySelector('.title')!);
    const astronaut = titles.find((t) => t.closest('[data-call="astronaut-one-liner"]'))!;
    const puisi = titles.find((t) => t.closest('[data-call="puisi-voices"]'))!;
    expect(words(astronaut)).to.equal('اكتب سطرًا واحدًا لرائدة الفضاء الشاردة');
    // Puisi has no Arabic: its English title, in an isolate, so its quotes and words keep their order.
    const bdi = puisi.querySelector('bdi')!;
    expect(words(bdi)).to.equal('Say “puisi” in your own voice');
    expect(getComputedStyle(bdi).unicodeBidi).to.equal('isolate');
    expect(getComputedStyle(bdi).direction, 'the English title runs left to right').to.equal('ltr');
    // Inside a sentence (the consent label), the title sits between Unicode isolate marks.
    expect($(uploader, 'label[for="consent"]')!.textContent).to.contain('\u2068Say “puisi” in your own voice\u2069');
  });

  it('moves to the next contribution with the left arrow in the gallery', async () => {
    const { gallery } = await everyElement('ar');
    const items = $$(gallery, 'article.item');
    expect(items.length).to.be.at.least(2);
    items[0].focus();
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => shadowActive(gallery) === items[1], 'ArrowLeft did not move to the next item');
  });
});

const shadowActive = (el: Element) => el.shadowRoot?.activeElement;

describe('a call’s translations', () => {
  it('follow the widget’s language in the list, the form, the recorder’s prompt and the gallery', async () => {
    const { list, uploader, recorder, gallery } = await everyElement('ms-MY');
    const card = listOf(list).cards.find((c) => c.id === 'puisi-voices')!;
    expect(words(card.card!.querySelector('.title'))).to.equal('Sebut “puisi” dengan suara anda sendiri');
    expect(words(card.card!.querySelector('.summary'))).to.match(/^Penutur bahasa Melayu/);
    // Inside the consent sentence the title's own quotes become the inner kind.
    expect(words($(uploader, 'label[for="consent"]'))).to.contain('“Sebut ‘puisi’ dengan suara anda sendiri”');
    expect($(uploader, 'form')!.getAttribute('aria-label')).to.equal('Jawab: Sebut “puisi” dengan suara anda sendiri');
    expect(words($(recorder, '.prompt-title'))).to.equal('Sebut “puisi” dengan suara anda sendiri');
    expect(words($(recorder, '.prompt-summary'))).to.match(/^Penutur bahasa Melayu/);
    const prompt = $$(gallery, '.prompt').find((p) => /angkasawan/.test(words(p)));
    expect(words(prompt), 'the gallery names the call in Malay').to.equal(
      'Menjawab “Tulis satu baris untuk angkasawan yang termenung”',
    );
  });

  it('show the call’s own words in a language it has no translation for', async () => {
    const { list } = await everyElement('de');
    const card = listOf(list).cards.find((c) => c.id === 'puisi-voices')!;
    expect(words(card.card!.querySelector('.title'))).to.equal('Say “puisi” in your own voice');
    expect(words(card.contributeButton)).to.match(/^Mitmachen/);
  });
});

describe('the nearest language, and registerWords', () => {
  it('picks the nearest language a page asks for, else English', () => {
    const nearest = Object.fromEntries(
      ['pt-BR', 'zh-Hans-CN', 'zh-CN', 'fil-PH', 'tl', 'ms-MY', 'ar-EG', 'sv', 'xx-YY'].map((t) => [t, nearestLanguage(t)]),
    );
    expect(nearest).to.deep.equal({
      'pt-BR': 'pt',
      'zh-Hans-CN': 'zh',
      'zh-CN': 'zh',
      'fil-PH': 'fil',
      tl: 'fil',
      'ms-MY': 'ms',
      'ar-EG': 'ar',
      sv: 'en',
      'xx-YY': 'en',
    });
    expect([formatLocale('pt-BR'), formatLocale('tl'), formatLocale('sv')]).to.deep.equal(['pt-BR', 'fil', 'en']);
  });

  it('speaks a language a page adds, and a word a page changes', async () => {
    registerWords('sw', 'call-for-contributions', {
      ...listEnglish,
      callsLabel: 'Miito iliyo wazi',
      callsShown: (count) => `Miito ${count} inaonyeshwa`,
      contribute: 'Changia',
    });
    registerWords('ms', 'call-for-contributions', { contribute: 'Sertai' });
    // The language comes from the page (lang on the element itself would also filter the calls by it).
    const swahiliPage = await fixture<HTMLElement>(
      html`<div lang="sw-KE"><call-for-contributions api=${api} campaign="this-is-malaysia"></call-for-contributions></div>`,
    );
    const swahili = swahiliPage.firstElementChild!;
    await settled(swahili);
    expect($(swahili, '[part=base]')!.getAttribute('lang')).to.equal('sw-KE');
    expect(words($(swahili, '[role=status]'))).to.equal('Miito 2 inaonyeshwa');
    expect(words(listOf(swahili).card().contributeButton)).to.match(/^Changia/);
    const malayPage = await fixture<HTMLElement>(
      html`<div lang="ms"><call-for-contributions api=${api} campaign="this-is-malaysia"></call-for-contributions></div>`,
    );
    const malay = malayPage.firstElementChild!;
    await settled(malay);
    expect(words(listOf(malay).card().contributeButton)).to.match(/^Sertai/);
    expect(words($(malay, '[role=status]')), 'the other Malay words stay').to.equal('2 panggilan dipaparkan');
  });
});
