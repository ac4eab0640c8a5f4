// `npm run test:cdn` (after smoke.ts; dist/cdn built): the gallery as a blogger pastes it, in
// Chromium and in Firefox (`--engine firefox`). A page
// with 24 published photos (real PNGs, uploaded by tus and published through the organiser API)
// and a call's audio and video, under the CDN script. Prints the gallery's own JS on top of the
// list's core and the page's cumulative layout shift, against their budgets, and fails when any
// audio or video byte is fetched before a play.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { startServer } from '../../demo/server/app.js';
import { engine, launchBrowser } from './engine.js';
import { gzipped } from './blog.js';

const root = resolve(import.meta.dirname, '../../dist/cdn');
/** Gzipped bytes of the gallery's own code (and words) on top of the list's script. */
const galleryBudget = 8 * 1024;
const clsBudget = 0;
const photos = 24;

const token = 'cdn-check-organiser-token-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'oc-cdn-gallery-'));
const backend = await startServer({ port: 0, dataDir, organiserToken: token });
const problems: string[] = [];

/** A PNG of one colour, `width` × `height`: what a phone's photo is to the page, at a smaller size. */
function png(width: number, height: number, shade: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, shade)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A finished tus upload of `bytes`; its URL. */
async function upload(callId: string, bytes: Buffer, filename: string, filetype: string): Promise<string> {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  // The upload's own secret, as the widgets make one: only its holder may write or delete it.
  const secret = randomBytes(18).toString('base64url');
  const created = await fetch(`${backend.api}/uploads/`, {
    method: 'POST',
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(bytes.length),
      'Upload-Metadata': `filename ${b64(filename)},filetype ${b64(filetype)},callId ${b64(callId)},secret ${b64(secret)}`,
    },
  });
  const url = new URL(created.headers.get('location') ?? '', `${backend.api}/uploads/`).href;
  if (created.status !== 201)
    throw new Error(`creating the upload of ${filename} answered ${created.status}: ${await created.text()}`);
  const sent = await fetch(url, {
    method: 'PATCH',
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Offset': '0',
      'Upload-Secret': secret,
      'Content-Type': 'application/offset+octet-stream',
    },
    body: new Uint8Array(bytes),
  });
  if (sent.status !== 204) throw new Error(`the upload of ${filename} answered ${sent.status}`);
  return url;
}

/** A contribution with `uploads`, published by an organiser. */
async function publish(callId: string, kind: string, uploads: string[], title: string): Promise<void> {
  const call = (await (await fetch(`${backend.api}/calls/${callId}`)).json()) as { terms: { version: string } };
  const res = await fetch(`${backend.api}/calls/${callId}/contributions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      kind,
      title,
      creditName: 'Bench',
      consent: { termsVersion: call.terms.version, acceptedAt: new Date().toISOString() },
      uploads,
    }),
  });
  const { id } = (await res.json()) as { id: string };
  const review = await fetch(`${backend.api}/organiser/contributions/${id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ status: 'published' }),
  });
  if (!review.ok) throw new Error(`publishing answered ${review.status}`);
}

for (let i = 0; i < photos; i++) {
  // Photos of several shapes: portrait, landscape, square.
  const [w, h] = [
    [320, 240],
    [240, 320],
    [300, 300],
  ][i % 3];
  await publish(
    'window-photo',
    'image',
    [await upload('window-photo', png(w, h, 40 + i * 8), `window-${i}.png`, 'image/png')],
    `Window ${i}`,
  );
}
await publish(
  'puisi-voices',
  'audio',
  [await upload('puisi-voices', Buffer.alloc(40_000, 1), 'puisi.ogg', 'audio/ogg')],
  'Puisi, slowly',
);
await publish(
  'puisi-voices',
  'video',
  [await upload('puisi-voices', Buffer.alloc(60_000, 2), 'puisi.webm', 'video/webm')],
  'Puisi, filmed',
);

const page = (api: string) => `<!doctype html><html lang="en"><title>Blog</title>
<style>
  body { max-width: 60rem; margin: 2rem auto; font: 18px/1.6 Georgia, serif }
  /* As the README advises: the tag keeps a place until the script defines it. */
  contribution-gallery:not(:defined) { display: block; min-height: 100vh }
</style>
<body><h1>What our readers made</h1>
<p>Photos from a window, sent by readers all month. Thank you all.</p>
<script type="module" src="/cdn/open-call.js"></script>
<contribution-gallery api="${api}" call="window-photo" page-size="${photos}"></contribution-gallery>
<h2>Voices</h2>
<contribution-gallery api="${api}" call="puisi-voices"></contribution-gallery>
<p>More next month.</p></body></html>`;

