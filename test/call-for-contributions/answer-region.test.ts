// The answer region of <call-for-contributions>, which opens under a call on Contribute: what it
// says while the answer form's code is on its way (held back by the test server, as on a slow
// network), where focus is when the form arrives, that a list made after it has arrived shows it
// at once, and which language it speaks from its first frame. When that code cannot be had at all: missing-answer-form.test.ts.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CallForContributionsElement } from '../../src/call-for-contributions/call-for-contributions.js';
import { backend } from '../harness/backend.js';
import { atFirstFrame, deepActiveElement, expectFocusOn, settled, shadow, tabTo, until, words } from '../harness/dom.js';
import { listOf } from '../harness/list.js';
import { defineHeld, holdCode } from '../harness/missing-code.js';
import { formOf } from '../harness/uploader.js';

const page = 'answer-region-test';
const formCode = ['contribution-uploader/in-list'];

let api: string;
before(async () => {
  ({ api } = await backend());
  await defineHeld(page, 'call-for-contributions/define.ts');
});
afterEach(async () => {
  fixtureCleanup();
  await holdCode(page, []);
});

async function list(template: ReturnType<typeof html>): Promise<CallForContributionsElement> {
  const el = await fixture<CallForContributionsElement>(template);
  await settled(el);
  return el;
}

/** What a person hears and sees of the open region at one moment. */
const region = (el: Element) => ({
  heading: words(listOf(el).answerHeading),
  placeholder: words(listOf(el).answerFormPlaceholder),
  live: words(listOf(el).liveRegion),
  form: listOf(el).answerForm !== null,
});

const loading = 'Loading the answer form…';

describe('<call-for-contributions> answer region', () => {
  // The form's code, once it has arrived, stays for the page: this test, which holds it back, comes first.
  it('is accessible while the form is on its way, says so in words, and keeps focus on its heading when the form arrives, from the keyboard alone', async () => {
    await holdCode(page, formCode);
    const el = await list(html`<call-for-contributions api=${api} campaign="this-is-malaysia"></call-for-contributions>`);
    await tabTo(listOf(el).card('astronaut-one-liner').contributeButton!);
    const opened = atFirstFrame(
      el,
      () => listOf(el).answer,
      () => region(el),
    );
    await sendKeys({ press: 'Enter' });
    // From its first frame, the region says what it waits for: in the form's place, and through the list's live region.
    expect(await opened).to.deep.equal({ heading: 'Your answer', placeholder: loading, live: loading, form: false });
    await until(() => deepActiveElement() === listOf(el).answerHeading, 'focus did not move to the answer');
    await expect(el).to.be.accessible();

    await holdCode(page, []);
    await until(() => listOf(el).answerForm, 'the form did not arrive');
    const form = formOf(listOf(el).answerForm!);
    await until(() => form.textField, 'the form did not draw its fields');
    // Focus stays on the heading, and the live region no longer says the form is on its way.
    expectFocusOn(listOf(el).answerHeading);
    expect(region(el)).to.deep.equal({ heading: 'Your answer', placeholder: '', live: '', form: true });
    await expect(el).to.be.accessible();
    // From the heading, Tab goes into the form.
    await sendKeys({ press: 'Tab' });
    expect(listOf(el).answerForm!.shadowRoot!.contains(deepActiveElement())).to.equal(true);
  });

  it('shows the form at once in a second list once the first has loaded it, without saying it is on its way', async () => {
    const first = await list(html`<call-for-contributions api=${api} call="astronaut-one-liner"></call-for-contributions>`);
    listOf(first).card().contribute();
    await until(() => listOf(first).answerForm, 'the form did not arrive');
    // A second list, made after the form's code has arrived (another list on the page, or the list made again).
    const second = await fixture<CallForContributionsElement>(
      html`<call-for-contributions api=${api} campaign="this-is-malaysia"></call-for-contributions>`,
    );
    await settled(second);
    await expect(second).to.be.accessible();
    // What its live region says now (how many calls it shows), and everything it says from now on, as each change lands.
    const said = region(second).live;
    const heard: string[] = [];
    const listening = new MutationObserver(() => heard.push(region(second).live));
    listening.observe(shadow(second), { childList: true, subtree: true, characterData: true });
    await tabTo(listOf(second).card('astronaut-one-liner').contributeButton!);
    const opened = atFirstFrame(
      second,
      () => listOf(second).answer,
      () => region(second),
    );
    await sendKeys({ press: 'Enter' });
    // From its first frame, the region has the form, and the live region says nothing new.
    expect(await opened).to.deep.equal({ heading: 'Your answer', placeholder: '', live: said, form: true });
    await until(() => deepActiveElement() === listOf(second).answerHeading, 'focus did not move to the answer');
    await until(() => formOf(listOf(second).answerForm!).textField, 'the form did not draw its fields');
    await expect(second).to.be.accessible();
    listening.disconnect();
    expect(heard.filter((text) => text !== said)).to.deep.equal([]);
  });

  it('speaks the list’s language from its first frame, and an English list on a French page speaks English', async () => {
    const wrapper = await fixture(
      html`<div lang="fr">
        <call-for-contributions api=${api} call="astronaut-one-liner"></call-for-contributions>
        <call-for-contributions api=${api} call="thank-a-stranger" lang="en"></call-for-contributions>
      </div>`,
    );
    const [french, english] = [...wrapper.querySelectorAll('call-for-contributions')];
    await settled(french);
    await settled(english);
    for (const [el, heading, close] of [
      [french, 'Votre réponse', 'Fermer'],
      [english, 'Your answer', 'Close'],
    ] as const) {
      const opened = atFirstFrame(
        el,
        () => listOf(el).answer,
        () => [words(listOf(el).answerHeading), words(listOf(el).closeAnswerButton)],
      );
      listOf(el).card().contribute();
      expect(await opened).to.deep.equal([heading, close]);
    }
  });
});
