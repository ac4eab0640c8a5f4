import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { rmSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { azureUploadStore, type ObjectUploadStore } from '../../demo/server/stores/uploads-object.js';
import { json, textContribution, tusUpload } from '../server/harness.js';
import { postgresAvailable, startPostgres, type TestPostgres } from './postgres.js';
import { startAzurite, type Emulator } from './emulators.js';
import { clusterRoot, Instance, startNginx } from './cluster.js';
import { freePort } from './ports.js';

/*
 * Three instances on PostgreSQL and Azurite behind nginx (round-robin), as an operator would
 * run them, each the real `npm run server` process.
 */

type Nginx = Awaited<ReturnType<typeof startNginx>>;
let postgres: TestPostgres;
let azurite: Emulator;
let instances: Instance[] = [];
let lb: Nginx;
let files: ObjectUploadStore;
let db: pg.Pool;
let root: string;
/** Every contribution answered 201 in this file, to look for after the restart. */
const accepted: string[] = [];
/** The upload the 50 contributions competed for. */
let claimed = '';

const audio = { callId: 'puisi-voices', filetype: 'audio/webm' };
const tus = (secret: string, extra: Record<string, string> = {}) => ({
  'Tus-Resumable': '1.0.0',
  'Upload-Secret': secret,
  ...extra,
});
let visitor = 0;
/** A different visitor's address for each request: the per-client limits are not what is measured. */
const someone = () => ({ 'X-Forwarded-For': `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor++ & 255}` });

const idOf = (url: string) => url.split('/').pop()!;
const stored = async (id: string) => Buffer.from(await new Response(await files.read(id)).arrayBuffer());

async function patch(url: string, secret: string, offset: number, bytes: Uint8Array<ArrayBuffer>) {
  const res = await fetch(url, {
    method: 'PATCH',
    headers: {
      ...tus(secret, { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }),
      ...someone(),
    },
    body: bytes,
  });
  assert.equal(res.status, 204, `PATCH at ${offset} answered ${res.status}: ${await res.text()}`);
}

async function offsetOf(url: string, secret: string): Promise<number> {
  const head = await fetch(url, { method: 'HEAD', headers: { ...tus(secret), ...someone() } });
  assert.equal(head.status, 200);
  return Number(head.headers.get('upload-offset'));
}

async function createUpload(endpoint: string, length: number) {
  const secret = randomBytes(16).toString('hex');
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(length),
      'Upload-Metadata': Object.entries({ ...audio, secret })
        .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
        .join(','),
      ...someone(),
    },
  });
  assert.equal(res.status, 201, await res.text());
  return { url: res.headers.get('location')!, secret };
}

async function contribute(uploadUrl: string, lbUrl = lb.url) {
  return fetch(`${lbUrl}/v1/calls/puisi-voices/contributions`, {
    method: 'POST',
    ...json(textContribution({ kind: 'audio', text: undefined, language: 'ms', uploads: [uploadUrl] })),
    headers: { 'Content-Type': 'application/json', ...someone() },
  });
}

/** A contribution that must be accepted; its id. */
async function contributeOnce(uploadUrl: string): Promise<string> {
  const res = await contribute(uploadUrl);
  const text = await res.text();
  assert.equal(res.status, 201, text);
  return (JSON.parse(text) as { id: string }).id;
}

