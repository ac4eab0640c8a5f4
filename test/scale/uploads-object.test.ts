import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { storesFromEnvironment } from '../../demo/server/stores/from-env.js';
import { cutPatch, slowUploads } from '../server/cut-patch.js';
import {
  bytesOf,
  offsetOf,
  tusHeaders,
  json,
  startTestServer,
  textContribution,
  tusUpload,
  type TestServer,
} from '../server/harness.js';
import { motoAvailable, startAzurite, startMoto, type Emulator } from './emulators.js';

const expiry = { uploadExpiryMs: 3600_000 };

const services: Array<{ name: string; start: () => Promise<Emulator>; skip: string | false }> = [
  { name: 'Azure Blob Storage (Azurite)', start: startAzurite, skip: false },
  {
    name: 'S3 (moto)',
    start: startMoto,
    skip: !motoAvailable() && 'moto_server is not on this machine: the S3 store is tested only as far as its configuration',
  },
];

for (const service of services) {
  describe(`uploads in ${service.name}`, { skip: service.skip }, () => {
    let emulator: Emulator;
    let server: TestServer;
    before(async () => {
      emulator = await service.start();
      const scaleOut = await storesFromEnvironment(emulator.env, expiry);
      server = await startTestServer({ stores: scaleOut.stores, readiness: scaleOut.checks });
    });
    after(async () => {
      await server?.close();
      await emulator?.stop();
    });

    test('an upload resumed after half its bytes is byte-identical, whole and in a range', async () => {
      const bytes = new Uint8Array(randomBytes(300_000));
      const { url, secret } = await tusUpload(
        `${server.api}/uploads/`,
        bytes,
        { callId: 'puisi-voices', filetype: 'audio/webm' },
        { finish: false },
      );
      const head = await fetch(url, { method: 'HEAD', headers: tusHeaders(secret) });
      assert.equal(head.status, 200);
      const offset = Number(head.headers.get('upload-offset'));
      assert.equal(offset, bytes.length / 2);
      const rest = await fetch(url, {
        method: 'PATCH',
        headers: tusHeaders(secret, { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }),
        body: bytes.subarray(offset),
      });
      assert.equal(rest.status, 204, await rest.text());
      const id = url.split('/').pop()!;
      const upload = await server.uploads.get(id);
      assert.equal(upload?.offset, bytes.length);
      assert.ok(Buffer.from(bytes).equals(await bytesOf(await server.uploads.read(id))), 'the stored file is the one sent');
      const range = await bytesOf(await server.uploads.read(id, { start: 1000, end: 1999 }));
      assert.ok(Buffer.from(bytes.subarray(1000, 2000)).equals(range), 'a range reads those bytes only');
      assert.ok((await server.uploads.list()).some((u) => u.id === id));

      const res = await fetch(`${server.api}/calls/puisi-voices/contributions`, {
        method: 'POST',
        ...json(textContribution({ kind: 'audio', text: undefined, language: 'ms', uploads: [url] })),
      });
      assert.equal(res.status, 201, await res.text());
    });

    test('a PATCH whose connection drops keeps what arrived, and the upload resumes after it byte-identical', async () => {
      const bytes = new Uint8Array(randomBytes(12 * 1024 * 1024));
      const { url, secret } = await tusUpload(
        `${server.api}/uploads/`,
        bytes,
        { callId: 'puisi-voices', filetype: 'audio/webm' },
        { finish: false },
      );
      const start = bytes.length / 2;
      await new Promise<void>((resolve) => {
        const req = request(url, {
          method: 'PATCH',
          headers: tusHeaders(secret, { 'Upload-Offset': String(start), 'Content-Type': 'application/offset+octet-stream' }),
        });
        req.on('error', () => resolve());
        req.on('response', () => resolve());
        // Past one 4 MiB block, then the connection goes.
        req.write(bytes.subarray(start, start + 5 * 1024 * 1024), () => {
          setTimeout(() => {
            req.destroy();
            resolve();
          }, 1000);
        });
      });
      // This PATCH held the lock when it was cut: it lets go of it once the store has written
      // what arrived (an object store's last block takes a while), so the first HEAD is true.
      const offset = await offsetOf(url, secret);
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(await offsetOf(url, secret), offset, 'the offset the first HEAD answered');
      assert.ok(offset >= start && offset < bytes.length, `resumes at ${offset}`);
      if (service.name.startsWith('Azure')) assert.ok(offset > start, 'the blocks that arrived were kept');
      const rest = await fetch(url, {
        method: 'PATCH',
        headers: tusHeaders(secret, { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }),
        body: bytes.subarray(offset),
      });
      assert.equal(rest.status, 204, await rest.text());
      assert.ok(Buffer.from(bytes).equals(await bytesOf(await server.uploads.read(url.split('/').pop()!))));
    });

    test('the first HEAD after a PATCH cut on its way to the lock is the offset the upload keeps', async () => {
      // Reads of an upload's state that take a while (a loaded service): the PATCH's checks
      // before its lock are slow, and the client's HEAD comes right behind its cut.
      const scaleOut = await storesFromEnvironment(emulator.env, expiry);
      assert.ok(scaleOut.stores.uploads, 'the environment names an object store');
      const slow = await startTestServer({ stores: { ...scaleOut.stores, uploads: slowUploads(scaleOut.stores.uploads, 100) } });
      try {
        const MiB = 1024 * 1024;
        const bytes = new Uint8Array(randomBytes(12 * MiB));
        const { url, secret } = await tusUpload(
          `${slow.api}/uploads/`,
          bytes,
          { callId: 'puisi-voices', filetype: 'audio/webm' },
          { finish: false },
        );
        const start = bytes.length / 2;
        await cutPatch(url, secret, start, bytes.subarray(start, start + 5 * MiB), 30);
        const offset = await offsetOf(url, secret);
        await new Promise((r) => setTimeout(r, 1000));
        assert.equal(await offsetOf(url, secret), offset, 'the offset the first HEAD answered');
        const rest = await fetch(url, {
          method: 'PATCH',
          headers: tusHeaders(secret, { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }),
          body: bytes.subarray(offset),
        });
        assert.equal(rest.status, 204, await rest.text());
        assert.ok(Buffer.from(bytes).equals(await bytesOf(await slow.uploads.read(url.split('/').pop()!))));
      } finally {
        await slow.close();
      }
    });

    test('an upload the visitor throws away is gone from the storage', async () => {
      const { url, secret } = await tusUpload(`${server.api}/uploads/`, new Uint8Array(1000).fill(1), {
        callId: 'puisi-voices',
        filetype: 'audio/webm',
      });
      const id = url.split('/').pop()!;
      const deleted = await fetch(url, { method: 'DELETE', headers: tusHeaders(secret) });
      assert.equal(deleted.status, 204, await deleted.text());
      assert.equal(await server.uploads.get(id), undefined);
      assert.ok(!(await server.uploads.list()).some((u) => u.id === id));
    });

    test('/readyz says the storage answers, and 503 once it does not', async () => {
      const ready = await fetch(`${server.url}/readyz`);
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { status: 'ready', checks: { storage: 'ok' } });
      await emulator.stop();
      const gone = await fetch(`${server.url}/readyz`);
      assert.equal(gone.status, 503);
      assert.deepEqual(await gone.json(), { status: 'not-ready', checks: { storage: 'unreachable' } });
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200, 'the process itself is alive');
    });
  });
}

