// The offset a HEAD answers right after a PATCH's connection was cut is the one the upload keeps:
// a client that resumes there is not refused with a 409, and sends nothing twice.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUploadStore } from '../../demo/server/stores/uploads.js';
import { cutPatch, lateWrites, slowUploads } from './cut-patch.js';
import { offsetOf, startTestServer, tusUpload, type TestServer } from './harness.js';

const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the offset after a cut PATCH', () => {
  let server: TestServer;
  let late: TestServer;
  before(async () => {
    const store = async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'oc-server-'));
      return fileUploadStore({ directory: join(dataDir, 'uploads'), expiryMs: 3600_000 });
    };
    server = await startTestServer({ stores: { uploads: slowUploads(await store(), 100) } });
    late = await startTestServer({ stores: { uploads: lateWrites(await store(), 300) } });
  });
  after(async () => {
    await server.close();
    await late.close();
  });

  it('is the offset the upload keeps when the store writes what arrived after the connection went', async () => {
    const bytes = new Uint8Array(randomBytes(8 * MiB));
    const { url, secret } = await tusUpload(
      `${late.api}/uploads/`,
      bytes,
      { callId: 'puisi-voices', filetype: 'audio/webm' },
      { finish: false },
    );
    const start = bytes.length / 2;
    await cutPatch(url, secret, start, bytes.subarray(start, start + 4 * MiB), 30);
    const first = await offsetOf(url, secret);
    await sleep(600);
    assert.equal(await offsetOf(url, secret), first, 'the offset the first HEAD answered');
    assert.ok(first > start, 'what arrived was kept');
  });

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
