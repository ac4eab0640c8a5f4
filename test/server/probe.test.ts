// What a probe of the reference backend found, one regression test each (issue 13, item 4).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSeed } from '../../demo/server/app.js';
import { checkedFetch, json, sendRaw, startTestServer, textContribution, tusUpload, type TestServer } from './harness.js';

// Every answer in this file is checked against openapi.yaml too.
const fetch = checkedFetch;

const bytes = (size: number, seed = 1) => new Uint8Array(size).map((_, i) => (i * 31 + seed) % 251);
const audioContribution = (uploads: string[]) => textContribution({ kind: 'audio', text: undefined, language: 'ms', uploads });
const metadata = { callId: 'puisi-voices', filetype: 'audio/ogg', filename: 'puisi.ogg' };
const tusHeaders = (secret: string, extra: Record<string, string> = {}) => ({
  'Tus-Resumable': '1.0.0',
  'Upload-Secret': secret,
  ...extra,
});
const encode = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');

/** A copy of the shipped seed, changed by `edit`. */
function seedWith(edit: (seed: { calls: Array<{ id: string; accepts: Array<{ maxBytes?: number }> }> }) => void) {
  const path = join(mkdtempSync(join(tmpdir(), 'oc-seed-')), 'seed.json');
  const seed = JSON.parse(readFileSync(defaultSeed, 'utf8'));
  edit(seed);
  writeFileSync(path, JSON.stringify(seed));
  return path;
}

async function expectProblem(res: Response, status: number, code?: string) {
  const text = await res.text();
  assert.equal(res.status, status, text);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, `${status}: ${text}`);
  if (res.status !== 204 && text) {
    const body = JSON.parse(text) as { type: string; status: number };
    assert.equal(body.status, status);
    if (code) assert.equal(body.type, `urn:open-call-widgets:problem:${code}`);
  }
}

describe('claiming uploads', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  it('lets only one of many concurrent contributions claim the same upload', async () => {
    const { url } = await tusUpload(`${server.api}/uploads/`, bytes(20_000), metadata);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        fetch(`${server.api}/calls/puisi-voices/contributions`, { method: 'POST', ...json(audioContribution([url])) }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(' '));
    assert.equal(statuses.filter((s) => s === 409).length, 11, statuses.join(' '));
    const all = (await server.store.list({ limit: 50 })).items;
    assert.equal(all.filter((c) => c.uploads.some((u) => u.url === url)).length, 1);
  });
});

describe('deferred-length uploads', () => {
  let server: TestServer;
  before(
    async () =>
      (server = await startTestServer({
        seed: seedWith((s) => (s.calls.find((c) => c.id === 'puisi-voices')!.accepts[0].maxBytes = 10_000)),
      })),
  );
  after(() => server.close());

  it('cannot grow past the call’s maxBytes', async () => {
    const secret = 'deferred-secret-0001';
    const create = await fetch(`${server.api}/uploads/`, {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Defer-Length': '1', 'Upload-Metadata': encode({ ...metadata, secret }) },
    });
    assert.equal(create.status, 201);
    const url = create.headers.get('location')!;
    const first = await fetch(url, {
      method: 'PATCH',
      headers: tusHeaders(secret, { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }),
      body: bytes(8000),
    });
    assert.equal(first.status, 204);
    const beyond = await fetch(url, {
      method: 'PATCH',
      headers: tusHeaders(secret, { 'Upload-Offset': '8000', 'Content-Type': 'application/offset+octet-stream' }),
      body: bytes(8000),
    });
    await expectProblem(beyond, 413);
    const declared = await fetch(url, {
      method: 'PATCH',
      headers: tusHeaders(secret, {
        'Upload-Offset': '8000',
        'Upload-Length': '50000',
        'Content-Type': 'application/offset+octet-stream',
      }),
      body: new Uint8Array(0),
    });
    await expectProblem(declared, 413);
    const head = await fetch(url, { method: 'HEAD', headers: tusHeaders(secret) });
    assert.ok(Number(head.headers.get('upload-offset')) <= 10_000, `offset ${head.headers.get('upload-offset')}`);
  });

  it('is checked again when a contribution names it (a limit lowered since)', async () => {
    const seed = seedWith(() => undefined);
    const lowered = await startTestServer({ seed });
    try {
      const { url } = await tusUpload(`${lowered.api}/uploads/`, bytes(30_000), metadata);
      const edited = JSON.parse(readFileSync(seed, 'utf8'));
      edited.calls.find((c: { id: string }) => c.id === 'puisi-voices').accepts[0].maxBytes = 20_000;
      // A newer modification time: the catalogue reads the seed again.
      writeFileSync(seed, JSON.stringify(edited));
      const res = await lowered.call('POST', '/calls/puisi-voices/contributions', json(audioContribution([url])));
      assert.equal(res.status, 413);
      assert.equal(res.body.type, 'urn:open-call-widgets:problem:file-too-large');
    } finally {
      await lowered.close();
    }
  });
});

