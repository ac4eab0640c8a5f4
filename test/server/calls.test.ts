import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from './harness.js';

describe('listing and reading calls', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  it('lists only open calls by default, each in the contract shape', async () => {
    const { status, body } = await server.call('GET', '/calls?limit=50');
    assert.equal(status, 200);
    assert.ok(body.items.length > 0);
    assert.ok(body.items.every((c: { status: string }) => c.status === 'open'));
    assert.ok(!body.items.some((c: { id: string }) => c.id === 'thank-you-notes-2025'));
  });

  it('pages through a 30-call campaign with cursors, each call once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/calls?campaign=create-together&limit=10${cursor ? `&cursor=${cursor}` : ''}`;
      const { body } = await server.call('GET', query);
      seen.push(...body.items.map((c: { id: string }) => c.id));
      cursor = body.next;
      pages++;
    } while (cursor);
    assert.ok(seen.length >= 30, `only ${seen.length} calls`);
    assert.equal(new Set(seen).size, seen.length);
    assert.equal(pages, Math.ceil(seen.length / 10));
  });

  it('filters by campaign, kind and language', async () => {
    const malaysia = (await server.call('GET', '/calls?campaign=this-is-malaysia')).body.items;
    assert.deepEqual(malaysia.map((c: { id: string }) => c.id).sort(), ['astronaut-one-liner', 'puisi-voices']);
    const audio = (await server.call('GET', '/calls?kind=audio&limit=50')).body.items;
    assert.ok(audio.length > 0);
    assert.ok(audio.every((c: { accepts: { kind: string }[] }) => c.accepts.some((a) => a.kind === 'audio')));
    const malay = (await server.call('GET', '/calls?lang=ms-MY&limit=50')).body.items;
    assert.ok(malay.some((c: { id: string }) => c.id === 'puisi-voices'));
    assert.ok(malay.every((c: { languages: string[] }) => c.languages.includes('ms')));
  });

  it('lists closed and upcoming calls when asked', async () => {
    const closed = (await server.call('GET', '/calls?status=closed')).body.items;
    assert.deepEqual(
      closed.map((c: { id: string }) => c.id),
      ['thank-you-notes-2025'],
    );
    const upcoming = (await server.call('GET', '/calls?status=upcoming')).body.items;
    assert.deepEqual(
      upcoming.map((c: { id: string }) => c.id),
      ['monsoon-sounds'],
    );
  });

  it('refuses a bad filter with a problem naming it', async () => {
    for (const [query, field] of [
      ['status=maybe', 'status'],
      ['kind=smell', 'kind'],
      ['limit=0', 'limit'],
      ['limit=500', 'limit'],
      ['cursor=not-ours', 'cursor'],
    ]) {
      const { status, body } = await server.call('GET', `/calls?${query}`);
      assert.equal(status, 400, query);
      assert.equal(body.field, field);
    }
  });

  it('gives one call by id, with absolute URLs on this server', async () => {
    const { status, body } = await server.call('GET', '/calls/puisi-voices');
    assert.equal(status, 200);
    assert.equal(body.title, 'Say “puisi” in your own voice');
    assert.equal(body.upload.endpoint, `${server.api}/uploads/`);
    assert.ok(body.cover.url.startsWith(server.url));
    const cover = await fetch(body.cover.url);
    assert.equal(cover.status, 200);
    assert.equal(cover.headers.get('content-type'), 'image/svg+xml');
  });

  it('answers 404 with a problem for an unknown call', async () => {
    const { status, headers, body } = await server.call('GET', '/calls/no-such-call');
    assert.equal(status, 404);
    assert.match(headers.get('content-type')!, /^application\/problem\+json/);
    assert.match(body.detail, /no-such-call/);
  });

  it('tags answers with an ETag and answers 304 when it matches', async () => {
    for (const path of ['/calls?kind=text', '/calls/astronaut-one-liner']) {
      const first = await server.call('GET', path);
      const etag = first.headers.get('etag');
      assert.ok(etag);
      assert.match(first.headers.get('cache-control')!, /max-age=\d+/);
      const again = await fetch(`${server.api}${path}`, { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
      const other = await fetch(`${server.api}${path}`, { headers: { 'If-None-Match': '"stale"' } });
      assert.equal(other.status, 200);
    }
  });

  it('serves the contract it is tested against', async () => {
    const res = await fetch(`${server.api}/openapi.yaml`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /^openapi: 3\.1/);
  });
});

describe('cross-origin access', () => {
  it('allows localhost pages by default and no others', async () => {
    const server = await startTestServer();
    try {
      const local = await fetch(`${server.api}/calls`, { headers: { Origin: 'http://localhost:5173' } });
      assert.equal(local.headers.get('access-control-allow-origin'), 'http://localhost:5173');
      assert.match(local.headers.get('access-control-expose-headers')!, /ETag/);
      const foreign = await fetch(`${server.api}/calls`, { headers: { Origin: 'https://blog.example' } });
      assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      const preflight = await fetch(`${server.api}/calls/astronaut-one-liner/contributions`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://127.0.0.1:8000',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,authorization',
        },
      });
      assert.equal(preflight.status, 204);
      assert.match(preflight.headers.get('access-control-allow-headers')!, /Authorization/);
      const tus = await fetch(`${server.api}/uploads/`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(tus.headers.get('access-control-allow-origin'), 'http://localhost:5173');
      const tusForeign = await fetch(`${server.api}/uploads/`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
      });
      assert.notEqual(tusForeign.headers.get('access-control-allow-origin'), 'https://evil.example');
    } finally {
      await server.close();
    }
  });

  it('allows the configured origins, or any page with *', async () => {
    const listed = await startTestServer({ origins: ['https://blog.example'] });
    const open = await startTestServer({ origins: ['*'] });
    try {
      const allowed = await fetch(`${listed.api}/calls`, { headers: { Origin: 'https://blog.example' } });
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://blog.example');
      const local = await fetch(`${listed.api}/calls`, { headers: { Origin: 'http://localhost:5173' } });
      assert.equal(local.headers.get('access-control-allow-origin'), null);
      const any = await fetch(`${open.api}/calls`, { headers: { Origin: 'https://anyone.example' } });
      assert.equal(any.headers.get('access-control-allow-origin'), 'https://anyone.example');
    } finally {
      await listed.close();
      await open.close();
    }
  });
});

describe('the package', () => {
  it('names the same version in package.json and in the code that define() reports', async () => {
    const { version } = await import('../../src/core/version.js');
    const pkg = JSON.parse(
      await import('node:fs').then((fs) => fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')),
    );
    assert.equal(version, pkg.version);
  });
});
