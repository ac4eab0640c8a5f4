// `npm run test:stories` (after `npm run build-storybook`): opens every story and every docs
// page of the static Storybook in Chromium, in front of the real reference backend, waits for
// its play function, and fails on any console error, uncaught exception, failed request or
// HTTP error that the story does not show on purpose.
import { createServer, request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { startServer } from '../../demo/server/app.js';
import { launchChromium } from '../harness/chromium.js';

const root = resolve(import.meta.dirname, '../../storybook-static');
const dataDir = mkdtempSync(join(tmpdir(), 'oc-stories-'));
const backend = await startServer({ port: 0, dataDir });
const backendPort = Number(new URL(backend.url).port);

/** Errors a story shows on purpose, by story id. */
const shownOnPurpose: Record<string, RegExp[]> = {
  // The upload endpoint does not exist: the refusal is the story.
  'elements-contribution-uploader--failed': [/\b404\b/],
};

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

// The static Storybook, with /v1, /media and /terms passed to the backend as the dev server's
// proxy does (the Host header kept, so that tus upload URLs point back here).
const site = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/favicon.ico') return void res.writeHead(204).end();
  if (/^\/(v1|media|terms)(\/|$)/.test(path)) {
    const upstream = request(
      { host: '127.0.0.1', port: backendPort, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
    return;
  }
  const file = normalize(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)));
  if (!file.startsWith(root)) return void res.writeHead(403).end();
  try {
    const body = readFileSync(file);
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(site.address() as { port: number }).port}`;

interface Entry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}
const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')) as { entries: Record<string, Entry> };
const entries = Object.values(index.entries);

const browser = await launchChromium();
const problems: string[] = [];
let stories = 0;
let docs = 0;
try {
  for (const entry of entries) {
    const page = await browser.newPage();
    const seen: string[] = [];
    const allowed = shownOnPurpose[entry.id] ?? [];
    const note = (what: string) => {
      if (!allowed.some((pattern) => pattern.test(what))) seen.push(what);
    };
    page.on('console', (m) => m.type() === 'error' && note(`console: ${m.text()}`));
    page.on('pageerror', (e) => note(`uncaught: ${(e as Error).message}`));
    page.on('requestfailed', (r) => {
      // A request the page itself stopped (pausing an upload aborts its PATCH) is not a failure.
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') note(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
    page.on('response', (r) => r.status() >= 400 && note(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`));

    await page.goto(`${origin}/iframe.html?id=${entry.id}&viewMode=${entry.type}`, { waitUntil: 'load' });
    if (entry.type === 'story') {
      stories++;
      // The story has rendered and its play function has run (or failed).
      const phase = await page
        .waitForFunction(
          () => {
            const preview = (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__;
            const phase = preview?.currentRender?.phase ?? '';
            return ['completed', 'finished', 'errored', 'aborted'].includes(phase) ? phase : '';
          },
          { timeout: 30_000 },
        )
        .then(async (handle) => String(await handle.jsonValue()))
        .catch(() => 'timed out');
      if (phase !== 'completed' && phase !== 'finished') seen.push(`did not finish: ${phase}`);
      const shown = await page.evaluate(() => document.querySelector('#storybook-root')?.children.length ?? 0);
      if (!shown) seen.push('rendered nothing');
    } else {
      docs++;
      await page.waitForSelector('.sbdocs-content', { timeout: 30_000 }).catch(() => seen.push('no docs content'));
    }
    // Late errors: a widget's data or a lazily loaded chunk arriving after the render.
    await page.waitForNetworkIdle({ idleTime: 300, timeout: 15_000 }).catch(() => undefined);
    const errorShown = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'));
    if (errorShown) seen.push('Storybook shows an error');
    for (const problem of seen) problems.push(`${entry.id}: ${problem}`);
    console.log(`  ${seen.length ? 'FAIL' : 'ok  '}  ${entry.type.padEnd(5)} ${entry.title} / ${entry.name}`);
    await page.close();
  }
} finally {
  await browser.close();
  site.close();
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\n${stories} stories and ${docs} docs pages opened in Chromium`);
if (problems.length) {
  console.error(`\nProblems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('no console error, no failed request, every play function finished');