describe('who may touch an upload', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  it('refuses to create an upload without a secret', async () => {
    const res = await fetch(`${server.api}/uploads/`, {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10', 'Upload-Metadata': encode(metadata) },
    });
    await expectProblem(res, 400, 'upload-secret-missing');
  });

  it('lets only the browser with the upload’s secret continue, read or delete it', async () => {
    const { url, secret } = await tusUpload(`${server.api}/uploads/`, bytes(10_000), metadata, { finish: false });
    for (const given of [undefined, 'someone-elses-secret-123']) {
      const headers = given ? tusHeaders(given) : { 'Tus-Resumable': '1.0.0' };
      await expectProblem(await fetch(url, { method: 'HEAD', headers }), 403);
      await expectProblem(
        await fetch(url, {
          method: 'PATCH',
          headers: { ...headers, 'Upload-Offset': '5000', 'Content-Type': 'application/offset+octet-stream' },
          body: bytes(5000),
        }),
        403,
        'upload-not-yours',
      );
      await expectProblem(await fetch(url, { method: 'DELETE', headers }), 403, 'upload-not-yours');
      await expectProblem(await fetch(url, { headers }), 403, 'upload-not-yours');
    }
    const head = await fetch(url, { method: 'HEAD', headers: tusHeaders(secret) });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('upload-offset'), '5000');
    assert.doesNotMatch(head.headers.get('upload-metadata') ?? '', new RegExp(Buffer.from(secret).toString('base64')));
  });

  it('closes the tus URL of an upload that belongs to a contribution, even to its owner', async () => {
    const { url, secret } = await tusUpload(`${server.api}/uploads/`, bytes(10_000, 7), metadata);
    const sent = await server.call('POST', '/calls/puisi-voices/contributions', json(audioContribution([url])));
    assert.equal(sent.status, 201);
    const id = url.split('/').pop()!;
    await expectProblem(await fetch(url, { method: 'DELETE', headers: tusHeaders(secret) }), 410, 'upload-sent');
    await expectProblem(await fetch(url, { headers: tusHeaders(secret) }), 410, 'upload-sent');
    await expectProblem(
      await fetch(url, {
        method: 'PATCH',
        headers: tusHeaders(secret, { 'Upload-Offset': '10000', 'Content-Type': 'application/offset+octet-stream' }),
        body: bytes(10),
      }),
      410,
      'upload-sent',
    );
    assert.equal((await fetch(url, { method: 'HEAD', headers: tusHeaders(secret) })).status, 410);
    assert.ok(existsSync(join(server.dataDir, 'uploads', id)), 'the file is still there');
  });

  it('still lets the owner throw away a finished file that was not sent', async () => {
    const { url, secret } = await tusUpload(`${server.api}/uploads/`, bytes(1000), metadata);
    assert.equal((await fetch(url, { method: 'DELETE', headers: tusHeaders(secret) })).status, 204);
    const res = await server.call('POST', '/calls/puisi-voices/contributions', json(audioContribution([url])));
    assert.equal(res.body.type, 'urn:open-call-widgets:problem:upload-unknown');
  });

  it('checks the upload id on every tus route', async () => {
    const { url, secret } = await tusUpload(`${server.api}/uploads/`, bytes(1000), metadata);
    const id = url.split('/').pop()!;
    const tricks = [`${id}.json`, `${id}%2Ejson`, '..%2Fcontributions.jsonl', `${id.toUpperCase()}`, `${id}/x`, 'x'.repeat(300)];
    for (const trick of tricks)
      for (const method of ['GET', 'HEAD', 'PATCH', 'DELETE']) {
        const res = await fetch(`${server.api}/uploads/${trick}`, {
          method,
          headers: tusHeaders(secret, { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }),
          body: method === 'PATCH' ? 'x' : undefined,
        });
        assert.equal(res.status, 404, `${method} ${trick}`);
        if (method !== 'HEAD') await expectProblem(res, 404, 'upload-unknown');
      }
    assert.ok(existsSync(join(server.dataDir, 'uploads', `${id}.json`)), 'the metadata file is untouched');
  });

  it('keeps a sent file when expired uploads are swept, and drops an expired unfinished one', async () => {
    const shortLived = await startTestServer({ uploadExpiryMs: 200 });
    try {
      const { url: sentUrl } = await tusUpload(`${shortLived.api}/uploads/`, bytes(1000), metadata);
      assert.equal(
        (await shortLived.call('POST', '/calls/puisi-voices/contributions', json(audioContribution([sentUrl])))).status,
        201,
      );
      const { url: halfUrl } = await tusUpload(`${shortLived.api}/uploads/`, bytes(1000), metadata, { finish: false });
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await shortLived.sweepExpiredUploads(), 1);
      assert.ok(existsSync(join(shortLived.dataDir, 'uploads', sentUrl.split('/').pop()!)), 'the sent file is kept');
      assert.ok(!existsSync(join(shortLived.dataDir, 'uploads', halfUrl.split('/').pop()!)), 'the expired one is gone');
    } finally {
      await shortLived.close();
    }
  });
});

