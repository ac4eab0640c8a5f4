// The loop, end to end through the widgets on the real reference backend: a visitor answers a
// call from the list, an organiser publishes it in the review with the keyboard only, it shows
// in the gallery, and "Build on this" sends a new contribution that names it in basedOn.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/call-for-contributions/define.js';
import '../../src/contribution-gallery/define.js';
import '../../src/contribution-review/define.js';
import { forget } from '../../src/api/cache.js';
import type { ContributionReviewDetail } from '../../src/core/events.js';
import { backend, storedContributions } from '../harness/backend.js';
import { deepActiveElement, expectFocusOn, settled, tabTo, until, words } from '../harness/dom.js';
import { galleryOf } from '../harness/gallery.js';
import { listOf } from '../harness/list.js';
import { reviewOf } from '../harness/review.js';
import { formOf } from '../harness/uploader.js';

// A call no other test answers, so that what this test sends is the newest there.
const callId = 'letter-to-future';

let api: string;
let auth: Record<string, string>;
before(async () => {
  const b = await backend();
  api = b.api;
  auth = { Authorization: `Bearer ${b.organiserToken}` };
});
afterEach(() => fixtureCleanup());

/** Types into a field as a visitor does: Tab to it, then the keys. */
async function typeInto(field: Element, text: string): Promise<void> {
  await tabTo(field);
  await sendKeys({ type: text });
}

describe('the loop: answer, publish, see it, build on it', function () {
  this.timeout(60_000);

  it('goes from the list to the review to the gallery and back to a new answer that builds on the first', async () => {
    const title = `To 2040 ${Math.random().toString(36).slice(2, 8)}`;
    const line = `Dear 2040: the trees we planted are yours now. (${title})`;

    // 1. A visitor answers the call on a page with the list, by keyboard.
    const list = await fixture(html`<call-for-contributions api=${api} call=${callId}></call-for-contributions>`);
    await settled(list);
    const card = listOf(list).card();
    await tabTo(card.contributeButton!);
    await sendKeys({ press: 'Enter' });
    await until(() => card.form && formOf(card.form).form, 'the answer form did not open');
    const form = formOf(card.form!);
    await typeInto(form.textField!, line);
    await typeInto(form.titleField!, title);
    await typeInto(form.creditField!, 'Wei Ling');
    await tabTo(form.consentBox!);
    await sendKeys({ type: ' ' });
    await tabTo(form.submitButton!);
    await sendKeys({ press: 'Enter' });
    await until(() => form.thanks, 'no thank-you');
    const first = (await storedContributions()).find((c) => c.text === line);
    expect(first?.callId, 'the answer reached the backend').to.equal(callId);

    // 2. An organiser publishes it in the review, with the keyboard only.
    const decisions: ContributionReviewDetail[] = [];
    const review = await fixture(
      html`<contribution-review
        api=${api}
        .headers=${auth}
        call=${callId}
        undo-time="300"
        @contribution-review=${(e: CustomEvent<ContributionReviewDetail>) => decisions.push(e.detail)}
      ></contribution-review>`,
    );
    await reviewOf(review).shown();
    const item = reviewOf(review).item(first!.id).item!;
    expect(words(reviewOf(review).item(first!.id).title)).to.equal(title);
    await tabTo(reviewOf(review).items.find((a) => a.item!.tabIndex === 0)!.item!);
    for (let i = 0; i < 50 && deepActiveElement() !== item; i++) await sendKeys({ press: 'ArrowDown' });
    expectFocusOn(item);
    await sendKeys({ press: 'p' });
    await until(() => decisions.some((d) => d.contribution.id === first!.id), 'the decision was never sent');
    expect(decisions.find((d) => d.contribution.id === first!.id)?.status).to.equal('published');

    // 3. It shows in the gallery, newest first.
    forget();
    const gallery = await fixture(html`<contribution-gallery api=${api} call=${callId} page-size="1"></contribution-gallery>`);
    await galleryOf(gallery).shown();
    const newest = galleryOf(gallery).item();
    const shown = newest.item!;
    expect(newest.id).to.equal(first!.id);
    expect(words(newest.title)).to.equal(title);
    expect(words(newest.credit)).to.equal('by Wei Ling');

    // 4. "Build on this", answered: the new contribution names the first in basedOn.
    const build = newest.buildOnButton!;
    await tabTo(build);
    await sendKeys({ press: 'Enter' });
    const opened = () => galleryOf(gallery).buildingForm;
    await until(() => opened() && formOf(opened()!).form, 'no form opened');
    const remix = formOf(opened()!);
    expect(words(remix.buildingOn)).to.equal(`Building on ${title} by Wei Ling`);
    const reply = `Dear 2026: we kept them watered. (${title})`;
    await typeInto(remix.textField!, reply);
    await typeInto(remix.creditField!, 'Arif');
    await tabTo(remix.consentBox!);
    await sendKeys({ type: ' ' });
    await tabTo(remix.submitButton!);
    await sendKeys({ press: 'Enter' });
    await until(() => remix.thanks, 'no thank-you after building on it');
    const second = (await storedContributions()).find((c) => c.text === reply);
    expect(second?.basedOn).to.deep.equal([first!.id]);

    // The thank-you leads back to the gallery it was sent from.
    await tabTo(remix.seeContributions!);
    await sendKeys({ press: 'Enter' });
    expectFocusOn(shown);
  });
});