const site = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/favicon.ico') return void res.writeHead(204).end();
  if (path === '/') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(backend.api));
  const file = /^\/cdn\/([\w.-]+\.js)$/.exec(path)?.[1];
  try {
    const body = readFileSync(join(root, file ?? '-'));
    res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(site.address() as { port: number }).port}`;

const browser = await launchBrowser();
try {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1024, height: 768 });
  const scripts: string[] = [];
  const media: string[] = [];
  tab.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  tab.on('pageerror', (e) => problems.push(`uncaught: ${(e as Error).message}`));
  tab.on('request', (r) => {
    const name = /\/cdn\/([\w.-]+\.js)$/.exec(r.url())?.[1];
    if (name) scripts.push(name);
    if (/\/v1\/media\//.test(r.url())) media.push(r.url());
  });
  // Firefox reports no layout shifts: there, the gallery's CLS is Chromium's figure alone.
  await tab.evaluateOnNewDocument(`window.shifts = 0;
    window.measuresShifts = PerformanceObserver.supportedEntryTypes.includes('layout-shift');
    if (window.measuresShifts) new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) {
        window.shifts += e.value;
        (window.shifted ??= []).push(e.value.toFixed(3) + ' ' + e.sources.map((s) => s.node?.nodeName + '.' + (s.node?.className ?? '')).join(','));
      }
    }).observe({ type: 'layout-shift', buffered: true });`);
  await tab.goto(origin, { waitUntil: 'networkidle0' });
  await tab.waitForFunction(
    `document.querySelector('contribution-gallery')?.shadowRoot?.querySelectorAll('article.item').length === ${photos}`,
    { timeout: 15_000 },
  );
  // Down the page as a reader scrolls, so that every lazy image loads.
  for (let y = 0; y < 12; y++) {
    await tab.evaluate(() => window.scrollBy(0, 600));
    await new Promise((r) => setTimeout(r, 150));
  }
  await tab.waitForNetworkIdle({ idleTime: 300 });
  const { shifts, shifted, measuresShifts, images, players } = (await tab.evaluate(`({
    shifts: window.shifts,
    measuresShifts: window.measuresShifts,
    shifted: window.shifted,
    images: [...document.querySelectorAll('contribution-gallery')[0].shadowRoot.querySelectorAll('img')].filter((i) => i.complete && i.naturalWidth > 0).length,
    players: [...document.querySelectorAll('contribution-gallery')[1].shadowRoot.querySelectorAll('audio, video')].map((p) => p.preload),
  })`)) as { shifts: number; shifted?: string[]; measuresShifts: boolean; images: number; players: string[] };
  if (images !== photos) problems.push(`${images} of the ${photos} photos loaded`);
  if (players.length !== 2 || players.some((p) => p !== 'none')) problems.push(`the players are ${JSON.stringify(players)}`);
  const listed = (await (await fetch(`${backend.api}/contributions?call=puisi-voices`)).json()) as {
    items: Array<{ media: Array<{ url: string }> }>;
  };
  const playerFiles = listed.items.flatMap((c) => c.media.map((m) => m.url));
  const played = media.filter((url) => playerFiles.includes(url));
  if (playerFiles.length !== 2) problems.push(`expected 2 player files, the backend lists ${playerFiles.length}`);
  if (played.length) problems.push(`audio or video fetched before a play: ${played.join(', ')}`);
  const own = [...new Set(scripts)].filter((name) => name !== 'open-call.js');
  const bytes = gzipped(own);
  console.log(`\nThe gallery on a blog page, from the CDN script, in ${engine}:`);
  console.log(
    `  the gallery's own JS     ${(bytes / 1024).toFixed(2).padStart(6)} KB gzipped on top of open-call.js (${own.join(' + ')})`,
  );
  console.log(`    budget ${(galleryBudget / 1024).toFixed(2)} KB: ${bytes <= galleryBudget ? 'within it' : 'OVER it'}`);
  console.log(
    measuresShifts
      ? `  layout shift (CLS), ${photos} photos and 2 players, scrolled through: ${shifts.toFixed(2)} (budget ${clsBudget.toFixed(2)})`
      : `  layout shift: ${engine} does not report it (Chromium's run measures it)`,
  );
  console.log(`  audio and video requests before a play: ${played.length}`);
  if (bytes > galleryBudget) problems.push(`the gallery's own JS takes ${bytes} B gzipped, over ${galleryBudget}`);
  if (measuresShifts && Number(shifts.toFixed(2)) > clsBudget)
    problems.push(`the page's layout shifted: CLS ${shifts.toFixed(3)} (${(shifted ?? []).join('; ')})`);
} finally {
  await browser.close();
  site.close();
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`\nThe gallery has problems in ${engine}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
