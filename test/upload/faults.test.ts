// One file's upload against the real reference backend behind a gateway that fails on demand:
// a server restart behind a 502, an upload the server no longer has, a body-size limit.
import { expect } from '@open-wc/testing';
import { FileUpload, type FileUploadOptions } from '../../src/upload/file-upload.js';
import { ResumeStore } from '../../src/upload/resume-store.js';
import {
  proxiedRequests,
  setProxyFault,
  startBackend,
  startProxy,
  stopBackend,
  stopProxy,
  storedUpload,
  type ProxiedRequest,
} from '../harness/backend.js';
import { until } from '../harness/dom.js';
import { makeFile, sha256 } from '../contribution-uploader/files.js';

const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let api: string;
let resumeStore: ResumeStore;
beforeEach(async () => {
  ({ api } = await startProxy(1024 * MiB));
  sessionStorage.clear();
  resumeStore = new ResumeStore({ storage: sessionStorage });
});
afterEach(() => stopProxy());

function upload(file: File, options: Partial<FileUploadOptions> = {}): FileUpload {
  return new FileUpload(file, {
    endpoint: `${api}/uploads/`,
    callId: 'puisi-voices',
    resumeStore,
    onChange: () => undefined,
    ...options,
  });
}

const idOf = (url: string) => url.split('/').pop()!;
const patches = (seen: ProxiedRequest[]) => seen.filter((r) => r.method === 'PATCH');
const created = (seen: ProxiedRequest[]) => seen.filter((r) => r.method === 'POST' && r.status === 201);
const bodies = (seen: ProxiedRequest[]) => seen.reduce((sum, r) => sum + r.bytes, 0);

async function expectStored(u: FileUpload, file: File): Promise<void> {
  await until(() => u.state === 'done' || u.state === 'failed', 'the upload did not finish', 60_000);
  expect(u.state, JSON.stringify(u.failure)).to.equal('done');
  expect((await storedUpload(idOf(u.url!))).sha256).to.equal(await sha256(file));
}

describe('a file upload behind a failing gateway', function () {
  this.timeout(90_000);

  it('resumes the same upload after the server answers 502 for a while', async () => {
    const file = makeFile('through-502.ogg', 16 * MiB, 'audio/ogg', 21);
    const u = upload(file, { chunkSize: MiB });
    void u.start();
    await until(() => u.bytesSent > file.size / 4, 'no progress', 30_000);
    // The tus server goes down; the gateway answers 502 until it is back.
    await setProxyFault('bad-gateway');
    await stopBackend();
    await sleep(2500);
    await startBackend();
    await setProxyFault('none');
    await expectStored(u, file);
    const seen = await proxiedRequests();
    expect(created(seen), 'one upload, never a second').to.have.length(1);
    expect(
      seen.some((r) => r.method === 'HEAD' && r.status === 502),
      'the gateway was asked during the restart',
    ).to.equal(true);
    // What reached the tus server, and what the gateway read of the PATCHes it answered 502
    // itself (one that started as the restart began): each at most a chunk.
    const arrived = (answered: (r: ProxiedRequest) => boolean) =>
      patches(seen)
        .filter(answered)
        .reduce((sum, r) => sum + r.received, 0);
    expect(arrived((r) => r.status !== 502) - file.size, 'bytes sent twice to the server').to.be.at.most(MiB);
    expect(
      arrived((r) => r.status === 502),
      'bytes the gateway threw away',
    ).to.be.at.most(MiB);
    expect(seen.filter((r) => r.method === 'DELETE')).to.have.length(0);
  });

  it('makes a new upload only when the old one is gone, and deletes the old one', async () => {
    const file = makeFile('gone.ogg', 8 * MiB, 'audio/ogg', 22);
    const first = upload(file, { chunkSize: MiB });
    void first.start();
    await until(() => first.bytesSent > file.size / 4, 'no progress', 30_000);
    first.pause(); // as when the tab closes: the upload is remembered
    const id = idOf(patches(await proxiedRequests())[0]!.path);
    expect((await storedUpload(id)).exists).to.equal(true);

    // The server says the upload is gone (410), though it still holds the bytes.
    await setProxyFault('gone', [id]);
    const second = upload(file, { chunkSize: MiB });
    void second.start();
    await expectStored(second, file);
    expect(idOf(second.url!)).to.not.equal(id);
    const seen = await proxiedRequests();
    expect(created(seen), 'a new upload once the old one is gone').to.have.length(2);
    await until(async () => !(await storedUpload(id)).exists, 'the old upload is still on the server');
    expect(seen.some((r) => r.method === 'DELETE' && r.path.endsWith(id))).to.equal(true);
  });

  it('waits through 502s when asked for the offset, and never makes a second upload for them', async () => {
    const file = makeFile('resume-502.ogg', 16 * MiB, 'audio/ogg', 23);
    const first = upload(file, { chunkSize: MiB / 2 });
    void first.start();
    await until(() => first.bytesSent >= MiB, 'no progress', 30_000);
    first.pause();
    // A visitor comes back while the gateway fails: the HEAD gets 502 until it recovers.
    await setProxyFault('bad-gateway');
    const second = upload(file, { chunkSize: MiB / 2 });
    void second.start();
    await until(async () => (await proxiedRequests()).filter((r) => r.method === 'HEAD' && r.status === 502).length >= 2);
    expect(second.state).to.equal('uploading');
    await setProxyFault('none');
    await expectStored(second, file);
    expect(created(await proxiedRequests())).to.have.length(1);
  });
});

