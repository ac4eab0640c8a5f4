import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/call-for-contributions/define.js';
import '../../src/contribution-uploader/define.js';
import { backend } from '../harness/backend.js';
import { $, settled } from '../harness/dom.js';

let api: string;
before(async () => ({ api } = await backend()));

/** A theme's global rules on inherited properties, as blog themes ship them. */
const hostile = `
  * { text-shadow: 2px 2px 0 red; cursor: crosshair; }
  body { letter-spacing: 0.3em; word-spacing: 1em; text-transform: uppercase; font-style: italic;
         font-variant: small-caps; hyphens: auto; word-break: break-all; }`;
let sheet: HTMLStyleElement;
beforeEach(() => {
  sheet = document.head.appendChild(document.createElement('style'));
  sheet.textContent = hostile;
});
afterEach(() => {
  sheet.remove();
  fixtureCleanup();
});

const style = (el: Element | null) => getComputedStyle(el!);

describe('inherited styles of the page', () => {
  it('does not reach the widgets’ text: shadow, cursor, spacing, case, italics, small caps, breaking', async () => {
    const wrapper = await fixture(
      html`<div>
        <call-for-contributions api=${api} call="puisi-voices"></call-for-contributions>
        <contribution-uploader api=${api} call="astronaut-one-liner"></contribution-uploader>
      </div>`,
    );
    const list = wrapper.querySelector('call-for-contributions')!;
    const form = wrapper.querySelector('contribution-uploader')!;
    await Promise.all([settled(list), settled(form, 'form')]);
    // The page's rules do reach the host: the reset below is what keeps them out.
    expect(style(list).textShadow).to.not.equal('none');
    expect(style(list).cursor).to.equal('crosshair');
    for (const text of [$(list, '.title'), $(list, '.summary'), $(form, 'label')]) {
      const s = style(text);
      expect(s.textShadow, 'text-shadow').to.equal('none');
      expect(s.cursor, 'cursor').to.not.equal('crosshair');
      expect(s.letterSpacing, 'letter-spacing').to.equal('normal');
      expect(s.wordSpacing, 'word-spacing').to.equal('0px');
      expect(s.textTransform, 'text-transform').to.equal('none');
      expect(s.fontStyle, 'font-style').to.equal('normal');
      expect(s.fontVariantCaps, 'font-variant').to.equal('normal');
      expect(s.hyphens, 'hyphens').to.equal('manual');
      expect(s.wordBreak, 'word-break').to.equal('normal');
    }
    // Buttons still say they can be pressed.
    expect(style($(list, '.contribute')).cursor).to.equal('pointer');
  });

  it('takes its direction from its own language, not from the page', async () => {
    const wrapper = await fixture(
      html`<div dir="rtl" lang="ar">
        <call-for-contributions api=${api} call="puisi-voices" lang="en"></call-for-contributions>
        <call-for-contributions api=${api} call="puisi-voices"></call-for-contributions>
      </div>`,
    );
    const [english, arabic] = wrapper.querySelectorAll('call-for-contributions');
    await Promise.all([settled(english), settled(arabic)]);
    // The page is right to left; an English widget on it is left to right.
    expect(style(english).direction).to.equal('rtl');
    expect(style($(english, '[part=base]')).direction).to.equal('ltr');
    // A widget that takes the page's Arabic is right to left (its English summary, isolated with
    // dir=auto, runs left to right inside it: see test/languages).
    expect(style($(arabic, '[part=base]')).direction).to.equal('rtl');
  });
});
