import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/call-for-contributions/define.js';
import '../../src/contribution-uploader/define.js';
import { backend } from '../harness/backend.js';
import { contrastFindings } from '../harness/contrast.js';
import { $, settled } from '../harness/dom.js';

let api: string;
before(async () => ({ api } = await backend()));

/** The visitor's system setting; false where the browser cannot emulate it (the test then says so and stops). */
async function system(scheme: 'light' | 'dark'): Promise<boolean> {
  try {
    await emulateMedia({ colorScheme: scheme });
    return matchMedia(`(prefers-color-scheme: ${scheme})`).matches;
  } catch {
    return false;
  }
}

/** A CSS colour (oklch, light-dark…) as the red, green and blue a canvas paints for it. */
function rgbOf(colour: string): number[] {
  const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = colour;
  context.fillRect(0, 0, 1, 1);
  return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
}

afterEach(async () => {
  fixtureCleanup();
  document.documentElement.style.colorScheme = '';
  document.body.style.background = '';
  await system('light');
});

/** Colours as partners set them: nothing; the demo partner page's; the README's recipe; a surface alone. */
const partners: Record<string, string> = {
  'no partner colours': '',
  "the partner page's colours":
    '--oc-color-accent: #b53c0b; --oc-color-on-accent: #fff; --oc-color-border: #e7d8c4; --oc-color-surface: #fffdf9; --oc-color-subtle: #f6ead9; --oc-color-focus: #0f5c4d',
  "the README's recipe":
    '--oc-color-accent: #b3261e; --oc-color-on-accent: #fff; --oc-color-text: #2b2b2b; --oc-color-surface: #fffdf8',
  'a surface colour alone': '--oc-color-surface: #fffdf6',
  'a dark surface alone': '--oc-color-surface: #20242c',
  'a text colour alone': '--oc-color-text: #3b2f2f',
  "the README's light-dark() pairs":
    '--oc-color-surface: light-dark(#fffdf8, #1c1a19); --oc-color-text: light-dark(#2b2b2b, #f3ede6); --oc-color-accent: light-dark(#b3261e, #f2b8b5); --oc-color-on-accent: light-dark(#fff, #410e0b)',
};

/** What the page declares: nothing (a light page), both schemes, or dark only (with a dark background). */
const pages: Record<string, { scheme: string; background: string }> = {
  'a page that declares no colour scheme': { scheme: '', background: '#faf7f2' },
  'a page that declares "light dark"': { scheme: 'light dark', background: 'Canvas' },
  'a dark page': { scheme: 'dark', background: '#121212' },
};

async function widgets(style: string) {
  const wrapper = await fixture(
    html`<div style=${style}>
      <call-for-contributions api=${api} campaign="this-is-malaysia"></call-for-contributions>
      <call-for-contributions api=${api} status="closed"></call-for-contributions>
      <contribution-uploader api=${api} call="astronaut-one-liner"></contribution-uploader>
    </div>`,
  );
  const [list, closed] = wrapper.querySelectorAll('call-for-contributions');
  const form = wrapper.querySelector('contribution-uploader')!;
  await Promise.all([settled(list), settled(closed), settled(form, 'form')]);
  for (const details of list.shadowRoot!.querySelectorAll('details')) details.open = true;
  return { wrapper, list };
}

describe('colours in both colour schemes', () => {
  for (const [pageName, page] of Object.entries(pages))
    for (const [partnerName, style] of Object.entries(partners))
      it(`has no colour-contrast finding on ${pageName}, with ${partnerName}, in a light and a dark system`, async function () {
        document.documentElement.style.colorScheme = page.scheme;
        document.body.style.background = page.background;
        const { wrapper } = await widgets(style);
        // Firefox's driver cannot emulate the system's scheme: there, the light system only.
        const systems: Array<'light' | 'dark'> = [];
        for (const scheme of ['light', 'dark'] as const) if (await system(scheme)) systems.push(scheme);
        if (!systems.includes('light') && matchMedia('(prefers-color-scheme: light)').matches) systems.push('light');
        if (!systems.length) return this.skip();
        for (const scheme of systems) {
          await system(scheme);
          expect(await contrastFindings(wrapper), `${scheme} system`).to.deep.equal([]);
        }
      });

  it('follows the colour scheme the page declares, not only the visitor’s system', async function () {
    if (!(await system('dark'))) return this.skip();
    // A page that declares nothing is a light page: the widget stays light on a dark system.
    let { list } = await widgets('');
    expect(getComputedStyle($(list, '.card')!).backgroundColor).to.equal('rgb(255, 255, 255)');
    fixtureCleanup();
    // A page that declares both schemes follows the system: dark.
    document.documentElement.style.colorScheme = 'light dark';
    ({ list } = await widgets(''));
    expect(getComputedStyle($(list, '.card')!).backgroundColor).to.equal('rgb(31, 32, 35)');
    expect(getComputedStyle($(list, '.root')!).color).to.equal('rgb(236, 236, 241)');
    // theme="light" keeps it light there.
    list.setAttribute('theme', 'light');
    await list.updateComplete;
    expect(getComputedStyle($(list, '.card')!).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('turns dark on a page that declares only dark, in either system', async () => {
    document.documentElement.style.colorScheme = 'dark';
    const { list } = await widgets('');
    expect(getComputedStyle($(list, '.card')!).backgroundColor).to.equal('rgb(31, 32, 35)');
  });

  it('keeps dark text on a partner’s light surface when the page and the system are dark', async function () {
    if (!(await system('dark'))) return this.skip();
    document.documentElement.style.colorScheme = 'light dark';
    const { list } = await widgets('--oc-color-surface: #fffdf6');
    const card = $(list, '.card')!;
    expect(getComputedStyle(card).backgroundColor).to.equal('rgb(255, 253, 246)');
    // Near black, not the dark palette's near white.
    expect(Math.max(...rgbOf(getComputedStyle($(list, '.summary')!).color))).to.be.below(80);
  });
});