describe('object storage settings', () => {
  test('each store names the variable it misses, and an unknown store is refused', async () => {
    await assert.rejects(storesFromEnvironment({ UPLOAD_STORE: 's3' }, expiry), /UPLOAD_STORE=s3 needs UPLOAD_BUCKET/);
    await assert.rejects(
      storesFromEnvironment({ UPLOAD_STORE: 'azure' }, expiry),
      /UPLOAD_STORE=azure needs AZURE_STORAGE_CONNECTION_STRING/,
    );
    await assert.rejects(storesFromEnvironment({ UPLOAD_STORE: 'ftp' }, expiry), /must be file, s3 or azure, not "ftp"/);
    const embedded = await storesFromEnvironment({}, expiry);
    assert.deepEqual(embedded.stores, {}, 'without the variables the embedded stores stay');
  });

  test('S3 is reached at AWS_ENDPOINT_URL, path-style, in AWS_REGION, with the given keys', async () => {
    const { stores } = await storesFromEnvironment(
      {
        UPLOAD_STORE: 's3',
        UPLOAD_BUCKET: 'campaign-uploads',
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'AKID',
        AWS_SECRET_ACCESS_KEY: 'SECRET',
      },
      expiry,
    );
    const datastore = stores.uploads?.datastore as unknown as {
      bucket: string;
      client: {
        config: { region(): Promise<string>; forcePathStyle?: boolean; credentials(): Promise<{ accessKeyId: string }> };
      };
      getExpiration(): number;
      extensions: string[];
    };
    assert.equal(datastore.bucket, 'campaign-uploads');
    assert.equal(await datastore.client.config.region(), 'eu-west-1');
    assert.equal(datastore.client.config.forcePathStyle, true);
    assert.equal((await datastore.client.config.credentials()).accessKeyId, 'AKID');
    assert.equal(datastore.getExpiration(), expiry.uploadExpiryMs);
    assert.ok(datastore.extensions.includes('termination') && datastore.extensions.includes('creation-defer-length'));
    // Nothing listens on port 9: readiness says so.
    const { checks } = await storesFromEnvironment(
      { UPLOAD_STORE: 's3', UPLOAD_BUCKET: 'b', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_REGION: 'eu-west-1' },
      expiry,
    );
    await assert.rejects(checks.storage());
  });
});
