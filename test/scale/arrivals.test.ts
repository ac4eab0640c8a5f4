// A HEAD on one instance, right behind a PATCH cut on another instance on its way to the
// upload's lock, answers the offset the upload keeps: the locks are shared (PostgreSQL), and so
// is the PATCH's arrival, not only its lock.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgLocker } from '../../demo/server/stores/locks-pg.js';
import { fileUploadStore } from '../../demo/server/stores/uploads.js';
import { cutPatch, slowUploads } from '../server/cut-patch.js';
import { bytesOf, offsetOf, tusHeaders, startTestServer, tusUpload, type TestServer } from '../server/harness.js';
import { postgresAvailable, startPostgres, type TestPostgres } from './postgres.js';

const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(
  'a PATCH cut on one instance, its HEAD on another',
  { skip: !postgresAvailable() && 'PostgreSQL 15 is not installed' },
  () => {
    let postgres: TestPostgres;
    let shared: string;
    /** The PATCH's instance: its reads of an upload's state are slow (a loaded or remote store). */
    let a: TestServer;
    /** The HEAD's instance, as a load balancer without sticky sessions picks it. */
    let b: TestServer;
    const lockers: PgLocker[] = [];
    before(async () => {
      postgres = await startPostgres();
      shared = await mkdtemp(join(tmpdir(), 'oc-shared-uploads-'));
      // One directory for both instances stands for a shared store (a volume, an object store).
      const store = () => fileUploadStore({ directory: shared, expiryMs: 3600_000 });
      const locks = () => {
        const locker = new PgLocker(postgres.url);
        lockers.push(locker);
        return locker;
      };
      a = await startTestServer({ stores: { uploads: slowUploads(store(), 100), locks: locks() } });
      b = await startTestServer({ stores: { uploads: store(), locks: locks() } });
    });
    after(async () => {
      await Promise.allSettled([a?.close(), b?.close()]);
      await Promise.allSettled(lockers.map((l) => l.close()));
      await postgres?.stop();
      if (shared) await rm(shared, { recursive: true, force: true });
    });

    for (const pause of [30, 300]) {
      test(`the first HEAD is the offset the upload keeps, asked as the connection goes ${pause} ms into the PATCH`, async () => {
        const stale: string[] = [];
        for (let round = 0; round < 3; round++) {
          const bytes = new Uint8Array(randomBytes(8 * MiB));
          const { url, secret } = await tusUpload(
            `${a.api}/uploads/`,
            bytes,
            { callId: 'puisi-voices', filetype: 'audio/webm' },
            { finish: false },
          );
          const onB = url.replace(a.api, b.api);
          const start = bytes.length / 2;
          await cutPatch(url, secret, start, bytes.subarray(start, start + 4 * MiB), pause);
          // The client asks at once, as tus-js-client does after a failed PATCH.
          const first = await offsetOf(onB, secret);
          await sleep(500);
          const settled = await offsetOf(onB, secret);
          if (first !== settled) {
            stale.push(`round ${round}: HEAD said ${first}, the upload kept ${settled}`);
            continue;
          }
          const rest = await fetch(onB, {
            method: 'PATCH',
            headers: tusHeaders(secret, { 'Upload-Offset': String(first), 'Content-Type': 'application/offset+octet-stream' }),
            body: bytes.subarray(first),
          });
          assert.equal(rest.status, 204, await rest.text());
          const id = url.split('/').pop()!;
          assert.ok(Buffer.from(bytes).equals(await bytesOf(await b.uploads.read(id))), 'the stored file is the one sent');
        }
        assert.deepEqual(stale, [], 'a HEAD on B answered before the cut PATCH on A had written what it received');
      });
    }
  },
);