describe('the public URL', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer({ publicUrl: 'https://calls.example.org' })));
  after(() => server.close());
  const direct = () => server.listenUrl;

  it('builds every link and upload endpoint on --public-url, whatever the Host header says', async () => {
    const res = await fetch(`${direct()}/v1/calls/puisi-voices`, {
      headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' },
    });
    const call = (await res.json()) as { upload: { endpoint: string }; cover: { url: string }; terms: { url: string } };
    assert.equal(call.upload.endpoint, 'https://calls.example.org/v1/uploads/');
    assert.ok(call.cover.url.startsWith('https://calls.example.org/'));
    assert.ok(call.terms.url.startsWith('https://calls.example.org/'));
    const create = await fetch(`${direct()}/v1/uploads/`, {
      method: 'POST',
      headers: {
        Host: 'evil.example',
        'X-Forwarded-Host': 'evil.example',
        'Tus-Resumable': '1.0.0',
        'Upload-Length': '10',
        'Upload-Metadata': encode({ ...metadata, secret: 'public-url-secret-1' }),
      },
    });
    assert.equal(create.status, 201);
    assert.match(create.headers.get('location')!, /^https:\/\/calls\.example\.org\/v1\/uploads\/[0-9a-f]{32}$/);
  });

  it('takes upload URLs on the public URL only', async () => {
    const secret = 'public-url-secret-2';
    const create = await fetch(`${direct()}/v1/uploads/`, {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '50', 'Upload-Metadata': encode({ ...metadata, secret }) },
    });
    const url = create.headers.get('location')!;
    assert.ok(url.startsWith('https://calls.example.org/'));
    const local = `${direct()}/v1/uploads/${url.split('/').pop()!}`;
    const patch = await fetch(local, {
      method: 'PATCH',
      headers: tusHeaders(secret, { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }),
      body: bytes(50),
    });
    assert.equal(patch.status, 204);
    const post = (uploads: string[]) =>
      fetch(`${direct()}/v1/calls/puisi-voices/contributions`, { method: 'POST', ...json(audioContribution(uploads)) });
    const foreign = (await (await post([local])).json()) as { type: string };
    assert.equal(foreign.type, 'urn:open-call-widgets:problem:upload-foreign');
    assert.equal((await post([url])).status, 201);
  });
});

