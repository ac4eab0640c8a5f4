import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSeed } from '../../demo/server/app.js';
import { json, startTestServer, textContribution, tusUpload, type TestServer } from './harness.js';

const audio = (size: number) => new Uint8Array(size).map((_, i) => (i * 31) % 251);
const post = (server: TestServer, callId: string, body: unknown) =>
  server.call('POST', `/calls/${callId}/contributions`, json(body));

function audioContribution(uploads: string[], overrides: Record<string, unknown> = {}) {
  return textContribution({ kind: 'audio', text: undefined, language: 'ms', uploads, ...overrides });
}

describe('submitting a contribution', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  it('accepts a text contribution, keeps it, and counts it on the call', async () => {
    const before = (await server.call('GET', '/calls/astronaut-one-liner')).body.contributionCount;
    const { status, body } = await post(server, 'astronaut-one-liner', textContribution());
    assert.equal(status, 201);
    assert.equal(body.status, 'received');
    const stored = await server.store.get(body.id);
    assert.equal(stored?.creditName, 'Aisyah R.');
    assert.equal(stored?.callId, 'astronaut-one-liner');
    const after = (await fetch(`${server.api}/calls/astronaut-one-liner`, { cache: 'no-store' }).then((r) => r.json())) as {
      contributionCount: number;
    };
    assert.equal(after.contributionCount, before + 1);
  });

  it('accepts an audio contribution whose file was uploaded by tus', async () => {
    const bytes = audio(300_000);
    const { url } = await tusUpload(`${server.api}/uploads/`, bytes, {
      callId: 'puisi-voices',
      filename: 'puisi.ogg',
      filetype: 'audio/ogg',
    });
    const { status, body } = await post(server, 'puisi-voices', audioContribution([url]));
    assert.equal(status, 201);
    const stored = await server.store.get(body.id);
    assert.deepEqual(
      stored?.uploads.map((u) => [u.size, u.filename, u.filetype]),
      [[300_000, 'puisi.ogg', 'audio/ogg']],
    );
    const id = url.split('/').pop()!;
    assert.deepEqual(new Uint8Array(readFileSync(join(server.dataDir, 'uploads', id))), bytes);
  });

  const refusals: Array<[string, string, unknown, number, string]> = [
    ['an unknown call', 'no-such-call', textContribution(), 404, 'call-not-found'],
    ['a closed call', 'thank-you-notes-2025', textContribution(), 409, 'call-not-open'],
    ['an upcoming call', 'monsoon-sounds', textContribution(), 409, 'call-not-open'],
    ['a kind the call does not take', 'astronaut-one-liner', textContribution({ kind: 'video' }), 422, 'kind-not-accepted'],
    ['no consent', 'astronaut-one-liner', textContribution({ consent: undefined }), 422, 'consent-missing'],
    [
      'consent to old terms',
      'astronaut-one-liner',
      textContribution({ consent: { termsVersion: '2024-01', acceptedAt: new Date().toISOString() } }),
      409,
      'terms-outdated',
    ],
    ['no credit name', 'astronaut-one-liner', textContribution({ creditName: '  ' }), 422, 'credit-name-missing'],
    [
      'text longer than the call allows',
      'astronaut-one-liner',
      textContribution({ text: 'x'.repeat(141) }),
      422,
      'text-too-long',
    ],
    ['an empty text', 'astronaut-one-liner', textContribution({ text: '' }), 422, 'text-missing'],
    ['a language the call is not in', 'astronaut-one-liner', textContribution({ language: 'fr' }), 422, 'invalid-field'],
    ['a bad email', 'astronaut-one-liner', textContribution({ email: 'not-an-address' }), 422, 'invalid-field'],
    ['a media call with no file', 'puisi-voices', audioContribution([]), 422, 'uploads-missing'],
    [
      'an upload URL on another server',
      'puisi-voices',
      audioContribution(['https://elsewhere.example/v1/uploads/abc']),
      422,
      'upload-foreign',
    ],
    ['a body that is not an object', 'astronaut-one-liner', [1, 2], 400, 'malformed-json'],
  ];
  for (const [what, callId, body, status, code] of refusals) {
    it(`refuses ${what} with ${status} ${code}`, async () => {
      const res = await post(server, callId, body);
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.equal(res.body.type, `urn:open-call-widgets:problem:${code}`);
      assert.ok(res.body.detail, 'the problem explains itself');
    });
  }

  it('counts characters as people do: 140 emoji fit a 140-character call', async () => {
    const { status } = await post(server, 'astronaut-one-liner', textContribution({ text: '🚀'.repeat(140) }));
    assert.equal(status, 201);
  });

  it('refuses malformed JSON (400), a wrong content type (415) and an oversized body (413)', async () => {
    const malformed = await server.call('POST', '/calls/astronaut-one-liner/contributions', json('{"kind": "text",'));
    assert.equal(malformed.status, 400);
    const form = await server.call('POST', '/calls/astronaut-one-liner/contributions', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'kind=text',
    });
    assert.equal(form.status, 415);
    const huge = await server.call(
      'POST',
      '/calls/astronaut-one-liner/contributions',
      json(textContribution({ text: 'x'.repeat(200_000) })),
    );
    assert.equal(huge.status, 413);
  });

  it('refuses an upload this server does not know, one not finished, and one already used', async () => {
    const unknown = await post(server, 'puisi-voices', audioContribution([`${server.api}/uploads/0123456789abcdef`]));
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.type, 'urn:open-call-widgets:problem:upload-unknown');

    const half = await tusUpload(
      `${server.api}/uploads/`,
      audio(10_000),
      { callId: 'puisi-voices', filetype: 'audio/ogg' },
      { finish: false },
    );
    const unfinished = await post(server, 'puisi-voices', audioContribution([half.url]));
    assert.equal(unfinished.status, 409);
    assert.equal(unfinished.body.type, 'urn:open-call-widgets:problem:upload-unfinished');

    const done = await tusUpload(`${server.api}/uploads/`, audio(10_000), { callId: 'puisi-voices', filetype: 'audio/ogg' });
    assert.equal((await post(server, 'puisi-voices', audioContribution([done.url]))).status, 201);
    const again = await post(server, 'puisi-voices', audioContribution([done.url]));
    assert.equal(again.status, 409);
    assert.equal(again.body.type, 'urn:open-call-widgets:problem:upload-already-used');
  });

  it('refuses an upload made for another call, and more files than the call takes', async () => {
    const forMusic = await tusUpload(`${server.api}/uploads/`, audio(1000), {
      callId: 'project-power-music',
      filetype: 'audio/ogg',
    });
    const wrong = await post(server, 'puisi-voices', audioContribution([forMusic.url]));
    assert.equal(wrong.body.type, 'urn:open-call-widgets:problem:upload-wrong-call');
    const four = await Promise.all(
      [1, 2, 3, 4].map(
        async () =>
          (await tusUpload(`${server.api}/uploads/`, audio(100), { callId: 'puisi-voices', filetype: 'audio/ogg' })).url,
      ),
    );
    const tooMany = await post(server, 'puisi-voices', audioContribution(four));
    assert.equal(tooMany.status, 422);
    assert.equal(tooMany.body.type, 'urn:open-call-widgets:problem:too-many-files');
  });
});

