// The answer region of <call-for-contributions>, which opens under a call on Contribute: what it
// says while the answer form's code is on its way (held back by the test server, as on a slow
// network), where focus is when the form arrives, and which language it speaks from its first
// frame. When that code cannot be had at all: missing-answer-form.test.ts.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { backend } from '../harness/backend.js';
import { atFirstFrame, settled, words } from '../harness/dom.js';
import { listOf } from '../harness/list.js';
import { defineHeld, holdCode } from '../harness/missing-code.js';

const page = 'answer-region-test';

let api: string;
before(async () => {
  ({ api } = await backend());
  await defineHeld(page, 'call-for-contributions/define.ts');
});
afterEach(async () => {
  fixtureCleanup();
  await holdCode(page, []);
});

describe('<call-for-contributions> answer region', () => {
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
