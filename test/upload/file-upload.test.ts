import { expect } from '@open-wc/testing';
import type { HttpRequest } from 'tus-js-client';
import { FileUpload } from '../../src/upload/file-upload.js';
import { ResumeStore } from '../../src/upload/resume-store.js';

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