describe('several instances behind a load balancer', { skip: !postgresAvailable() && 'PostgreSQL 15 is not installed' }, () => {
  before(async () => {
    postgres = await startPostgres();
    azurite = await startAzurite();
    root = clusterRoot();
    const ports = [await freePort(), await freePort(), await freePort()];
    const lbPort = await freePort();
    const env = { DATABASE_URL: postgres.url, ...azurite.env };
    // nginx needs its port before the instances are told it is their public URL.
    instances = ports.map((p, i) => new Instance(`instance-${i + 1}`, p, `http://127.0.0.1:${lbPort}`, env, root));
    // The first migrates, the others find the schema in place.
    await Promise.all(instances.map((i) => i.start()));
    lb = await startNginx(ports, lbPort);
    files = await azureUploadStore({
      connectionString: azurite.env.AZURE_STORAGE_CONNECTION_STRING,
      container: azurite.env.UPLOAD_CONTAINER,
      expiryMs: 3600_000,
    });
    db = new pg.Pool({ connectionString: postgres.url, max: 2 });
  });

  after(async () => {
    // Each is stopped even when another fails to; whatever is left ends with the process.
    await Promise.allSettled(instances.map((i) => i.stop()));
    await Promise.allSettled([lb?.stop(), db?.end(), azurite?.stop()]);
    await postgres?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('every instance is ready: database and storage answer', async () => {
    for (const instance of instances) {
      const res = await fetch(`${instance.url}/readyz`);
      assert.deepEqual(await res.json(), { status: 'ready', checks: { database: 'ok', storage: 'ok' } });
    }
  });

  test("each request is one JSON log line on the instance that answered it, with the load balancer's request id", async () => {
    const res = await fetch(`${lb.url}/v1/calls`);
    assert.equal(res.status, 200);
    const id = res.headers.get('x-request-id');
    assert.match(id ?? '', /^[0-9a-f]{32}$/, 'nginx made the id and the instance sent it back');
    await new Promise((r) => setTimeout(r, 200));
    const lines = instances
      .flatMap((i) => i.output.split('\n'))
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.id === id);
    assert.equal(lines.length, 1, `no line with ${id} in:\n${instances.map((i) => i.output.slice(-600)).join('\n')}`);
    assert.deepEqual(
      { ...lines[0], time: undefined, ms: undefined },
      {
        time: undefined,
        ms: undefined,
        id,
        method: 'GET',
        path: '/v1/calls',
        status: 200,
      },
    );
  });

  test('uploads whose chunks each go to another instance complete byte-identical, the offset read through the load balancer', async () => {
    // Round-robin in nginx is per worker and shared by six uploads at once, so which instance
    // gets a chunk through it is chance: each chunk is sent to the next instance by name instead.
    const chunk = 256 * 1024;
    await Promise.all(
      Array.from({ length: 6 }, async (_, u) => {
        const bytes = new Uint8Array(randomBytes(chunk * 4));
        const { url: upload, secret } = await createUpload(`${lb.url}/v1/uploads/`, bytes.length);
        for (let k = 0, offset = 0; offset < bytes.length; k++, offset += chunk) {
          assert.equal(await offsetOf(upload, secret), offset, 'whichever instance answers knows the last chunk');
          const instance = instances[(u + k) % instances.length];
          await patch(upload.replace(lb.url, instance.url), secret, offset, bytes.subarray(offset, offset + chunk));
        }
        assert.ok(Buffer.from(bytes).equals(await stored(idOf(upload))), 'the stored file is the one sent');
        accepted.push(await contributeOnce(upload));
      }),
    );
  });

  test('an upload created on one instance, continued on a second, is finished on a third after the first is killed mid-PATCH', async () => {
    const [first, second, third] = instances;
    const bytes = new Uint8Array(randomBytes(3 * 1024 * 1024));
    const third1 = 1024 * 1024;
    const { url: upload, secret } = await createUpload(`${first.url}/v1/uploads/`, bytes.length);
    const on = (instance: Instance) => upload.replace(lb.url, instance.url);
    await patch(on(second), secret, 0, bytes.subarray(0, third1));

    // A PATCH to the first instance that is half sent when the instance dies.
    const killedMidway = new Promise<void>((resolve) => {
      const req = request(on(first), {
        method: 'PATCH',
        headers: tus(secret, { 'Upload-Offset': String(third1), 'Content-Type': 'application/offset+octet-stream' }),
      });
      req.on('error', () => resolve());
      req.on('response', () => resolve());
      req.write(bytes.subarray(third1, third1 + 512 * 1024));
    });
    await new Promise((r) => setTimeout(r, 300));
    await first.kill();
    await killedMidway;

    const offset = await offsetOf(on(third), secret);
    assert.ok(offset >= third1 && offset < bytes.length, `the upload resumes at ${offset}`);
    await patch(on(third), secret, offset, bytes.subarray(offset));
    assert.ok(Buffer.from(bytes).equals(await stored(idOf(upload))), 'the file finished on the third instance is the one sent');
    await first.start();
    accepted.push(await contributeOnce(upload));
  });

  test('of 50 contributions claiming one upload at once across the instances, exactly one is accepted', async () => {
    const { url } = await tusUpload(`${lb.url}/v1/uploads/`, new Uint8Array(randomBytes(4096)), audio);
    claimed = url;
    const answers = await Promise.all(Array.from({ length: 50 }, () => contribute(url)));
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, `answers: ${statuses.join(' ')}`);
    assert.equal(statuses.filter((s) => s === 409).length, 49);
    const winner = answers.find((a) => a.status === 201)!;
    accepted.push(((await winner.json()) as { id: string }).id);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM upload_claims WHERE upload_id = $1', [idOf(url)]);
    assert.equal(rows[0].n, 1);
  });

  test('a restart of every instance loses nothing: contributions, claims and unfinished uploads', async () => {
    const bytes = new Uint8Array(randomBytes(200_000));
    const { url, secret } = await tusUpload(`${lb.url}/v1/uploads/`, bytes, audio, { finish: false });
    // An instance counts at most once a second: the one that answers may not yet have seen the
    // contribution another instance took a moment ago.
    await new Promise((r) => setTimeout(r, 1100));
    const before = (await (await fetch(`${lb.url}/v1/calls/puisi-voices`)).json()) as { contributionCount: number };

    await Promise.all(instances.map((i) => i.stop()));
    await Promise.all(instances.map((i) => i.start()));

    const { rows } = await db.query<{ id: string }>('SELECT id FROM contributions');
    const kept = new Set(rows.map((r) => r.id));
    for (const id of accepted) assert.ok(kept.has(id), `contribution ${id} answered 201 is kept`);
    const after = (await (await fetch(`${lb.url}/v1/calls/puisi-voices`)).json()) as { contributionCount: number };
    assert.equal(after.contributionCount, before.contributionCount);

    const offset = await offsetOf(url, secret);
    assert.equal(offset, bytes.length / 2);
    await patch(url, secret, offset, bytes.subarray(offset));
    assert.ok(Buffer.from(bytes).equals(await stored(idOf(url))));
    const reused = await contribute(claimed);
    assert.equal(reused.status, 409, 'a claimed upload is still claimed after the restart');
  });

  test('throughput and p99 with one instance and with two (printed, not asserted)', async () => {
    const one = await startNginx([instances[0].port]);
    const two = await startNginx([instances[0].port, instances[1].port]);
    const figures: string[] = [];
    try {
      const run = (url: string, method: 'GET' | 'POST', body?: string) =>
        autocannon({
          url,
          method,
          connections: 50,
          duration: 5,
          body,
          headers: body ? { 'content-type': 'application/json' } : {},
          requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, ...someone() } }) }],
        });
      const text = JSON.stringify(textContribution());
      for (const [name, balancer] of [
        ['1 instance ', one],
        ['2 instances', two],
      ] as const) {
        const calls = await run(`${balancer.url}/v1/calls`, 'GET');
        const posts = await run(`${balancer.url}/v1/calls/astronaut-one-liner/contributions`, 'POST', text);
        assert.equal(calls.non2xx, 0, 'every GET /calls answered 2xx');
        assert.equal(posts.non2xx, 0, 'every contribution answered 2xx');
        figures.push(
          `${name}  GET /calls ${Math.round(calls.requests.average)} req/s p99 ${calls.latency.p99} ms | ` +
            `POST contribution ${Math.round(posts.requests.average)} req/s p99 ${posts.latency.p99} ms`,
        );
      }
    } finally {
      await one.stop();
      await two.stop();
    }
    console.log(
      `\nthroughput through nginx, 50 connections, 5 s each, load generator on the same machine:\n${figures.join('\n')}\n`,
    );
  });
});