describe('the tus endpoint', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());
  const endpoint = () => `${server.api}/uploads/`;

  it('creates uploads with an expiry, and terminates them on request', async () => {
    const { url, create, secret } = await tusUpload(
      endpoint(),
      audio(5000),
      { callId: 'puisi-voices', filetype: 'audio/ogg' },
      { finish: false },
    );
    assert.equal(create.status, 201);
    assert.ok(create.headers.get('upload-expires'), 'expiration extension');
    const options = await fetch(endpoint(), { method: 'OPTIONS' });
    assert.match(options.headers.get('tus-extension') ?? '', /creation.*termination.*expiration|termination/);
    const del = await fetch(url, { method: 'DELETE', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Secret': secret } });
    assert.equal(del.status, 204);
    const head = await fetch(url, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
    assert.ok(head.status === 404 || head.status === 410, `HEAD after DELETE answered ${head.status}`);
  });

  it('refuses at creation a file larger than the call allows (413)', async () => {
    const res = await fetch(endpoint(), {
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(50_000_001),
        'Upload-Metadata': `callId ${Buffer.from('puisi-voices').toString('base64')},filetype ${Buffer.from('audio/ogg').toString('base64')}`,
      },
    });
    assert.equal(res.status, 413);
    assert.match(await res.text(), /50000000/);
  });

  it('refuses uploads for closed, upcoming or unknown calls, or of a type the call does not take', async () => {
    const cases: Array<[Record<string, string>, number]> = [
      [{ callId: 'thank-you-notes-2025', filetype: 'text/plain' }, 409],
      [{ callId: 'monsoon-sounds', filetype: 'audio/ogg' }, 409],
      [{ callId: 'no-such-call', filetype: 'audio/ogg' }, 404],
      [{ filetype: 'audio/ogg' }, 404],
      [{ callId: 'dans-birthday-art', filetype: 'image/gif' }, 415],
    ];
    for (const [metadata, status] of cases) {
      const { create } = await tusUpload(endpoint(), audio(10), metadata);
      assert.equal(create.status, status, JSON.stringify(metadata));
    }
  });
});

describe('the seed file', () => {
  it('is picked up again after an organiser edits it, without a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oc-seed-'));
    const seedPath = join(dir, 'seed.json');
    const seed = JSON.parse(readFileSync(defaultSeed, 'utf8'));
    writeFileSync(seedPath, JSON.stringify(seed));
    const server = await startTestServer({ seed: seedPath });
    try {
      assert.equal((await post(server, 'astronaut-one-liner', textContribution())).status, 201);
      seed.calls[0].status = 'closed';
      writeFileSync(seedPath, JSON.stringify(seed));
      const closed = await post(server, 'astronaut-one-liner', textContribution());
      assert.equal(closed.status, 409);
      // A broken edit keeps the last good calls.
      writeFileSync(seedPath, '{ "calls": [');
      assert.equal((await server.call('GET', '/calls/astronaut-one-liner')).status, 200);
    } finally {
      await server.close();
    }
  });

  it('names the field an organiser got wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oc-seed-'));
    const seedPath = join(dir, 'seed.json');
    const seed = JSON.parse(readFileSync(defaultSeed, 'utf8'));
    seed.calls[3].closesAt = 'next friday';
    writeFileSync(seedPath, JSON.stringify(seed));
    await assert.rejects(startTestServer({ seed: seedPath }), /calls\[3\]\.closesAt is not a date/);
  });
});
