// `npm run soak [-- --n 10] [--seed 7] [--uplink 5]` (not part of `npm test`; it builds dist/cdn first): uploads
// of 10–50 MB from the built bundle, in Chromium, through a real nginx (on a free port, with a temp
// config, same origin as the page, client_max_body_size below the default chunk) to the reference
// backend, each with one random fault at a random moment: the tus server killed and restarted
// (nginx answers 502 meanwhile), the connection to it cut, the browser offline, or the page
// reloaded and the file picked again. Prints what completed byte-identical, the bytes sent again
// per upload, the refused bytes, the uploads left on the server, and uncaught errors.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createTcpServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { launchChromium } from '../harness/chromium.js';
import { backendInstance } from '../harness/backend-plugin.mjs';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    uplink: { type: 'string', default: '5' },
  },
});
const attempts = Number(values.n);
if (!Number.isInteger(attempts) || attempts < 1) throw new Error(`--n must be a whole number above 0, not ${values.n}`);
/**
 * The browser's upload speed, MB/s (a visitor's uplink, 40 Mbit/s by default): unthrottled, an
 * upload over loopback can finish between two progress reports, and its fault comes after the
 * last byte instead of at the moment drawn. 0: not throttled.
 */
const uplink = Number(values.uplink);
if (!(uplink >= 0)) throw new Error(`--uplink must be MB/s, 0 or more, not ${values.uplink}`);

const MiB = 1024 * 1024;
/** Below the element's default chunk (40 MiB), as a stricter proxy would be. */
const bodyLimit = 5 * MiB;
const callId = 'project-power-music'; // takes audio/ogg up to 200 MB
const faults = ['restart', 'cut', 'offline', 'reload'] as const;
type Fault = (typeof faults)[number];

// A small seeded generator, so that a run can be repeated.
let state = Number(values.seed) >>> 0 || 1;
const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const between = (low: number, high: number) => low + random() * (high - low);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const work = mkdtempSync(join(tmpdir(), 'oc-soak-'));
// nginx's workers run as another user: they must read the page.
chmodSync(work, 0o755);
const cdn = resolve(import.meta.dirname, '../../dist/cdn');
if (!existsSync(join(cdn, 'open-call.js'))) throw new Error('dist/cdn is missing: run `npm run build:cdn` first');

async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** What to stop at the end, or when the soak itself fails. */
const cleanups: Array<() => unknown> = [];
async function cleanUp(): Promise<void> {
  for (const step of cleanups.splice(0).reverse())
    try {
      await step();
    } catch {
      // Stopped already.
    }
  rmSync(work, { recursive: true, force: true });
}
process.on('uncaughtException', (error) => {
  console.error(error);
  void cleanUp().then(() => process.exit(2));
});
process.on('unhandledRejection', (error) => {
  console.error(error);
  void cleanUp().then(() => process.exit(2));
});

// nginx's address: the page, the bundle and the API on one origin, as on the platform's own site.
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;

// The reference backend, which the soak kills and starts again on the same port and data. Its
// links (the call's upload endpoint) lead through nginx: the uploads must meet the faults.
const backend = backendInstance({ publicUrl: origin });
cleanups.push(() => backend.dispose());
await backend.start();
const backendPort = Number(new URL(backend.api).port);

// Between nginx and the backend: a relay whose connections can be cut.
const open = new Set<Socket>();
const relay = createTcpServer((client) => {
  const upstream = connect(backendPort, '127.0.0.1');
  for (const socket of [client, upstream]) {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => undefined);
  }
  client.pipe(upstream).pipe(client);
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
});
await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
cleanups.push(() => {
  relay.close();
  cutConnections();
});
const relayPort = (relay.address() as { port: number }).port;
const cutConnections = () => {
  for (const socket of open) socket.destroy();
};

