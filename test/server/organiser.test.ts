import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { defaultSeed } from '../../demo/server/app.js';
import { json, startTestServer, textContribution, tusUpload, type TestServer } from './harness.js';

const malaysiaToken = 'this-is-malaysia-organiser-token';
const birthdayToken = 'dans-birthday-organiser-token-0';
const everyToken = 'every-campaign-organiser-token-0';
const bearer = (token: string): RequestInit => ({ headers: { Authorization: `Bearer ${token}` } });
const audio = (size: number, seed = 31) => new Uint8Array(size).map((_, i) => (i * seed) % 251);

/** A seed with one more call, in no campaign: only a * token may review it. */
function seedWithCallInNoCampaign(dir: string): string {
  const seed = JSON.parse(readFileSync(defaultSeed, 'utf8')) as { calls: Array<Record<string, unknown>> };
  const orphan: Record<string, unknown> = { ...seed.calls[0], id: 'open-mic' };
  delete orphan.campaign;
  seed.calls.push(orphan);
  const path = join(dir, 'seed.json');
  writeFileSync(path, JSON.stringify(seed));
  return path;
}

describe('the organiser API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oc-organiser-'));
  const dataDir = join(dir, 'data');
  const tokensFile = join(dir, 'tokens.json');
  writeFileSync(
    tokensFile,
    JSON.stringify({ [malaysiaToken]: ['this-is-malaysia'], [birthdayToken]: ['dans-birthday'], [everyToken]: '*' }),
  );
  const options = { dataDir, seed: seedWithCallInNoCampaign(dir), organiserTokensFile: tokensFile };
  let server: TestServer;
  const ids: Record<string, string> = {};
  const song = audio(300_000);
  const other = audio(20_000, 17);

  const post = async (callId: string, body: unknown) => {
    const res = await server.call('POST', `/calls/${callId}/contributions`, json(body));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  };
  const upload = async (callId: string, bytes: Uint8Array<ArrayBuffer>, filetype: string, filename?: string) =>
    (await tusUpload(`${server.api}/uploads/`, bytes, { callId, filetype, ...(filename ? { filename } : {}) })).url;
  const list = (token: string, query = '') => server.call('GET', `/organiser/contributions${query}`, bearer(token));
  const review = (token: string, id: string, status: unknown) =>
    server.call('PATCH', `/organiser/contributions/${id}`, {
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status }),
    });

  before(async () => {
    server = await startTestServer(options);
    ids.text = await post('astronaut-one-liner', textContribution({ email: 'aisyah@example.org' }));
    ids.song = await post(
      'puisi-voices',
      textContribution({
        kind: 'audio',
        text: undefined,
        language: 'ms',
        title: 'Puisi untuk ibu',
        uploads: [await upload('puisi-voices', song, 'audio/ogg', 'puisi.ogg')],
      }),
    );
    ids.other = await post(
      'puisi-voices',
      textContribution({
        kind: 'audio',
        text: undefined,
        language: 'ms',
        creditName: 'Farid',
        uploads: [await upload('puisi-voices', other, 'audio/ogg')],
      }),
    );
    ids.card = await post('dans-birthday-art', {
      ...textContribution({ kind: 'image', text: undefined }),
      uploads: [
        await upload(
          'dans-birthday-art',
          new Uint8Array(readFileSync(new URL('fixtures/five-by-three.png', import.meta.url))),
          'image/png',
        ),
      ],
    });
    ids.orphan = await post('open-mic', textContribution({ creditName: 'Mic' }));
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists what arrived in the token’s campaigns, newest first, email included', async () => {
    const { status, body, headers } = await list(malaysiaToken);
    assert.equal(status, 200);
    assert.equal(headers.get('cache-control'), 'no-store', 'emails stay out of caches');
    assert.deepEqual(
      body.items.map((c: { id: string }) => c.id),
      [ids.other, ids.song, ids.text],
    );
    const text = body.items[2];
    assert.equal(text.email, 'aisyah@example.org');
    assert.equal(text.status, 'received');
    assert.equal(text.campaign, 'this-is-malaysia');
    assert.equal(text.publishedAt, undefined);
    const song = body.items[1];
    assert.equal(song.media.length, 1);
    assert.equal(song.media[0].type, 'audio/ogg');
    assert.equal(song.media[0].bytes, 300_000);
    assert.equal(song.media[0].filename, 'puisi.ogg');
    assert.doesNotMatch(JSON.stringify(body), /\/uploads\//, 'no upload URL, even here');
    assert.equal(body.next, null);
  });

  it('shows a * token every contribution, a call in no campaign too', async () => {
    const { body } = await list(everyToken);
    assert.deepEqual(
      body.items.map((c: { id: string }) => c.id),
      [ids.orphan, ids.card, ids.other, ids.song, ids.text],
    );
    const card = body.items[1];
    assert.deepEqual([card.media[0].width, card.media[0].height], [5, 3]);
  });

  it('filters by call, campaign and status, and pages with a cursor', async () => {
    const byCall = await list(malaysiaToken, '?call=puisi-voices');
    assert.deepEqual(
      byCall.body.items.map((c: { id: string }) => c.id),
      [ids.other, ids.song],
    );
    const byCampaign = await list(everyToken, '?campaign=dans-birthday');
    assert.deepEqual(
      byCampaign.body.items.map((c: { id: string }) => c.id),
      [ids.card],
    );
    const both = await list(everyToken, '?campaign=dans-birthday&call=puisi-voices');
    assert.deepEqual(both.body.items, []);
    const rejected = await list(everyToken, '?status=rejected');
    assert.deepEqual(rejected.body.items, []);

    const seen: string[] = [];
    let query = '?limit=2';
    for (;;) {
      const page = await list(everyToken, query);
      assert.ok(page.body.items.length <= 2);
      seen.push(...page.body.items.map((c: { id: string }) => c.id));
      if (page.body.next === null) break;
      query = `?limit=2&cursor=${encodeURIComponent(page.body.next)}`;
    }
    assert.deepEqual(seen, [ids.orphan, ids.card, ids.other, ids.song, ids.text]);
  });

  it('answers 401 without a token or with an unknown one, and says how to authenticate', async () => {
    for (const init of [{}, bearer('not-a-token-of-this-server'), { headers: { Authorization: malaysiaToken } }]) {
      for (const [method, path] of [
        ['GET', '/organiser/contributions'],
        ['PATCH', `/organiser/contributions/${ids.text}`],
        ['GET', '/organiser/calls/puisi-voices/export'],
      ]) {
        const res = await server.call(method, path, init);
        assert.equal(res.status, 401, `${method} ${path}`);
        assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="open-call-organiser"');
        assert.match(res.body.type, /token-(missing|unknown)$/);
      }
    }
  });

  it('answers 403 for a token that does not cover the call’s campaign, or a call in no campaign', async () => {
    const refusals: Array<[string, string, RequestInit]> = [
      ['GET', '/organiser/contributions?call=dans-birthday-art', bearer(malaysiaToken)],
      ['GET', '/organiser/contributions?campaign=dans-birthday', bearer(malaysiaToken)],
      ['GET', '/organiser/contributions?call=open-mic', bearer(malaysiaToken)],
      ['GET', '/organiser/calls/dans-birthday-art/export', bearer(malaysiaToken)],
      ['GET', '/organiser/calls/open-mic/export', bearer(birthdayToken)],
    ];
    for (const [method, path, init] of refusals) {
      const res = await server.call(method, path, init);
      assert.equal(res.status, 403, path);
      assert.equal(res.body.type, 'urn:open-call-widgets:problem:campaign-not-covered');
    }
    for (const id of [ids.card, ids.orphan]) {
      const res = await review(malaysiaToken, id, 'published');
      assert.equal(res.status, 403);
    }
    assert.equal((await server.store.get(ids.card))?.status, 'received', 'a refused PATCH changes nothing');
  });

  it('refuses a bad filter (400), an unknown call (404) and an unknown contribution (404)', async () => {
    for (const query of ['?status=pending', '?limit=0', '?limit=101', '?limit=ten', '?cursor=bm90LWEtY3Vyc29y']) {
      const res = await list(everyToken, query);
      assert.equal(res.status, 400, query);
    }
    assert.equal((await list(everyToken, '?call=no-such-call')).status, 404);
    assert.equal((await server.call('GET', '/organiser/calls/no-such-call/export', bearer(everyToken))).status, 404);
    const unknown = await review(everyToken, 'no-such-contribution', 'published');
    assert.equal(unknown.status, 404);
  });

  it('refuses a review that is not "published" or "rejected" (422), or not JSON (415, 400)', async () => {
    for (const status of ['received', 'approved', 1, null]) {
      const res = await review(everyToken, ids.text, status);
      assert.equal(res.status, 422, String(status));
      assert.equal(res.body.field, 'status');
    }
    const form = await server.call('PATCH', `/organiser/contributions/${ids.text}`, {
      headers: { Authorization: `Bearer ${everyToken}`, 'Content-Type': 'text/plain' },
      body: 'published',
    });
    assert.equal(form.status, 415);
    const broken = await server.call('PATCH', `/organiser/contributions/${ids.text}`, {
      headers: { Authorization: `Bearer ${everyToken}`, 'Content-Type': 'application/json' },
      body: '{"status":',
    });
    assert.equal(broken.status, 400);
  });

  it('plays a file under review through its signed preview link only', async () => {
    const { body } = await list(malaysiaToken, '?call=puisi-voices');
    const preview = new URL(body.items[1].media[0].url);
    assert.ok(preview.searchParams.get('signature'));
    const path = preview.pathname.replace(/^\/v1/, '');
    const played = await server.call('GET', `${path}${preview.search}`, { headers: { Range: 'bytes=0-99' } });
    assert.equal(played.status, 206);
    assert.equal(played.headers.get('cache-control'), 'private, max-age=600');
    assert.deepEqual(played.body, song.subarray(0, 100));

    const bare = await server.call('GET', path);
    assert.equal(bare.status, 404, 'not published: not public');
    preview.searchParams.set('signature', `${preview.searchParams.get('signature')!.slice(0, -2)}AA`);
    assert.equal((await server.call('GET', `${path}${preview.search}`)).status, 404, 'a forged signature');
    const other = new URL(body.items[0].media[0].url);
    assert.equal((await server.call('GET', `${path}${other.search}`)).status, 404, 'another file’s signature');
  });

  it('publishes and rejects durably: the decision survives a restart', async () => {
    const published = await review(malaysiaToken, ids.song, 'published');
    assert.equal(published.status, 200);
    assert.equal(published.body.status, 'published');
    assert.ok(Date.now() - Date.parse(published.body.publishedAt) < 60_000);
    const again = await review(malaysiaToken, ids.song, 'published');
    assert.equal(again.body.publishedAt, published.body.publishedAt, 'publishing twice keeps the first date');
    assert.equal((await review(malaysiaToken, ids.other, 'rejected')).body.status, 'rejected');
    assert.equal((await review(malaysiaToken, ids.text, 'published')).status, 200);

    await server.close();
    server = await startTestServer(options);
    const { body } = await list(malaysiaToken, '?status=published');
    assert.deepEqual(
      body.items.map((c: { id: string; publishedAt: string }) => [c.id, c.publishedAt]),
      [
        [ids.song, published.body.publishedAt],
        [ids.text, body.items[1].publishedAt],
      ],
    );
    const rejected = await list(malaysiaToken, '?status=rejected');
    assert.deepEqual(
      rejected.body.items.map((c: { id: string }) => c.id),
      [ids.other],
    );
  });

  it('exports a call’s published files, byte for byte, with their credits', async () => {
    const res = await server.call('GET', '/organiser/calls/puisi-voices/export', bearer(malaysiaToken));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/zip');
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="puisi-voices-published\.zip"$/);
    const bytes = res.body as Uint8Array;
    assert.equal(Number(res.headers.get('content-length')), bytes.length);
    const files = unzipSync(bytes);
    const name = `aisyah-r-puisi-untuk-ibu-${ids.song.slice(0, 8)}.ogg`;
    assert.deepEqual(Object.keys(files).sort(), [name, 'credits.csv', 'credits.json']);
    assert.deepEqual(files[name], song);
    const credits = JSON.parse(strFromU8(files['credits.json']));
    assert.deepEqual(credits, [
      {
        file: name,
        creditName: 'Aisyah R.',
        title: 'Puisi untuk ibu',
        license: 'CC BY-SA 4.0',
        basedOn: [],
        contributionId: ids.song,
        language: 'ms',
        kind: 'audio',
        publishedAt: credits[0].publishedAt,
      },
    ]);
    assert.doesNotMatch(strFromU8(files['credits.csv']), /Farid/, 'a rejected contribution stays out');
  });

  it('hands out a call’s export as a signed link that downloads without the token', async () => {
    const { body } = await list(malaysiaToken, '?call=puisi-voices');
    const link = new URL(body.export);
    assert.equal(link.pathname, '/v1/organiser/calls/puisi-voices/export');
    const path = `${link.pathname.replace(/^\/v1/, '')}${link.search}`;
    const res = await server.call('GET', path);
    assert.equal(res.status, 200);
    assert.ok(Object.keys(unzipSync(res.body)).includes('credits.csv'));
    assert.equal((await list(malaysiaToken)).body.export, undefined, 'only for one call');

    const otherCall = await server.call('GET', `/organiser/calls/astronaut-one-liner/export${link.search}`);
    assert.equal(otherCall.status, 401, 'a link for one call opens no other');
    link.searchParams.set('expires', String(Number(link.searchParams.get('expires')) + 600));
    assert.equal((await server.call('GET', `${link.pathname.replace(/^\/v1/, '')}${link.search}`)).status, 401);
  });

  it('lets a page on an allowed origin send the token and PATCH', async () => {
    const res = await fetch(`${server.api}/organiser/contributions/${ids.text}`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    assert.ok(res.status === 204 || res.status === 200, String(res.status));
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /PATCH/);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Authorization/i);
  });
});
