import { expect } from '@open-wc/testing';
import type { HttpRequest } from 'tus-js-client';
import { FileUpload } from '../../src/upload/file-upload.js';
import { ResumeStore } from '../../src/upload/resume-store.js';
import { ChunkSizer } from '../../src/upload/chunk-size.js';
import { verdictOnResume } from '../../src/upload/retry-policy.js';

/** A request as tus-js-client hands it to onBeforeRequest, recording the headers set on it. */
function request(url: string, method = 'PATCH', offset = '0'): HttpRequest & { set: Record<string, string> } {
  const set: Record<string, string> = {};
  return {
    set,
    getMethod: () => method,
    getURL: () => url,
    setHeader: (name: string, value: string) => (set[name] = value),
    getHeader: (name: string) => (name === 'Upload-Offset' ? offset : set[name]),
    setProgressHandler: () => undefined,
    send: () => Promise.reject(new Error('not sent')),
    abort: () => Promise.resolve(),
    getUnderlyingObject: () => null,
  };
}

describe('a file upload', () => {
  const upload = () =>
    new FileUpload(new File(['x'.repeat(1000)], 'a.png', { type: 'image/png' }), {
      endpoint: 'https://api.partner.example/v1/uploads/',
      callId: 'c',
      headers: { Authorization: 'Bearer t' },
      headerOrigins: ['https://api.partner.example'],
      resumeStore: new ResumeStore({ storage: sessionStorage }),
      onChange: () => undefined,
    });

  it('sends the page’s headers only to the origins allowed to have them', () => {
    const u = upload();
    const before = (req: HttpRequest) => (u as unknown as { beforeRequest(r: HttpRequest): void }).beforeRequest(req);
    const own = request('https://api.partner.example/v1/uploads/abc');
    const elsewhere = request('https://storage.elsewhere.example/abc');
    before(own);
    before(elsewhere);
    expect(own.set.Authorization).to.equal('Bearer t');
    expect(elsewhere.set.Authorization).to.equal(undefined);
  });

  it('knows it resumed, and from where, from the first chunk’s offset', () => {
    const u = upload();
    (u as unknown as { beforeRequest(r: HttpRequest): void }).beforeRequest(
      request('https://api.partner.example/v1/uploads/abc', 'PATCH', '630'),
    );
    expect(u.resumedFrom).to.equal(0.63);
    expect(u.bytesSent).to.equal(630);
  });
});

describe('the resume store', () => {
  beforeEach(() => sessionStorage.clear());

  it('forgets entries older than its age limit', async () => {
    const store = new ResumeStore({ storage: sessionStorage, maxAgeMs: 60_000 });
    const old = new Date(Date.now() - 120_000).toString();
    await store.addUpload('f', {
      size: 1,
      metadata: {},
      creationTime: old,
      urlStorageKey: '',
      uploadUrl: 'u1',
      parallelUploadUrls: null,
    });
    await store.addUpload('f', {
      size: 1,
      metadata: {},
      creationTime: new Date().toString(),
      urlStorageKey: '',
      uploadUrl: 'u2',
      parallelUploadUrls: null,
    });
    const found = await store.findUploadsByFingerprint('f');
    expect(found.map((u) => u.uploadUrl)).to.deep.equal(['u2']);
    expect(sessionStorage.length).to.equal(1);
  });

  it('keeps at most its cap, dropping the oldest', async () => {
    const store = new ResumeStore({ storage: sessionStorage, maxEntries: 3 });
    for (let i = 0; i < 5; i++)
      await store.addUpload(`f${i}`, {
        size: 1,
        metadata: {},
        creationTime: new Date(Date.now() - (5 - i) * 1000).toString(),
        urlStorageKey: '',
        uploadUrl: `u${i}`,
        parallelUploadUrls: null,
      });
    const all = await store.findAllUploads();
    expect(all.map((u) => u.uploadUrl)).to.deep.equal(['u2', 'u3', 'u4']);
  });
});

