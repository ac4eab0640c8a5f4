import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { json, startTestServer, textContribution, tusUpload, type TestServer } from './harness.js';

const token = 'sweep-organiser-token-for-every-campaign';
const email = 'hidden@example.org';

/** A small seeded generator, so a failing request can be found again from its number. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  return <T>(choices: readonly T[]): T => choices[Math.floor(next() * choices.length)];
}

describe('hostile requests to the organiser, contributions and media routes', () => {
  let server: TestServer;
  const ids: string[] = [];

  before(async () => {
    server = await startTestServer({ organiserToken: token });
    const post = async (callId: string, body: unknown) => {
      const res = await server.call('POST', `/calls/${callId}/contributions`, json(body));
      assert.equal(res.status, 201);
      ids.push(res.body.id);
    };
    await post('astronaut-one-liner', textContribution({ email }));
    const { url } = await tusUpload(`${server.api}/uploads/`, new Uint8Array(5000).fill(3), {
      callId: 'puisi-voices',
      filetype: 'audio/ogg',
    });
    await post('puisi-voices', textContribution({ kind: 'audio', text: undefined, language: 'ms', uploads: [url], email }));
    await fetch(`${server.api}/organiser/contributions/${ids[1]}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{"status":"published"}',
    });
  });
  after(() => server.close());

  it('answers 3000 malformed requests without a 5xx, each refusal a problem, no email without the token', async () => {
    const pick = generator(13);
    const idLike = () =>
      pick([
        ...ids,
        ...ids,
        ...ids,
        'no-such-id',
        '..',
        '%2e%2e',
        '%2F..%2Fetc%2Fpasswd',
        '%ZZ',
        '%',
        '%00',
        '%C0%AF',
        'ü',
        'a'.repeat(3000),
        '<script>',
        `${ids[0]}.json`,
        '',
      ]);
    const paths = [
      () => '/organiser/contributions',
      () => `/organiser/contributions/${idLike()}`,
      () => `/organiser/calls/${pick(['puisi-voices', 'astronaut-one-liner', 'no-such-call', '%ZZ', '..', ''])}/export`,
      () => '/contributions',
      () => `/media/${idLike()}/${pick(['0', '1', '-1', '999', '1e3', 'x', '%30', '00', ''])}`,
    ];
    const queries = [
      '',
      '?limit=0',
      '?limit=-1',
      '?limit=1e9',
      '?limit=99999999999999999999',
      '?limit=',
      '?status=published',
      '?status=<b>',
      '?status=',
      '?cursor=',
      '?cursor=%ZZ',
      '?cursor=MTow',
      `?cursor=${Buffer.from('99999999:x').toString('base64url')}`,
      '?call=%FF',
      '?call=puisi-voices&call=astronaut-one-liner',
      '?campaign=this-is-malaysia&limit=1',
      '?campaign=',
      '?expires=1&signature=x',
      '?expires=99999999999&signature=',
      `?${'x='.repeat(500)}`,
    ];
    // The token is there often, so that most requests reach the routes' own checks.
    const authorizations = [
      `Bearer ${token}`,
      `Bearer ${token}`,
      `Bearer ${token}`,
      undefined,
      'Bearer',
      'Bearer ',
      `Bearer ${token}`,
      `bearer ${token} `,
      `Bearer ${token}x`,
      `Bearer ${'x'.repeat(8000)}`,
      `Basic ${Buffer.from(`a:${token}`).toString('base64')}`,
      `Bearer ${token}, Bearer other`,
      'Bearer ü',
    ];
    const ranges = [
      undefined,
      'bytes=',
      'bytes=-',
      'bytes=0-',
      'bytes=-0',
      'bytes=999999999999999999999-',
      'bytes=5-1',
      'bytes=0-0,2-3',
      'lines=1-2',
      'bytes=4999-',
    ];
    const bodies = [
      undefined,
      '',
      'null',
      '[]',
      '"published"',
      '{"status":"published"}',
      '{"status":"rejected"}',
      '{"status":"received"}',
      '{"status":{"$ne":1}}',
      '{"status":',
      `{"status":"published","pad":"${'x'.repeat(10_000)}"}`,
      '\u0000\u0001',
    ];
    const methods = ['GET', 'GET', 'GET', 'HEAD', 'PATCH', 'PATCH', 'POST', 'PUT', 'DELETE', 'OPTIONS'];

    const outcomes = new Map<number, number>();
    const failures: string[] = [];
    const total = 3000;
    let sent = 0;
    const worker = async () => {
      while (sent < total) {
        const n = sent++;
        const method = pick(methods);
        const path = `${pick(paths)()}${pick(queries)}`;
        const headers: Record<string, string> = {};
        const authorization = pick(authorizations);
        if (authorization !== undefined) headers.Authorization = authorization;
        const range = pick(ranges);
        if (range !== undefined) headers.Range = range;
        if (pick([true, false])) headers['If-None-Match'] = pick(['*', '"x"', 'W/"y", "z"', '']);
        const body = method === 'GET' || method === 'HEAD' ? undefined : pick(bodies);
        if (body !== undefined)
          headers['Content-Type'] = pick(['application/json', 'text/plain', 'application/merge-patch+json', '']);
        const what = `#${n} ${method} ${path.slice(0, 120)} auth=${authorization?.slice(0, 30)} range=${range}`;
        let res: Response;
        try {
          res = await fetch(`${server.api}${path}`, { method, headers, body });
        } catch (error) {
          failures.push(`${what}: no answer (${(error as Error).message})`);
          continue;
        }
        outcomes.set(res.status, (outcomes.get(res.status) ?? 0) + 1);
        const text = method === 'HEAD' ? '' : await res.text();
        const type = res.headers.get('content-type') ?? '';
        if (res.status >= 500) failures.push(`${what}: ${res.status} ${text.slice(0, 200)}`);
        else if (res.status >= 400 && method !== 'HEAD' && !type.startsWith('application/problem+json'))
          failures.push(`${what}: ${res.status} as ${type}`);
        if (text.includes(email) && !(authorization ?? '').toLowerCase().startsWith(`bearer ${token}`))
          failures.push(`${what}: an email without the token`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    console.log(
      `hostile sweep: ${total} requests, outcomes ${[...outcomes]
        .sort(([a], [b]) => a - b)
        .map(([s, c]) => `${s}×${c}`)
        .join(' ')}`,
    );
    assert.deepEqual(failures.slice(0, 20), []);
    // Still serving, and the published file is intact.
    const media = await server.call('GET', `/media/${ids[1]}/0`);
    assert.equal(media.status, 200);
    assert.deepEqual(media.body, new Uint8Array(5000).fill(3));
  });
});
