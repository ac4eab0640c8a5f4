// The offset a HEAD answers right after a PATCH's connection was cut is the one the upload keeps:
// a client that resumes there is not refused with a 409, and sends nothing twice.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUploadStore, type UploadStore } from '../../demo/server/stores/uploads.js';
import { startTestServer, tusUpload, type TestServer } from './harness.js';

const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tus = (secret: string) => ({ 'Tus-Resumable': '1.0.0', 'Upload-Secret': secret });
const offsetOf = async (url: string, secret: string) => {
  const head = await fetch(url, { method: 'HEAD', headers: tus(secret) });
  assert.equal(head.status, 200);
  return Number(head.headers.get('upload-offset'));
};

/**
 * A PATCH at `offset` that sends its first 64 KiB, waits `pause` ms (the server has the request
 * and is checking it), sends most of the rest of `body` and loses its connection.
 */
function cutPatch(url: string, secret: string, offset: number, body: Uint8Array, pause: number): Promise<void> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      const head = [
        `PATCH ${pathname} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        'Tus-Resumable: 1.0.0',
        `Upload-Secret: ${secret}`,
        `Upload-Offset: ${offset}`,
        'Content-Type: application/offset+octet-stream',
        `Content-Length: ${body.length}`,
        '',
        '',
      ].join('\r\n');
      socket.write(Buffer.concat([Buffer.from(head), body.subarray(0, 64 * 1024)]));
      setTimeout(() => {
        socket.write(body.subarray(64 * 1024, body.length - MiB), () => {
          socket.destroy();
          resolve();
        });
      }, pause);
    });
    socket.on('error', () => resolve());
  });
}

/**
 * The file store, with each read of an upload's state taking `delay` ms, as on a loaded machine
 * or a remote store: a PATCH's checks before it takes the upload's lock then take a while.
 */
function slowUploads(store: UploadStore, delay: number): UploadStore {
  return { ...store, get: async (id) => (await sleep(delay), store.get(id)) };
}

describe('the offset after a cut PATCH', () => {
  let server: TestServer;
  before(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'oc-server-'));
    const uploads = fileUploadStore({ directory: join(dataDir, 'uploads'), expiryMs: 3600_000 });
    server = await startTestServer({ stores: { uploads: slowUploads(uploads, 100) } });
  });
  after(() => server.close());

  for (const pause of [30, 300]) {
    it(`is the offset the upload keeps, asked as the connection goes ${pause} ms into the PATCH`, async () => {
      const stale: string[] = [];
      for (let round = 0; round < 3; round++) {
        const bytes = new Uint8Array(randomBytes(8 * MiB));
        const { url, secret } = await tusUpload(
          `${server.api}/uploads/`,
          bytes,
          { callId: 'puisi-voices', filetype: 'audio/webm' },
          { finish: false },
        );
        const start = bytes.length / 2;
        await cutPatch(url, secret, start, bytes.subarray(start, start + 4 * MiB), pause);
        // The client asks at once, as tus-js-client does after a failed PATCH.
        const first = await offsetOf(url, secret);
        await sleep(500);
        const settled = await offsetOf(url, secret);
        if (first !== settled) stale.push(`round ${round}: HEAD said ${first}, the upload kept ${settled}`);
      }
      assert.deepEqual(stale, [], 'a HEAD answered before the cut PATCH had written what it received');
    });
  }
});