// nginx, at that address.
const site = join(work, 'site');
mkdirSync(site);
writeFileSync(
  join(site, 'index.html'),
  `<!doctype html><html lang="en"><title>Soak</title><body>
  <script type="module" src="/cdn/open-call.js"></script>
  <contribution-uploader api="${origin}/v1" call="${callId}"></contribution-uploader></body></html>`,
);
for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(work, dir));
writeFileSync(
  join(work, 'nginx.conf'),
  `worker_processes 1;
daemon off;
pid ${work}/nginx.pid;
error_log ${work}/error.log error;
events { worker_connections 256; }
http {
  log_format soak '$request_method $uri $status $request_length $content_length';
  access_log ${work}/access.log soak;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  types { text/html html; text/javascript js; }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size ${bodyLimit / MiB}m;
    location / { root ${site}; }
    location /cdn/ { alias ${cdn}/; }
    location /v1/ {
      proxy_pass http://127.0.0.1:${relayPort};
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_request_buffering off;
    }
  }
}
`,
);
const nginx: ChildProcess = spawn('nginx', ['-c', join(work, 'nginx.conf'), '-p', work], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
cleanups.push(async () => {
  if (nginx.exitCode !== null) return;
  const exited = new Promise((r) => nginx.once('exit', r));
  nginx.kill('SIGTERM');
  await exited;
});
for (let i = 0; ; i++) {
  if (
    await fetch(`${origin}/index.html`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (nginx.exitCode !== null || i > 100) throw new Error('nginx did not start');
  await sleep(100);
}

const browser = await launchChromium();
cleanups.push(() => browser.close());
const page = await browser.newPage();
if (uplink > 0) await page.emulateNetworkConditions({ upload: uplink * 1e6, download: -1, latency: 0 });
const uncaught: string[] = [];
page.on('pageerror', (error) => uncaught.push(String(error)));
page.on('console', (message) => {
  if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) uncaught.push(message.text());
});

/** The file row's state and percent, from the form's shadow DOM. */
const fileState = (p: Page) =>
  p.evaluate(() => {
    const root = document.querySelector('contribution-uploader')?.shadowRoot;
    const row = root?.querySelector('.file');
    const percent = Number(/(\d+)%/.exec(root?.querySelector('.file-status')?.textContent ?? '')?.[1] ?? 0);
    return { classes: row ? [...row.classList] : [], percent };
  });

async function pick(path: string): Promise<void> {
  await page.waitForFunction(() => document.querySelector('contribution-uploader')?.shadowRoot?.querySelector('#files'), {
    timeout: 20_000,
  });
  const input = await page.evaluateHandle(
    () => document.querySelector('contribution-uploader')!.shadowRoot!.querySelector('#files') as HTMLInputElement,
  );
  await input.uploadFile(path);
}

async function injure(fault: Fault, path: string): Promise<void> {
  if (fault === 'restart') {
    await backend.stop();
    await sleep(between(500, 3000));
    await backend.start();
  } else if (fault === 'cut') {
    cutConnections();
  } else if (fault === 'offline') {
    await page.setOfflineMode(true);
    await sleep(between(500, 3000));
    await page.setOfflineMode(false);
  } else {
    await page.reload();
    await pick(path);
  }
}

/** What the tus store holds: each upload's id, name, length and offset. */
function storedUploads(): Array<{ id: string; name: string; size: number; offset: number }> {
  const dir = join(backend.dataDir, 'uploads');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const info = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
        id: string;
        size: number;
        metadata?: Record<string, string>;
      };
      const bytes = existsSync(join(dir, info.id)) ? readFileSync(join(dir, info.id)).length : 0;
      return { id: info.id, name: info.metadata?.filename ?? '', size: info.size, offset: bytes };
    });
}

