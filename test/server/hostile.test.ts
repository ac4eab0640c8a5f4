// The hostile-request sweep: thousands of malformed requests across every route, tus included.
// The server must not crash, must answer no 5xx (except 501 for tus extensions it does not
// support), and every error must be a problem document that names no file, path or errno.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { sendRaw, startTestServer, textContribution, tusUpload, type TestServer } from './harness.js';

/** A small deterministic generator, so that a failing sweep can be run again as it was. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] };
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

interface Answer {
  status: number;
  type: string;
  body: string;
}

function send(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString() }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the hostile-request sweep', () => {
  let server: TestServer;
  let port: number;
  let upload: { url: string; secret: string; id: string };
  let sent: { url: string; secret: string; id: string };
  const logged: unknown[] = [];
  const consoleError = console.error;

  before(async () => {
    server = await startTestServer({ limits: { creationsPerMinute: 1_000_000 } });
    port = Number(new URL(server.listenUrl).port);
    const metadata = { callId: 'puisi-voices', filetype: 'audio/ogg' };
    const half = await tusUpload(`${server.api}/uploads/`, new Uint8Array(4000), metadata, { finish: false });
    upload = { ...half, id: half.url.split('/').pop()! };
    const done = await tusUpload(`${server.api}/uploads/`, new Uint8Array(1000), metadata);
    sent = { ...done, id: done.url.split('/').pop()! };
    const contribution = await fetch(`${server.api}/calls/puisi-voices/contributions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(textContribution({ kind: 'audio', text: undefined, language: 'ms', uploads: [done.url] })),
    });
    assert.equal(contribution.status, 201);
    // What the server logs as its own failure is counted: the sweep must cause none.
    console.error = (...args: unknown[]) => void logged.push(args);
  });
  after(async () => {
    console.error = consoleError;
    await server.close();
  });

  it('answers thousands of malformed requests with 4xx problems, never a 5xx or a crash', async () => {
    const r = random(13);
    const segments = () => [
      'puisi-voices',
      'no-such-call',
      '',
      '%',
      '%E0%A4%A',
      '%00',
      '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '..',
      '.',
      '..%2F..%2Fcontributions.jsonl',
      upload.id,
      `${upload.id}.json`,
      sent.id,
      `${sent.id}.json`,
      upload.id.toUpperCase(),
      'x'.repeat(5000),
      '%F0%9F%9A%80',
      '<script>alert(1)</script>',
      "'; DROP TABLE calls; --",
      '\u00e9',
      'a%2Fb',
      '%25',
      'null',
      '__proto__',
      'constructor',
    ];
    const paths = (seg: string) => [
      '/',
      '/v1',
      '/v1/',
      '/v1/calls',
      `/v1/calls/${seg}`,
      `/v1/calls/${seg}/contributions`,
      `/v1/calls/${seg}/contributions/${seg}`,
      '/v1/uploads',
      '/v1/uploads/',
      `/v1/uploads/${seg}`,
      `/v1/uploads/${seg}/${seg}`,
      '/v1/openapi.yaml',
      `/media/${seg}`,
      `/media/${seg}.svg`,
      `/terms/${seg}`,
      '/v1/organiser/contributions',
      `/v1/organiser/contributions/${seg}`,
      `/v1/organiser/calls/${seg}/export`,
      '/v1/contributions',
      `/v1/media/${seg}`,
      `//${seg}`,
      `/v1//calls`,
    ];
    const queries = [
      '',
      '?limit=-1',
      '?limit=1e309',
      '?limit=0x10',
      '?limit=50&limit=51',
      '?cursor=%FF%FE',
      '?cursor=' + 'A'.repeat(3000),
      '?status[]=open',
      '?status=__proto__',
      '?kind=text&kind=audio',
      '?lang=%00',
      '?campaign=%',
      '?call=x&campaign=y&status=published',
      '?=&&&=',
    ];
    const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'LOCK'];
    const bodies = (): Array<Buffer | undefined> => [
      undefined,
      Buffer.from(''),
      Buffer.from('{'),
      Buffer.from('null'),
      Buffer.from('[]'),
      Buffer.from('"text"'),
      Buffer.from('{"kind":"text"}'),
      Buffer.from(JSON.stringify(textContribution())),
      Buffer.from(JSON.stringify(textContribution({ uploads: [sent.url, sent.url] }))),
      Buffer.from(JSON.stringify(textContribution({ kind: 'audio', uploads: [sent.url, upload.url, 'javascript:1'] }))),
      Buffer.from(JSON.stringify(textContribution({ creditName: { toString: 1 }, consent: [], text: 7 }))),
      Buffer.from(JSON.stringify({ __proto__: { admin: true }, constructor: { prototype: 1 } })),
      Buffer.from('['.repeat(20_000) + ']'.repeat(20_000)),
      Buffer.from('{"a":'.repeat(5000) + '1' + '}'.repeat(5000)),
      Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)),
      Buffer.alloc(70 * 1024, 'x'),
    ];
    const metadata = [
      'a',
      'callId',
      'callId !!!',
      `callId ${b64('puisi-voices')}`,
      `callId ${b64('puisi-voices')},filetype ${b64('audio/ogg')}`,
      `callId ${b64('puisi-voices')},filetype ${b64('audio/ogg')},secret ${b64('s'.repeat(20))}`,
      `callId ${b64('puisi-voices')},filetype ${b64('audio/ogg')},secret ${b64('short')}`,
      `callId ${b64('puisi-voices')},filetype ${b64('text/html')},secret ${b64('s'.repeat(20))}`,
      `callId ${b64('thank-you-notes-2025')},filetype ${b64('text/plain')},secret ${b64('s'.repeat(20))}`,
      `callId ${b64('puisi-voices')},callId ${b64('other')}`,
      `secretHash ${b64('forged')},callId ${b64('puisi-voices')},filetype ${b64('audio/ogg')},secret ${b64('s'.repeat(20))}`,
      ',,,,',
      `${'k'.repeat(3000)} ${b64('v')}`,
    ];
    const headerSets = (): Array<Record<string, string>> => [
      {},
      { 'Content-Type': 'application/json' },
      { 'Content-Type': 'application/problem+json' },
      { 'Content-Type': 'text/plain' },
      { 'Content-Type': 'application/json; charset=utf-16' },
      { 'Content-Type': 'multipart/form-data; boundary=x' },
      { 'Tus-Resumable': '1.0.0' },
      { 'Tus-Resumable': '0.2.2' },
      { 'Tus-Resumable': '' },
      { 'Tus-Resumable': '1.0.0', 'Upload-Length': r.pick(['-1', 'abc', '1e3', '9'.repeat(30), '', '0', '10', '50000001']) },
      { 'Tus-Resumable': '1.0.0', 'Upload-Length': '100', 'Upload-Metadata': r.pick(metadata) },
      { 'Tus-Resumable': '1.0.0', 'Upload-Defer-Length': r.pick(['1', '2', '0', '']), 'Upload-Metadata': r.pick(metadata) },
      { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10', 'Upload-Defer-Length': '1' },
      { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10', 'Upload-Concat': r.pick(['partial', 'final;/a /b', 'final;']) },
      {
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': r.pick(['0', '-5', 'x', '4000', '2000', '99999999999999999999']),
        'Content-Type': r.pick(['application/offset+octet-stream', 'text/plain']),
        'Upload-Secret': r.pick([upload.secret, sent.secret, 'wrong-secret-xxxxxx', '']),
      },
      { 'Tus-Resumable': '1.0.0', 'Upload-Secret': r.pick([upload.secret, sent.secret, 'wrong']), 'Upload-Length': '5000' },
      { 'Tus-Resumable': '1.0.0', 'X-HTTP-Method-Override': r.pick(['DELETE', 'PATCH', 'GET', 'BOGUS']) },
      { 'Tus-Resumable': '1.0.0', 'Upload-Checksum': 'sha1 AAAA', 'Upload-Offset': '0' },
      {
        Origin: r.pick(['http://localhost:5173', 'https://evil.example', 'null', '%%']),
        'Access-Control-Request-Method': 'POST',
      },
      { Host: r.pick(['evil.example', 'a b', '[::', 'x/y', '127.0.0.1:99999', 'ü.example', '']) },
      { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'gopher', Forwarded: 'host=evil;proto=https' },
      { 'If-None-Match': r.pick(['*', '"x"', 'W/"', '"' + 'a'.repeat(2000)]) },
      { Range: r.pick(['bytes=0-', 'bytes=-1', 'bytes=5-1', 'bytes=0-99999999999', 'items=1-2']) },
      { Authorization: r.pick(['Bearer ', 'Bearer x', 'Basic Zm9vOmJhcg==', 'Bearer ' + 'a'.repeat(4000)]) },
      { 'Content-Type': 'application/json', 'Content-Encoding': r.pick(['gzip', 'br', 'identity', 'bogus']) },
    ];

    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const outcomes = new Map<number, number>();
    const bad: string[] = [];
    const total = 4000;
    let done = 0;
    const one = async () => {
      const method = r.pick(methods);
      const path = r.pick(paths(r.pick(segments()))) + r.pick(queries);
      const headers = r.pick(headerSets());
      const body = method === 'GET' || method === 'HEAD' ? undefined : r.pick(bodies());
      const what = `${method} ${path.slice(0, 120)} ${JSON.stringify(headers).slice(0, 200)} body=${body?.length ?? '-'}`;
      let answer: Answer;
      try {
        answer = await send(agent, port, method, path, headers, body);
      } catch (error) {
        // A client-side refusal (Node will not send this header) is not the server's answer.
        if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_')) return;
        // The server closing a connection after a refused body is fine; count it.
        outcomes.set(0, (outcomes.get(0) ?? 0) + 1);
        return;
      }
      done++;
      outcomes.set(answer.status, (outcomes.get(answer.status) ?? 0) + 1);
      const tus = path.startsWith('/v1/uploads');
      if (answer.status >= 500 && !(tus && answer.status === 501))
        bad.push(`${answer.status} for ${what}: ${answer.body.slice(0, 200)}`);
      if (answer.status >= 400 && method !== 'HEAD') {
        if (!answer.type.startsWith('application/problem+json')) bad.push(`${answer.status} ${answer.type} for ${what}`);
        else {
          try {
            const problem = JSON.parse(answer.body) as { type?: unknown; status?: unknown };
            if (typeof problem.type !== 'string' || problem.status !== answer.status)
              bad.push(`a malformed problem for ${what}: ${answer.body.slice(0, 200)}`);
          } catch {
            bad.push(`an unreadable problem for ${what}`);
          }
        }
        if (/\/tmp\/|\/work\/|node_modules|ENOENT|EACCES|ENOSPC|errno|\bat .+:\d+:\d+/.test(answer.body))
          bad.push(`a path or errno for ${what}: ${answer.body.slice(0, 200)}`);
      }
    };
    const workers = Array.from({ length: 16 }, async () => {
      while (done + (outcomes.get(0) ?? 0) < total) await one();
    });
    await Promise.all(workers);
    agent.destroy();

    // Requests no HTTP client would send, written to the socket as they are.
    const rawRequests = [
      'GET / HTTP/1.1\r\n\r\n',
      'GET /v1/calls HTTP/1.1\r\nHost: a b\r\n\r\n',
      'GET /v1/calls HTTP/1.1\r\nHost: [::\r\n\r\n',
      'GET /v1/calls\x7f HTTP/1.1\r\nHost: a\r\n\r\n',
      'GET  HTTP/1.1\r\nHost: a\r\n\r\n',
      '\r\n\r\n',
      'HELLO\r\n\r\n',
      'GET / HTTP/9.9\r\nHost: a\r\n\r\n',
      'POST /v1/uploads/ HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      'POST /v1/calls/puisi-voices/contributions HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n',
      'POST /v1/calls/puisi-voices/contributions HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n',
      'PATCH /v1/uploads/' +
        upload.id +
        ' HTTP/1.1\r\nHost: a\r\nTus-Resumable: 1.0.0\r\nUpload-Secret: ' +
        upload.secret +
        '\r\nUpload-Offset: 2000\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: 100\r\n\r\nshort',
      'GET /v1/calls HTTP/1.1\r\nHost: a\r\n' + 'X-Long: ' + 'a'.repeat(20_000) + '\r\n\r\n',
      'GET /v1/calls HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n',
      'GET /%zz HTTP/1.1\r\nHost: a\r\n\r\n',
    ];
    for (const text of rawRequests) {
      const answer = await sendRaw(`http://127.0.0.1:${port}`, text);
      done++;
      outcomes.set(answer.status, (outcomes.get(answer.status) ?? 0) + 1);
      if (answer.status === 0) continue; // closed without an answer (a body cut short)
      if (answer.status >= 500) bad.push(`${answer.status} for raw ${JSON.stringify(text.slice(0, 80))}`);
      if (answer.status >= 400 && !answer.type.startsWith('application/problem+json'))
        bad.push(`${answer.status} ${answer.type} for raw ${JSON.stringify(text.slice(0, 80))}`);
    }

    const summary = [...outcomes.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s || 'closed'}: ${n}`);
    console.log(`# hostile sweep: ${done} answered requests (${summary.join(', ')}); ${logged.length} server errors logged`);
    assert.deepEqual(bad.slice(0, 20), [], `${bad.length} bad answers`);
    assert.deepEqual(logged.slice(0, 5), [], 'the server logged a failure of its own');
    assert.ok(done >= total, `only ${done} requests answered`);

    // Still alive, and what it holds is intact.
    assert.equal((await fetch(`${server.api}/calls`)).status, 200);
    const head = await fetch(upload.url, {
      method: 'HEAD',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Secret': upload.secret },
    });
    assert.equal(head.status, 200);
    assert.equal(await server.store.usedBy(sent.id), (await server.store.list({ limit: 500 })).items.at(-1)?.id);
  });
});
