// `npm run test:stories` (after `npm run build-storybook`): opens the static Storybook in
// Chromium twice.
// 1. As a team publishes it: served by a plain static file server in a sub-path of a site, no
//    backend, on a machine with no camera or microphone. Every docs page and every story that only reads (not tagged
//    `needs-backend`) must show without a 404 or any failed request, and say nothing of a 404
//    or of a missing microphone.
// 2. In front of the real reference backend (its /v1 and /terms passed through, as the dev
//    server's proxy does): the stories tagged `needs-backend`, which send files by tus and
//    contributions.
// Each story must render and finish its play function with no console error, uncaught
// exception, failed request or HTTP error that the story does not show on purpose.
import { createServer, request, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { startServer } from '../../demo/server/app.js';
import { launchChromium } from '../harness/chromium.js';

const root = resolve(import.meta.dirname, '../../storybook-static');

/** Errors a story shows on purpose, by story id. */
const shownOnPurpose: Record<string, RegExp[]> = {
  // The upload endpoint does not exist: the refusal is the story.
  'elements-contribution-uploader--failed': [/\b404\b/],
};

/** What a story must still show once everything has settled (looked for through shadow roots). */
const stillShown: Record<string, string[]> = {
  // Held part way: uploading, not "Uploaded".
  'elements-contribution-uploader--uploading': ['contribution-uploader', '.file.uploading'],
};

/** Words no story may show where it is hosted. */
const neverSaid = [/\b404\b/, /not found/i, /No (microphone|camera) was found/];

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The static Storybook under `base` (a team may publish it in a sub-path of its site); with
 * `backendPort`, /v1 and /terms passed to the backend as the dev server's proxy does (the
 * backend's public URL is this site, so that tus upload URLs point back here).
 */
async function serve(base: string, backendPort?: () => number): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const full = new URL(req.url ?? '/', 'http://x').pathname;
    // The browser asks the site's root for its icon, whatever the sub-path.
    if (full === '/favicon.ico') return void res.writeHead(204).end();
    if (!full.startsWith(base)) return void res.writeHead(404).end();
    const path = full.slice(base.length - 1);
    if (backendPort && /^\/(v1|terms)(\/|$)/.test(path)) {
      const upstream = request(
        { host: '127.0.0.1', port: backendPort(), path: req.url, method: req.method, headers: req.headers },
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
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}${base.slice(0, -1)}`, server };
}

interface Entry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
  tags?: string[];
}
const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')) as { entries: Record<string, Entry> };
const entries = Object.values(index.entries);
const needsBackend = (entry: Entry) => entry.type === 'story' && (entry.tags ?? []).includes('needs-backend');

const problems: string[] = [];
const counts = { static: 0, backend: 0 };

/** Opens each entry in its own page and notes what is wrong with it. */
async function open(browser: Browser, origin: string, list: Entry[], hosted: boolean): Promise<void> {
  for (const entry of list) {
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
      await page.waitForSelector('.sbdocs-content', { timeout: 30_000 }).catch(() => seen.push('no docs content'));
    }
    // Late errors: a widget's data or a lazily loaded chunk arriving after the render.
    await page.waitForNetworkIdle({ idleTime: 300, timeout: 15_000 }).catch(() => undefined);
    const errorShown = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'));
    if (errorShown) seen.push('Storybook shows an error');
    // What a visitor reads, through every shadow root.
    const text = await page.evaluate(() => {
      const words: string[] = [];
      const stack: Node[] = [document.querySelector('#storybook-root, #storybook-docs') ?? document.body];
      while (stack.length) {
        const node = stack.pop()!;
        if (node.nodeType === Node.TEXT_NODE) words.push(node.textContent ?? '');
        if ((node as Element).shadowRoot) stack.push((node as Element).shadowRoot!);
        stack.push(...node.childNodes);
      }
      return words.join(' ').replace(/\s+/g, ' ');
    });
    if (hosted) for (const pattern of neverSaid) if (pattern.test(text)) seen.push(`says ${pattern}`);
    const expected = stillShown[entry.id];
    if (expected) {
      const found = await page.evaluate((path) => {
        let scope: Document | ShadowRoot | null = document;
        for (const [i, selector] of path.entries()) {
          const el: Element | null = scope?.querySelector(selector) ?? null;
          if (!el) return false;
          if (i === path.length - 1) return true;
          scope = el.shadowRoot;
        }
        return false;
      }, expected);
      if (!found) seen.push(`no longer shows ${expected.join(' ')}`);
    }
    for (const problem of seen) problems.push(`${hosted ? 'hosted' : 'with backend'}: ${entry.id}: ${problem}`);
    console.log(`  ${seen.length ? 'FAIL' : 'ok  '}  ${entry.type.padEnd(5)} ${entry.title} / ${entry.name}`);
    counts[hosted ? 'static' : 'backend']++;
    await page.close();
  }
}

// 1. As hosted: static files only, in a sub-path, no camera or microphone on the machine.
{
  const { origin, server } = await serve('/team/storybook/');
  const browser = await launchChromium({ fakeMedia: false });
  console.log('As hosted: static files in a sub-path, no backend, no camera or microphone');
  try {
    await open(
      browser,
      origin,
      entries.filter((e) => !needsBackend(e)),
      true,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

// 2. The stories that send, in front of the reference backend.
{
  const dataDir = mkdtempSync(join(tmpdir(), 'oc-stories-'));
  let backendPort = 0;
  const { origin, server } = await serve('/', () => backendPort);
  // As an operator would: the backend is told that the site in front of it is its public address.
  const backend = await startServer({ port: 0, dataDir, publicUrl: origin });
  backendPort = Number(new URL(backend.listenUrl).port);
  const browser = await launchChromium();
  console.log('\nWith the reference backend: the stories that send files or contributions');
  try {
    await open(browser, origin, entries.filter(needsBackend), false);
  } finally {
    await browser.close();
    server.close();
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `\n${counts.static} stories and docs pages opened as hosted (no backend), ${counts.backend} stories with the backend`,
);
if (problems.length) {
  console.error(`\nProblems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('no 404, no console error, no failed request, every play function finished');
