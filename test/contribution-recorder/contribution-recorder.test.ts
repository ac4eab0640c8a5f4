import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../src/contribution-recorder/define.js';
import type { ContributionRecorderElement } from '../../src/contribution-recorder/contribution-recorder.js';
import type { RecordingUseDetail } from '../../src/events.js';
import { backend, backendRequests, storedUpload } from '../harness/backend.js';
import { $, until } from '../harness/dom.js';
import { bytesPatched, sha256, uploadIdsIn } from '../contribution-uploader/files.js';

let api: string;
before(async () => ({ api } = await backend()));
afterEach(() => fixtureCleanup());

const recorder = (kind: 'audio' | 'video', extra = html``) =>
  fixture<ContributionRecorderElement>(
    html`<contribution-recorder api=${api} call="puisi-voices" kind=${kind} countdown="0">${extra}</contribution-recorder>`,
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function turnOn(el: ContributionRecorderElement): Promise<void> {
  await until(() => $(el, '.turn-on'), 'the recorder loaded the call');
  $(el, '.turn-on')!.click();
  await until(() => $(el, '.record'), 'the devices are on', 15_000);
}

/** Records for `ms`, checking halfway that bytes already reached the server; returns the take. */
async function recordFor(el: ContributionRecorderElement, ms: number): Promise<RecordingUseDetail> {
  await backendRequests();
  $(el, '.record')!.click();
  await until(() => $(el, '.stop'), 'recording started');
  await sleep(ms - 1500);
  const during = await backendRequests();
  const [id] = uploadIdsIn(during);
  expect(id, 'a PATCH reached the server while recording').to.be.a('string');
  expect(bytesPatched(during, id!)).to.be.greaterThan(0);
  await sleep(1500);
  $(el, '.stop')!.click();
  await until(() => $(el, '.use'), 'the take is ready');
  setTimeout(() => $(el, '.use')!.click());
  const { detail } = (await oneEvent(el, 'recording-use')) as CustomEvent<RecordingUseDetail>;
  return detail;
}

async function expectStoredAsRecorded(detail: RecordingUseDetail): Promise<void> {
  await until(() => detail.upload.state === 'done', 'the upload finished', 15_000);
  const id = new URL(detail.upload.url!).pathname.split('/').pop()!;
  const stored = await storedUpload(id);
  expect(stored.size).to.equal(detail.file.size);
  expect(stored.sha256).to.equal(await sha256(detail.file));
}

describe('<contribution-recorder>', () => {
  it('is accessible before recording, while recording and with a take', async () => {
    const el = await recorder('audio');
    await until(() => $(el, '.turn-on'));
    await expect(el).to.be.accessible();
    await turnOn(el);
    await expect(el).to.be.accessible();
    $(el, '.record')!.click();
    await until(() => $(el, '.stop'));
    await expect(el).to.be.accessible();
    $(el, '.stop')!.click();
    await until(() => $(el, '.use'));
    await expect(el).to.be.accessible();
  });

  it('uploads a 5 s audio take while recording, and the server keeps exactly the recorded bytes', async () => {
    const el = await recorder('audio');
    await turnOn(el);
    const take = await recordFor(el, 5000);
    expect(take.callId).to.equal('puisi-voices');
    expect(take.file.type).to.match(/^audio\/(webm|ogg|mp4)$/);
    expect(take.file.name).to.match(/^recording-\d{4}-\d\d-\d\d-\d{4}\.(webm|ogg|m4a)$/);
    await expectStoredAsRecorded(take);
  });

  it('uploads a 5 s video take while recording, and the server keeps exactly the recorded bytes', async () => {
    const el = await recorder('video');
    await turnOn(el);
    expect($(el, 'video.preview'), 'a live preview').to.exist;
    const take = await recordFor(el, 5000);
    expect(take.file.type).to.match(/^video\/(webm|mp4)$/);
    await expectStoredAsRecorded(take);
  });
});
