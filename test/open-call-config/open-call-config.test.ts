import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/call-for-contributions/define.js';
import '../../src/open-call-config/define.js';
import type { OpenCallConfigElement } from '../../src/open-call-config/open-call-config.js';
import { backend } from '../harness/backend.js';
import { deepActiveElement, settled, until, words } from '../harness/dom.js';
import { listOf } from '../harness/list.js';

let api: string;
before(async () => ({ api } = await backend()));
afterEach(() => fixtureCleanup());

describe('<open-call-config>', () => {
  it('is accessible, with the widgets inside it', async () => {
    const config = await fixture<OpenCallConfigElement>(
      html`<open-call-config api=${api} lang="ms"
        ><call-for-contributions campaign="this-is-malaysia"></call-for-contributions
      ></open-call-config>`,
    );
    await settled(config.querySelector('call-for-contributions')!);
    await expect(config).to.be.accessible();
  });

  it('lays out nothing of its own: from the keyboard, Tab goes from the page straight into the widget inside', async () => {
    const page = await fixture(
      html`<div>
        <button>Before</button>
        <open-call-config api=${api}><call-for-contributions call="puisi-voices"></call-for-contributions></open-call-config>
      </div>`,
    );
    const config = page.querySelector('open-call-config')!;
    const list = config.querySelector('call-for-contributions')!;
    await settled(list);
    expect(getComputedStyle(config).display).to.equal('contents');
    page.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(list.shadowRoot!.contains(deepActiveElement()), 'focus is in the list').to.equal(true);
  });

  it('takes api, lang and theme from <open-call-config>, and lets its own attributes win', async () => {
    const wrapper = await fixture(
      html`<open-call-config api=${api} lang="ms" theme="dark">
        <call-for-contributions campaign="this-is-malaysia"></call-for-contributions>
        <call-for-contributions campaign="this-is-malaysia" lang="en" theme="light"></call-for-contributions>
      </open-call-config>`,
    );
    const [inherits, overrides] = wrapper.querySelectorAll('call-for-contributions');
    await Promise.all([settled(inherits), settled(overrides)]);
    expect(words(listOf(inherits).card().contributeButton)).to.match(/^Hantar sumbangan/);
    expect(listOf(inherits).root!.classList.contains('dark')).to.equal(true);
    // The dark fallbacks apply: light text on a dark card.
    expect(getComputedStyle(listOf(inherits).card().card!).backgroundColor).to.equal('rgb(31, 32, 35)');
    expect(getComputedStyle(listOf(inherits).root!).color).to.equal('rgb(236, 236, 241)');
    expect(words(listOf(overrides).card().contributeButton)).to.match(/^Contribute/);
    expect(listOf(overrides).root!.classList.contains('light')).to.equal(true);
    expect(getComputedStyle(listOf(overrides).card().card!).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('passes a change on to the widgets inside it: a new language and theme show at once', async () => {
    const config = await fixture<OpenCallConfigElement>(
      html`<open-call-config api=${api}><call-for-contributions call="puisi-voices"></call-for-contributions></open-call-config>`,
    );
    const list = config.querySelector('call-for-contributions')!;
    await settled(list);
    expect(words(listOf(list).card().contributeButton)).to.match(/^Contribute/);
    config.lang = 'ms';
    config.theme = 'dark';
    await until(() => /^Hantar sumbangan/.test(words(listOf(list).card().contributeButton)), 'the list did not speak Malay');
    expect(listOf(list).root!.classList.contains('dark')).to.equal(true);
  });

  it('shares only what is set on it: a widget inside still takes its language from nearer up the page', async () => {
    const page = await fixture(
      html`<open-call-config api=${api}>
        <div lang="ms"><call-for-contributions call="puisi-voices"></call-for-contributions></div>
      </open-call-config>`,
    );
    const list = page.querySelector('call-for-contributions')!;
    await settled(list);
    expect(words(listOf(list).card().contributeButton)).to.match(/^Hantar sumbangan/);
  });
});
