import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { json, startTestServer, textContribution, tusUpload, type TestServer } from './harness.js';

const token = 'published-test-organiser-token';
const song = new Uint8Array(120_000).map((_, i) => (i * 31) % 251);
const png = new Uint8Array(readFileSync(new URL('fixtures/five-by-three.png', import.meta.url)));
const svg = new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'));

describe('published contributions and their files', () => {
  let server: TestServer;
  const ids: Record<string, string> = {};
  const media = (id: string, n = 0) => `/media/${id}/${n}`;

  const post = async (callId: string, body: unknown) => server.call('POST', `/calls/${callId}/contributions`, json(body));
  const accepted = async (callId: string, body: unknown) => {
    const res = await post(callId, body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  };
  const upload = async (callId: string, bytes: Uint8Array<ArrayBuffer>, filetype: string) =>
    (await tusUpload(`${server.api}/uploads/`, bytes, { callId, filetype })).url;
  const review = async (id: string, status: string) => {
    const res = await server.call('PATCH', `/organiser/contributions/${id}`, {
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status }),
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };
  const audio = (uploads: string[], overrides: Record<string, unknown> = {}) =>
    textContribution({ kind: 'audio', text: undefined, language: 'ms', uploads, ...overrides });
  const image = (uploads: string[], overrides: Record<string, unknown> = {}) =>
    textContribution({ kind: 'image', text: undefined, language: undefined, uploads, ...overrides });

  before(async () => {
    server = await startTestServer({ organiserToken: token });
    ids.song = await accepted(
      'puisi-voices',
      audio([await upload('puisi-voices', song, 'audio/ogg')], { email: 'aisyah@example.org', title: 'Puisi' }),
    );
    ids.photo = await accepted('window-photo', image([await upload('window-photo', png, 'image/png')]));
    ids.drawing = await accepted('window-photo', image([await upload('window-photo', svg, 'image/svg+xml')]));
    ids.rejected = await accepted('puisi-voices', audio([await upload('puisi-voices', song.slice(0, 1000), 'audio/ogg')]));
    ids.waiting = await accepted('astronaut-one-liner', textContribution({ email: 'waiting@example.org' }));
    ids.line = await accepted('astronaut-one-liner', textContribution({ text: 'Bulan pun rindu.' }));
    for (const id of [ids.song, ids.photo, ids.drawing, ids.line]) await review(id, 'published');
    await review(ids.rejected, 'rejected');
  });
  after(() => server.close());

  it('lists only published contributions, newest first, without email, consent or upload URLs', async () => {
    const { status, body } = await server.call('GET', '/contributions');
    assert.equal(status, 200);
    assert.deepEqual(
      body.items.map((c: { id: string }) => c.id),
      [ids.line, ids.drawing, ids.photo, ids.song],
    );
    const text = JSON.stringify(body);
    assert.doesNotMatch(text, /@example\.org|email|consent|\/uploads\//);
    const songView = body.items[3];
    assert.equal(songView.creditName, 'Aisyah R.');
    assert.equal(songView.title, 'Puisi');
    assert.equal(songView.license, 'CC BY-SA 4.0');
    assert.deepEqual(songView.media, [{ url: `${server.api}/media/${ids.song}/0`, type: 'audio/ogg', bytes: 120_000 }]);
    assert.deepEqual(body.items[2].media[0], {
      url: `${server.api}/media/${ids.photo}/0`,
      type: 'image/png',
      bytes: png.length,
      width: 5,
      height: 3,
    });
  });

  it('filters by call and campaign, and pages with a cursor', async () => {
    const byCall = await server.call('GET', '/contributions?call=window-photo');
    assert.deepEqual(
      byCall.body.items.map((c: { id: string }) => c.id),
      [ids.drawing, ids.photo],
    );
    const byCampaign = await server.call('GET', '/contributions?campaign=this-is-malaysia');
    assert.deepEqual(
      byCampaign.body.items.map((c: { id: string }) => c.id),
      [ids.line, ids.song],
    );
    assert.deepEqual((await server.call('GET', '/contributions?campaign=no-such-campaign')).body.items, []);
    const first = await server.call('GET', '/contributions?limit=3');
    assert.equal(first.body.items.length, 3);
    const rest = await server.call('GET', `/contributions?limit=3&cursor=${encodeURIComponent(first.body.next)}`);
    assert.deepEqual(
      rest.body.items.map((c: { id: string }) => c.id),
      [ids.song],
    );
    assert.equal(rest.body.next, null);
  });

  it('refuses a bad limit or cursor (400)', async () => {
    for (const query of ['?limit=0', '?limit=51', '?limit=x', '?cursor=garbage']) {
      const res = await server.call('GET', `/contributions${query}`);
      assert.equal(res.status, 400, query);
    }
  });

  it('carries an ETag and Cache-Control as the calls do, and answers 304 to a matching If-None-Match', async () => {
    const first = await server.call('GET', '/contributions');
    const tag = first.headers.get('etag');
    assert.ok(tag);
    assert.match(first.headers.get('cache-control') ?? '', /max-age=\d+/);
    const again = await server.call('GET', '/contributions', { headers: { 'If-None-Match': tag } });
    assert.equal(again.status, 304);
  });

  it('serves a published file with its type and length, one range at a time, 416 past its end', async () => {
    const whole = await server.call('GET', media(ids.song));
    assert.equal(whole.status, 200);
    assert.equal(whole.headers.get('content-type'), 'audio/ogg');
    assert.equal(whole.headers.get('content-length'), '120000');
    assert.equal(whole.headers.get('accept-ranges'), 'bytes');
    assert.equal(whole.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(whole.body, song);

    const part = await server.call('GET', media(ids.song), { headers: { Range: 'bytes=100000-' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), 'bytes 100000-119999/120000');
    assert.deepEqual(part.body, song.subarray(100_000));

    const past = await server.call('GET', media(ids.song), { headers: { Range: 'bytes=120000-' } });
    assert.equal(past.status, 416);
    assert.equal(past.headers.get('content-range'), 'bytes */120000');

    const head = await fetch(`${server.api}${media(ids.song)}`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), '120000');
  });

  it('never serves an SVG inline', async () => {
    const res = await server.call('GET', media(ids.drawing));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/svg+xml');
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment;/);
    assert.match(res.headers.get('content-security-policy') ?? '', /sandbox/);
  });

  it('never serves a file of a rejected or waiting contribution, nor one that does not exist', async () => {
    for (const path of [media(ids.rejected), media(ids.song, 1), media('no-such-contribution'), `/media/${ids.song}/x`]) {
      const res = await server.call('GET', path);
      assert.equal(res.status, 404, path);
    }
    const { body } = await server.call('GET', '/contributions?call=astronaut-one-liner');
    assert.deepEqual(
      body.items.map((c: { id: string }) => c.id),
      [ids.line],
      'a waiting contribution is not listed',
    );
  });

  it('takes a contribution back out of public view when it is rejected after publishing', async () => {
    const id = await accepted('window-photo', image([await upload('window-photo', png, 'image/png')]));
    await review(id, 'published');
    assert.equal((await server.call('GET', media(id))).status, 200);
    assert.equal((await server.call('GET', '/contributions?call=window-photo')).body.items[0].id, id);
    await review(id, 'rejected');
    assert.equal((await server.call('GET', media(id))).status, 404);
    const { body } = await server.call('GET', '/contributions?call=window-photo');
    assert.ok(!body.items.some((c: { id: string }) => c.id === id));
  });

  it('takes basedOn naming published contributions, and shows it in both views', async () => {
    const id = await accepted('astronaut-one-liner', textContribution({ basedOn: [ids.line, ids.song] }));
    assert.deepEqual((await server.store.get(id))?.basedOn, [ids.line, ids.song]);
    const review = await server.call('GET', '/organiser/contributions?call=astronaut-one-liner', {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.deepEqual(review.body.items[0].basedOn, [ids.line, ids.song]);
    await server.call('PATCH', `/organiser/contributions/${id}`, {
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'published' }),
    });
    const { body } = await server.call('GET', '/contributions?call=astronaut-one-liner');
    assert.deepEqual(body.items[0].basedOn, [ids.line, ids.song]);
    assert.equal(body.items[1].basedOn, undefined, 'absent when it builds on nothing');
  });

  it('refuses basedOn that names an unknown, waiting or rejected contribution, or is not a short list of ids', async () => {
    const refusals: Array<[unknown, string]> = [
      [['no-such-contribution'], 'based-on-unknown'],
      [[ids.waiting], 'based-on-unknown'],
      [[ids.rejected], 'based-on-unknown'],
      [ids.line, 'invalid-field'],
      [[42], 'invalid-field'],
      [[ids.line, ids.line], 'invalid-field'],
      [Array.from({ length: 21 }, (_, i) => `id-${i}`), 'invalid-field'],
    ];
    for (const [basedOn, code] of refusals) {
      const res = await post('astronaut-one-liner', textContribution({ basedOn }));
      assert.equal(res.status, 422, JSON.stringify(basedOn));
      assert.equal(res.body.field, 'basedOn');
      assert.equal(res.body.type, `urn:open-call-widgets:problem:${code}`);
    }
  });
});