/** Sends raw bytes and returns the status line and the body of the answer. */
describe('malformed requests', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  it('answers malformed percent-encoding with 400, on the API and on tus', async () => {
    for (const path of ['/calls/%E0%A4%A', '/calls/%', '/calls?campaign=%ZZ', '/uploads/%C0', '/calls/x%2/contributions'])
      await expectProblem(await fetch(`${server.api}${path}`), 400, 'malformed-url');
  });

  it('answers a bad Host header or request line with a 400 problem', async () => {
    const requests = [
      'GET /v1/calls HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n',
      'GET /v1/calls HTTP/1.1\r\nHost: [::\r\nConnection: close\r\n\r\n',
      'GET /v1/calls HTTP/1.1\r\nHost: x/y\r\nConnection: close\r\n\r\n',
      'GET /v1/calls HTTP/1.1\r\nConnection: close\r\n\r\n',
      'GET /v1/calls\\x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n',
      'BREW /v1/calls HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n',
      'GET /v1/calls HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n',
    ];
    for (const request of requests) {
      const answer = await sendRaw(server.url, request);
      assert.ok(answer.status >= 400 && answer.status < 500, `${JSON.stringify(request)} answered ${answer.status}`);
      assert.match(answer.type, /^application\/problem\+json/, JSON.stringify(request));
    }
  });

  it('answers tus refusals as problems, without a path or errno', async () => {
    const cases: Array<[RequestInit, number]> = [
      [{ method: 'POST', headers: { 'Upload-Length': '10' } }, 412],
      [{ method: 'POST', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '-1' } }, 400],
      [{ method: 'POST', headers: { 'Tus-Resumable': '1.0.0' } }, 400],
      [{ method: 'POST', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '1', 'Upload-Concat': 'partial' } }, 501],
    ];
    for (const [init, status] of cases) {
      const res = await fetch(`${server.api}/uploads/`, init);
      const text = await res.clone().text();
      await expectProblem(res, status);
      assert.doesNotMatch(text, /\/tmp|\/work|ENOENT|EACCES|errno/i);
    }
  });
});

describe('limits', () => {
  it('refuses creations past the per-client rate with 429 and Retry-After', async () => {
    const server = await startTestServer({ limits: { creationsPerMinute: 3 }, trustProxy: true });
    try {
      const from = (address: string) => ({ 'X-Forwarded-For': address });
      for (let i = 0; i < 2; i++)
        assert.equal((await tusUpload(`${server.api}/uploads/`, bytes(10), metadata)).create.status, 201);
      const contribution = await fetch(`${server.api}/calls/astronaut-one-liner/contributions`, {
        method: 'POST',
        ...json(textContribution()),
      });
      assert.equal(contribution.status, 201);
      const refused = await fetch(`${server.api}/calls/astronaut-one-liner/contributions`, {
        method: 'POST',
        ...json(textContribution()),
      });
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      await expectProblem(refused, 429, 'too-many-requests');
      const tusRefused = await fetch(`${server.api}/uploads/`, {
        method: 'POST',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Length': '10',
          'Upload-Metadata': encode({ ...metadata, secret: 'x'.repeat(16) }),
        },
      });
      await expectProblem(tusRefused, 429, 'too-many-requests');
      const other = await fetch(`${server.api}/calls/astronaut-one-liner/contributions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...from('203.0.113.9') },
        body: JSON.stringify(textContribution()),
      });
      assert.equal(other.status, 201, 'another address has its own allowance');
    } finally {
      await server.close();
    }
  });

  it('caps the bytes of unfinished uploads per call', async () => {
    const server = await startTestServer({ limits: { pendingBytesPerCall: 25_000 } });
    try {
      const first = await tusUpload(`${server.api}/uploads/`, bytes(20_000), metadata, { finish: false });
      assert.equal(first.create.status, 201);
      const second = await tusUpload(`${server.api}/uploads/`, bytes(10_000), metadata, { finish: false });
      await expectProblem(second.create, 429, 'uploads-pending-limit');
      const otherCall = await tusUpload(`${server.api}/uploads/`, bytes(10_000), { ...metadata, callId: 'morning-sounds' });
      assert.equal(otherCall.create.status, 201, 'another call has its own room');
      // Finishing the first frees its room.
      await fetch(first.url, {
        method: 'PATCH',
        headers: tusHeaders(first.secret, { 'Upload-Offset': '10000', 'Content-Type': 'application/offset+octet-stream' }),
        body: bytes(10_000),
      });
      assert.equal((await tusUpload(`${server.api}/uploads/`, bytes(10_000), metadata)).create.status, 201);
    } finally {
      await server.close();
    }
  });
});
