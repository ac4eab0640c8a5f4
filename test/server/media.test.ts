import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { mediaTypeOf, parseRange, serveMedia, type MediaFile } from '../../demo/server/media.js';

/** A file as the uploads store reads it: a web stream. */
const web = (stream: Readable) => Readable.toWeb(stream) as ReadableStream<Uint8Array>;

const bytes = new Uint8Array(10_000).map((_, i) => (i * 7) % 256);
const path = join(mkdtempSync(join(tmpdir(), 'oc-media-')), 'file');
writeFileSync(path, bytes);

function file(overrides: Partial<MediaFile> = {}): MediaFile {
  return {
    size: bytes.length,
    filetype: 'audio/ogg',
    downloadName: 'puisi.ogg',
    version: 'upload-1:10000',
    modified: new Date('2026-11-30T08:00:00Z'),
    open: async ({ start, end }) => web(createReadStream(path, { start, end })),
    ...overrides,
  };
}

const get = (headers: Record<string, string> = {}, method = 'GET') =>
  new Request('http://127.0.0.1/v1/media/x/0', { method, headers });

describe('serving a stored file', () => {
  it('sends the whole file with its type, length, ETag and nosniff', async () => {
    const res = await serveMedia(get(), file());
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'audio/ogg');
    assert.equal(res.headers.get('content-length'), '10000');
    assert.equal(res.headers.get('accept-ranges'), 'bytes');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('last-modified'), 'Mon, 30 Nov 2026 08:00:00 GMT');
    assert.equal(res.headers.get('content-disposition'), null, 'audio plays inline');
    assert.ok(res.headers.get('etag'));
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), bytes);
  });

  it('sends one range with 206 so a player can seek, and a suffix range', async () => {
    const res = await serveMedia(get({ Range: 'bytes=1000-1999' }), file());
    assert.equal(res.status, 206);
    assert.equal(res.headers.get('content-range'), 'bytes 1000-1999/10000');
    assert.equal(res.headers.get('content-length'), '1000');
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), bytes.subarray(1000, 2000));

    const open = await serveMedia(get({ Range: 'bytes=9000-' }), file());
    assert.equal(open.headers.get('content-range'), 'bytes 9000-9999/10000');
    assert.deepEqual(new Uint8Array(await open.arrayBuffer()), bytes.subarray(9000));

    const suffix = await serveMedia(get({ Range: 'bytes=-10' }), file());
    assert.equal(suffix.headers.get('content-range'), 'bytes 9990-9999/10000');
    assert.deepEqual(new Uint8Array(await suffix.arrayBuffer()), bytes.subarray(9990));

    const past = await serveMedia(get({ Range: 'bytes=9990-20000' }), file());
    assert.equal(past.headers.get('content-range'), 'bytes 9990-9999/10000');
  });

  it('answers 416 with a problem for a range past the end', async () => {
    const res = await serveMedia(get({ Range: 'bytes=10000-10001' }), file());
    assert.equal(res.status, 416);
    assert.equal(res.headers.get('content-range'), 'bytes */10000');
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(((await res.json()) as { status: number }).status, 416);
  });

  it('sends the whole file for a range it does not serve (several, another unit, malformed)', async () => {
    for (const range of ['bytes=0-1,5-6', 'items=0-1', 'bytes=abc', 'bytes=5-2', 'bytes=-']) {
      const res = await serveMedia(get({ Range: range }), file());
      assert.equal(res.status, 200, range);
      assert.equal((await res.arrayBuffer()).byteLength, 10_000);
    }
  });

  it('answers 304 for a matching If-None-Match, and ignores a range for another version (If-Range)', async () => {
    const { headers } = await serveMedia(get({}, 'HEAD'), file());
    const etag = headers.get('etag')!;
    assert.equal((await serveMedia(get({ 'If-None-Match': etag }), file())).status, 304);
    assert.equal((await serveMedia(get({ 'If-None-Match': '"other"' }), file())).status, 200);
    const sameVersion = await serveMedia(get({ Range: 'bytes=0-9', 'If-Range': etag }), file());
    assert.equal(sameVersion.status, 206);
    const otherVersion = await serveMedia(get({ Range: 'bytes=0-9', 'If-Range': '"older"' }), file());
    assert.equal(otherVersion.status, 200);
    await otherVersion.body?.cancel();
  });

  it('answers HEAD with the headers and no body', async () => {
    let opened = false;
    const res = await serveMedia(
      get({}, 'HEAD'),
      file({
        open: async (r) => {
          opened = true;
          return web(createReadStream(path, r));
        },
      }),
    );
    assert.equal(res.headers.get('content-length'), '10000');
    assert.equal(opened, false);
  });

  it('never serves SVG inline: an attachment in a sandbox', async () => {
    const res = await serveMedia(get(), file({ filetype: 'image/svg+xml', downloadName: 'cake.svg' }));
    assert.equal(res.headers.get('content-type'), 'image/svg+xml');
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="cake\.svg"/);
    assert.match(res.headers.get('content-security-policy') ?? '', /sandbox/);
    await res.body?.cancel();
  });

  it('serves a type it does not know, or a forged one, as an octet-stream download', async () => {
    for (const filetype of ['text/html', 'image/png\r\nX-Evil: 1', 'application/javascript', '', undefined]) {
      const res = await serveMedia(get(), file({ filetype, downloadName: 'page.html' }));
      assert.equal(res.headers.get('content-type'), 'application/octet-stream', String(filetype));
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="page\.bin"/);
      assert.match(res.headers.get('content-security-policy') ?? '', /sandbox/);
      await res.body?.cancel();
    }
  });

  it('keeps a download name header-safe', async () => {
    const res = await serveMedia(get(), file({ filetype: 'image/svg+xml', downloadName: 'a"b;\\c ünï.svg' }));
    const disposition = res.headers.get('content-disposition')!;
    assert.match(disposition, /^attachment; filename="a_b__c _n_\.svg"; filename\*=UTF-8''a%22b%3B%5Cc%20%C3%BCn%C3%AF\.svg$/);
    await res.body?.cancel();
  });
});

describe('media types and ranges', () => {
  it('keeps a known type without its parameters and gives its extension', () => {
    assert.deepEqual(mediaTypeOf('audio/webm;codecs=opus'), { type: 'audio/webm', extension: 'weba', inline: true });
    assert.deepEqual(mediaTypeOf('IMAGE/JPEG'), { type: 'image/jpeg', extension: 'jpg', inline: true });
    assert.equal(mediaTypeOf('constructor').type, 'application/octet-stream');
  });

  it('reads a range header as the RFC says', () => {
    assert.deepEqual(parseRange('bytes=0-0', 1), { start: 0, end: 0 });
    assert.equal(parseRange('bytes=0-0', 0), 'unsatisfiable');
    assert.equal(parseRange('bytes=-0', 10), 'unsatisfiable');
    assert.deepEqual(parseRange('bytes=-50', 10), { start: 0, end: 9 });
    assert.equal(parseRange(null, 10), undefined);
    assert.equal(parseRange('bytes=10-', 10), 'unsatisfiable');
    assert.equal(parseRange('bytes=10-5', 10), undefined);
  });
});
