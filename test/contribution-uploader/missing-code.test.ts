// <contribution-uploader> on a page where the code it loads when first needed is missing from
// the server (a CDN that lost a file, a visitor gone offline): tus-js-client, the recorder, the
// code that reopens a kept recording.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ContributionUploaderElement } from '../../src/contribution-uploader/contribution-uploader.js';
import { backend } from '../harness/backend.js';
import { expectFocusOn, settled, tabTo, until, words } from '../harness/dom.js';
import { defineWithout } from '../harness/missing-code.js';
import { takeStore } from '../../src/record/takes/take-store.js';
import { formOf } from '../harness/uploader.js';
import { makeFile } from './files.js';
import { ephemeralSession, itExceptInWebKit } from '../harness/engine.js';

let api: string;
before(async () => {
  ({ api } = await backend());
  await defineWithout(['tus-js-client', 'contribution-recorder/define', 'record/takes/take'], 'contribution-uploader/define.ts');
});
afterEach(() => fixtureCleanup());

async function uploader(): Promise<ContributionUploaderElement> {
  const el = await fixture<ContributionUploaderElement>(
    html`<contribution-uploader api=${api} call="puisi-voices"></contribution-uploader>`,
  );
  await settled(el, 'form');
  return el;
}

const untilFailed = (el: Element) =>
  waitUntil(() => formOf(el).fileRow().is('failed') && formOf(el).fileRow().error, 'the file did not fail', { timeout: 10_000 });

describe('<contribution-uploader> without the code it loads when first needed', () => {
  it('is accessible with a file that could not upload and a recorder that could not load', async () => {
    const el = await uploader();
    formOf(el).pick(makeFile('puisi.ogg', 20_000, 'audio/ogg'));
    await untilFailed(el);
    formOf(el).recordButton('audio')!.click();
    await until(() => formOf(el).recorderError, 'the recorder did not say it could not load');
    await expect(el).to.be.accessible();
  });

  it('fails a file with the network message, and fails it the same way on Retry, from the keyboard', async () => {
    const el = await uploader();
    formOf(el).pick(makeFile('puisi.ogg', 20_000, 'audio/ogg'));
    await untilFailed(el);
    const message = 'puisi.ogg could not reach the server. Check your connection, then try again.';
    expect(words(formOf(el).fileRow().error)).to.equal(message);
    const retry = formOf(el).fileRow().resumeButton!;
    expect(words(retry)).to.equal('Try again');
    expect(retry.getAttribute('aria-label')).to.equal('Try again to upload puisi.ogg');
    await tabTo(retry);
    await sendKeys({ press: 'Enter' });
    await untilFailed(el);
    expect(words(formOf(el).fileRow().error)).to.equal(message);
    expect(formOf(el).fileRows).to.have.length(1);
  });

  it('says the recorder could not be loaded, and still takes a file, from the keyboard', async () => {
    const el = await uploader();
    const record = formOf(el).recordButton('audio')!;
    await tabTo(record);
    await sendKeys({ press: 'Enter' });
    await until(() => formOf(el).recorderError, 'the recorder did not say it could not load');
    expect(words(formOf(el).recorderError)).to.equal(
      'The recorder could not be loaded. Check your connection and try again, or choose a file instead.',
    );
    const close = formOf(el).closeRecorderButton!;
    await tabTo(close);
    await sendKeys({ press: 'Enter' });
    await until(() => formOf(el).recorderPanel === null, 'the recorder panel did not close');
    expectFocusOn(record);
    formOf(el).pick(makeFile('puisi.ogg', 20_000, 'audio/ogg'));
    await until(() => formOf(el).fileRows.length === 1, 'the file was not taken');
  });

  itExceptInWebKit(
    ephemeralSession.noBlobsInIndexedDB,
    'keeps an unsent recording offered, and says it cannot be opened, from the keyboard',
    async () => {
      // A take kept by an earlier visit (the store itself is there; the code that reopens takes is not).
      const kept = {
        id: 'kept-take',
        callId: 'puisi-voices',
        kind: 'audio',
        fileType: 'audio/ogg',
        extension: 'ogg',
        startedAt: Date.now() - 60_000,
        finished: true,
      } as const;
      await takeStore.save(kept);
      await takeStore.addChunk(kept.id, 0, new Blob([new Uint8Array(1000)], { type: kept.fileType }));
      try {
        const el = await uploader();
        await until(() => formOf(el).sendTakeButton, 'the form did not offer the unsent take');
        await tabTo(formOf(el).sendTakeButton!);
        await sendKeys({ press: 'Enter' });
        const message = 'The recording could not be opened. Check your connection, then try again.';
        await until(() => words(el.shadowRoot).includes(message), 'the form did not say the recording could not be opened');
        expect(formOf(el).unsentTakes).to.have.length(1);
        expect(formOf(el).fileRows).to.have.length(0);
        await expect(el).to.be.accessible();
      } finally {
        await takeStore.remove(kept.id);
      }
    },
  );
});