describe('chunk sizes', () => {
  const MiB = 1024 * 1024;
  beforeEach(() => sessionStorage.clear());

  it('start small and double while chunks pass, up to the largest allowed', () => {
    const sizer = new ChunkSizer('e', 10 * MiB, sessionStorage);
    const sizes: number[] = [];
    for (let i = 0; i < 5; i++) {
      sizes.push(sizer.size);
      sizer.passed(sizer.size);
    }
    expect(sizes).to.deep.equal([2 * MiB, 4 * MiB, 8 * MiB, 10 * MiB, 10 * MiB]);
  });

  it('halve on a 413, stop growing there, and remember it for the endpoint once a chunk passes', () => {
    const sizer = new ChunkSizer('e', 40 * MiB, sessionStorage);
    sizer.passed(2 * MiB);
    sizer.passed(4 * MiB);
    expect(sizer.failed(413, 'PATCH')).to.equal(true);
    expect(sizer.size).to.equal(4 * MiB);
    expect(new ChunkSizer('e', 40 * MiB, sessionStorage).size, 'not before a chunk of that size passed').to.equal(2 * MiB);
    sizer.passed(4 * MiB);
    expect(sizer.size).to.equal(4 * MiB);
    expect(new ChunkSizer('e', 40 * MiB, sessionStorage).size, 'the next upload starts there').to.equal(4 * MiB);
    expect(new ChunkSizer('e', 3 * MiB, sessionStorage).size, 'never above the largest allowed').to.equal(3 * MiB);
    expect(new ChunkSizer('elsewhere', 40 * MiB, sessionStorage).size).to.equal(2 * MiB);
  });

  it('start the next upload at the largest size once one passed, and never over a proxy’s limit', () => {
    const first = new ChunkSizer('e', 8 * MiB, sessionStorage);
    for (const size of [2, 4]) first.passed(size * MiB);
    expect(new ChunkSizer('e', 8 * MiB, sessionStorage).size, 'not before the largest passed').to.equal(2 * MiB);
    first.passed(8 * MiB);
    const next = new ChunkSizer('e', 8 * MiB, sessionStorage);
    expect(next.size, 'the next upload starts at the largest').to.equal(8 * MiB);
    const larger = new ChunkSizer('e', 32 * MiB, sessionStorage);
    expect(larger.size, 'a larger maximum starts there too').to.equal(8 * MiB);
    larger.passed(8 * MiB);
    expect(larger.size, 'and grows on from there').to.equal(16 * MiB);
    const small = new ChunkSizer('small', 64 * 1024, sessionStorage);
    small.passed(64 * 1024);
    expect(new ChunkSizer('small', 40 * MiB, sessionStorage).size, 'a small size that passed is no limit').to.equal(2 * MiB);
    // A proxy that refuses the largest after all: its limit is kept, and no pass overwrites it.
    expect(next.failed(413, 'PATCH')).to.equal(true);
    next.passed(4 * MiB);
    const behindProxy = new ChunkSizer('e', 4 * MiB, sessionStorage);
    behindProxy.passed(4 * MiB);
    expect(new ChunkSizer('e', 40 * MiB, sessionStorage).size, 'still the limit').to.equal(4 * MiB);
    expect(new ChunkSizer('e', 40 * MiB, sessionStorage, -1).size, 'which expires too').to.equal(2 * MiB);
  });

  it('take no answer to a larger chunk than ever passed for a refusal, and no answer to a known size for a network error', () => {
    const sizer = new ChunkSizer('e', 40 * MiB, sessionStorage);
    expect(sizer.failed(0, 'PATCH'), 'once, before anything passed').to.equal(false);
    sizer.passed(2 * MiB);
    expect(sizer.failed(0, 'PATCH'), 'right after growing').to.equal(true);
    expect(sizer.size).to.equal(2 * MiB);
    expect(sizer.failed(0, 'PATCH'), 'at a size that passed').to.equal(false);
    expect(sizer.failed(0, 'HEAD')).to.equal(false);
  });

  it('forget a learned limit when it expires', () => {
    const sizer = new ChunkSizer('e', 40 * MiB, sessionStorage);
    sizer.passed(2 * MiB);
    sizer.passed(4 * MiB);
    sizer.failed(413, 'PATCH');
    sizer.passed(4 * MiB);
    expect(new ChunkSizer('e', 40 * MiB, sessionStorage).size).to.equal(4 * MiB);
    expect(new ChunkSizer('e', 40 * MiB, sessionStorage, -1).size).to.equal(2 * MiB);
    expect(sessionStorage.length, 'dropped').to.equal(0);
  });
});

describe('when a request fails', () => {
  it('asks again for server errors, busy and no answer, makes a new upload only when the old is gone or not ours', () => {
    expect([200, 204].map(verdictOnResume)).to.deep.equal(['continue', 'continue']);
    expect([0, 500, 502, 503, 504, 429, 423].map(verdictOnResume)).to.deep.equal(Array(7).fill('retry'));
    expect([404, 410, 403].map(verdictOnResume)).to.deep.equal(['replace', 'replace', 'replace']);
    expect([400, 401, 412].map(verdictOnResume)).to.deep.equal(['fail', 'fail', 'fail']);
  });
});