/** nginx's log lines for the uploads named, and those it refused. */
/** `bytes`: what nginx read of each request; `claimed`: its Content-Length (a refused body is not read). */
function logged(): Array<{ method: string; id: string; status: number; bytes: number; claimed: number }> {
  return readFileSync(join(work, 'access.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [method = '', uri = '', status = '0', bytes = '0', claimed = '0'] = line.split(' ');
      return {
        method,
        id: uri.split('/').pop() ?? '',
        status: Number(status),
        bytes: Number(bytes),
        claimed: Number(claimed) || 0,
      };
    });
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const results: Array<{
  fault: Fault;
  size: number;
  ok: boolean;
  resent: number;
  refused: number;
  afterDone: boolean;
  why?: string;
}> = [];
const started = Date.now();

for (let n = 0; n < attempts; n++) {
  const size = Math.round(between(10_000_000, 50_000_000));
  const name = `soak-${n}.ogg`;
  const path = join(work, name);
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) bytes.writeUInt32LE(Math.floor(random() * 2 ** 32), Math.min(i, size - 4));
  writeFileSync(path, bytes);
  const fault = faults[Math.floor(random() * faults.length)]!;
  const at = between(10, 80);
  const logStart = existsSync(join(work, 'access.log')) ? logged().length : 0;
  let why: string | undefined;
  /** The fault came after the last byte (a small file raced ahead): a reload then picks a finished file again. */
  let afterDone = false;
  try {
    await page.goto(`${origin}/index.html`);
    await pick(path);
    // The fault, once the upload has passed a random point (or right away if it raced ahead).
    const deadline = Date.now() + 60_000;
    while ((await fileState(page)).percent < at && !(await fileState(page)).classes.includes('done') && Date.now() < deadline)
      await sleep(20);
    afterDone = (await fileState(page)).classes.includes('done');
    await injure(fault, path);
    const end = Date.now() + 180_000;
    for (;;) {
      const { classes } = await fileState(page);
      if (classes.includes('done')) break;
      if (classes.includes('failed')) throw new Error('the upload failed');
      if (Date.now() > end) throw new Error('the upload did not finish in 3 minutes');
      await sleep(100);
    }
  } catch (error) {
    why = String(error);
  }
  const mine = storedUploads().filter((u) => u.name === name);
  const complete = mine.find((u) => u.offset === u.size && u.size === size);
  const ok = !why && !!complete && sha(readFileSync(join(backend.dataDir, 'uploads', complete.id))) === sha(bytes);
  const ids = new Set(mine.map((u) => u.id));
  const lines = logged().slice(logStart);
  // nginx logs request lengths, headers included: a PATCH that was answered carried its whole
  // body (its Content-Length); one cut short carried what it read less the headers, whose size
  // the answered ones of this upload show.
  const patched = lines.filter((l) => l.method === 'PATCH' && ids.has(l.id));
  const answered = patched.filter((l) => l.status === 204);
  const headers = Math.max(0, ...answered.map((l) => l.bytes - l.claimed));
  const sent = patched.reduce((sum, l) => sum + (l.status === 204 ? l.claimed : Math.max(0, l.bytes - headers)), 0);
  // Refused bodies, as large as the browser said they were (nginx does not read them).
  const refused = lines.filter((l) => l.status === 413).reduce((sum, l) => sum + l.claimed, 0);
  // Over one chunk (4 MiB behind this nginx) or failed: the upload's requests, to see why.
  const requests = lines
    .filter((l) => ids.has(l.id) || l.method === 'POST')
    .map((l) => `${l.method} ${l.status}${l.method === 'PATCH' ? ` ${(l.bytes / MiB).toFixed(2)}` : ''}`)
    .join(', ');
  results.push({
    fault,
    size,
    ok,
    resent: Math.max(0, sent - size),
    refused,
    afterDone,
    why: why ?? (ok ? undefined : 'not byte-identical'),
  });
  rmSync(path);
  const last = results.at(-1)!;
  console.log(
    `${String(n + 1).padStart(3)} ${fault.padEnd(7)} ${(size / 1e6).toFixed(1).padStart(5)} MB  ${ok ? 'ok' : `FAILED (${last.why})`}  re-sent ${(last.resent / MiB).toFixed(2)} MiB  refused ${(refused / MiB).toFixed(2)} MiB${last.afterDone ? '  (fault after the last byte)' : ''}`,
  );
  if (!ok || last.resent > 4 * MiB) console.log(`      requests (MiB read by nginx): ${requests}`);
}

const names = new Set(results.map((_, n) => `soak-${n}.ogg`));
const completedIds = new Set(
  storedUploads()
    .filter((u) => names.has(u.name) && u.offset === u.size)
    .map((u) => u.id),
);
const orphans = storedUploads().filter((u) => names.has(u.name) && !completedIds.has(u.id));
const resent = results.map((r) => r.resent);
// The largest chunk that passed nginx: what "one chunk" means for the re-sent bytes.
const chunk = Math.max(
  0,
  ...logged()
    .filter((l) => l.method === 'PATCH' && l.status === 204)
    .map((l) => l.claimed),
);
const completed = results.filter((r) => r.ok).length;
console.log(`
soak: ${completed}/${attempts} completed byte-identical (${((Date.now() - started) / 1000).toFixed(0)} s; nginx client_max_body_size ${bodyLimit / MiB} MiB; default chunk 40 MiB; uplink ${uplink > 0 ? `${uplink} MB/s` : 'not throttled'})
  faults:         ${faults.map((f) => `${f} ${results.filter((r) => r.fault === f).length}`).join(', ')} (after the last byte: ${results.filter((r) => r.afterDone).length})
  bytes re-sent:  max ${(Math.max(...resent) / MiB).toFixed(2)} MiB per upload (one chunk: ${(chunk / MiB).toFixed(2)} MiB; over it: ${resent.filter((r) => r > chunk).length}), total ${(resent.reduce((a, b) => a + b, 0) / MiB).toFixed(2)} MiB
  refused bytes:  ${(results.reduce((a, r) => a + r.refused, 0) / MiB).toFixed(2)} MiB (first upload: ${((results[0]?.refused ?? 0) / MiB).toFixed(2)} MiB)
  orphaned:       ${orphans.length} uploads left on the server
  uncaught:       ${uncaught.length} errors${uncaught.length ? `\n    ${uncaught.slice(0, 5).join('\n    ')}` : ''}`);

await cleanUp();
const resentOverChunk = resent.some((r) => r > chunk);
process.exit(completed === attempts && !resentOverChunk && orphans.length === 0 && uncaught.length === 0 ? 0 : 1);