describe('a file picked again after a reload', function () {
  this.timeout(60_000);

  it('gets its finished upload back before the contribution is sent, and sends nothing twice', async () => {
    const file = makeFile('finished-before-reload.ogg', 6 * MiB, 'audio/ogg', 29);
    const first = upload(file, { chunkSize: MiB });
    void first.start();
    await expectStored(first, file);
    const sent = bodies(patches(await proxiedRequests()));

    // The page reloads before the visitor sends; they pick the same file again.
    const again = upload(file, { chunkSize: MiB });
    void again.start();
    await expectStored(again, file);
    expect(again.url, 'the same upload').to.equal(first.url);
    const seen = await proxiedRequests();
    expect(created(seen), 'one upload, never a second').to.have.length(1);
    expect(bodies(patches(seen)) - sent, 'bytes sent again').to.equal(0);
  });

  it('makes a new upload of the same file once the contribution that named the first was sent', async () => {
    const file = makeFile('sent-then-again.ogg', 2 * MiB, 'audio/ogg', 30);
    const first = upload(file, { chunkSize: MiB });
    void first.start();
    await expectStored(first, file);
    await first.forgetResume();
    const next = upload(file, { chunkSize: MiB });
    void next.start();
    await expectStored(next, file);
    expect(next.url).to.not.equal(first.url);
    expect(created(await proxiedRequests())).to.have.length(2);
  });
});

describe('a paused file upload', function () {
  this.timeout(60_000);

  it('sends no chunk while paused, even when paused as a chunk is about to go out', async () => {
    const file = makeFile('paused-between.ogg', 2 * MiB, 'audio/ogg', 28);
    const chunk = 64 * 1024;
    let u: FileUpload | undefined;
    let opened = 0;
    let paused = false;
    let sentWhilePaused = 0;
    const { open, send } = XMLHttpRequest.prototype;
    // Paused in the microtask after the third chunk's request is opened, as a page that reacts to
    // a progress report does: tus-js-client has opened that request and not yet sent it.
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL) {
      if (method === 'PATCH' && ++opened === 3)
        queueMicrotask(() => {
          paused = true;
          u?.pause();
        });
      return open.call(this, method, url, true);
    };
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      if (paused) sentWhilePaused++;
      return send.call(this, body);
    };
    try {
      u = upload(file, { chunkSize: chunk });
      void u.start();
      await until(() => paused, 'never paused', 30_000);
      await sleep(1000);
      expect(u.state).to.equal('paused');
      expect(sentWhilePaused, 'requests sent while paused').to.equal(0);
      paused = false;
      u.resume();
      await expectStored(u, file);
      const sent = patches(await proxiedRequests()).reduce((sum, r) => sum + r.received, 0);
      expect(sent - file.size, 'bytes sent twice').to.be.at.most(chunk);
    } finally {
      Object.assign(XMLHttpRequest.prototype, { open, send });
    }
  });
});

describe('a file upload behind a proxy that limits bodies', function () {
  this.timeout(90_000);
  const limit = 5_000_000;

  for (const cors of [true, false]) {
    it(`learns the limit as chunks grow, and the next upload there wastes nothing${cors ? '' : ', even when its 413 has no CORS headers'}`, async () => {
      ({ api } = await startProxy(limit, cors));
      const file = makeFile('grows.ogg', 20 * MiB, 'audio/ogg', cors ? 24 : 25);
      const first = upload(file);
      void first.start();
      await expectStored(first, file);
      const seen = patches(await proxiedRequests());
      const refused = seen.filter((r) => r.bytes > limit);
      expect(refused.length, 'a chunk was refused').to.be.greaterThan(0);
      expect(bodies(refused), 'bytes refused while learning').to.be.at.most(2 * limit);
      const passed = seen.filter((r) => r.status === 204).map((r) => r.bytes);
      expect(passed[0], 'chunks start small').to.be.at.most(2 * MiB);
      expect(Math.max(...passed), 'and grow').to.be.greaterThan(passed[0]!);

      const before = (await proxiedRequests()).length;
      const next = makeFile('learned.ogg', 12 * MiB, 'audio/ogg', cors ? 26 : 27);
      const second = upload(next);
      void second.start();
      await expectStored(second, next);
      const again = patches((await proxiedRequests()).slice(before));
      expect(bodies(again.filter((r) => r.bytes > limit)), 'bytes refused the second time').to.equal(0);
      expect(again[0]!.bytes, 'starts at the learned size').to.equal(Math.max(...passed));
    });
  }
});
