// `npm run test:cdn` (after smoke.ts; dist/cdn built): what a blogger pastes, on a blog of its own
// origin, in Chromium (and Firefox with `--engine firefox`), against the reference backend (another origin, serving the built bundle to
// its embed page):
// - the oEmbed iframe on a page whose CSP forbids every script (`script-src 'none'`), a call
//   answered inside the frame;
// - the frame's height messages (WordPress's format) and the host script resizing the frame;
// - each playground snippet (script, iframe, link) pasted into a fresh page, the CDN address
//   rewritten to this build, the script's integrity checked by the browser itself;
// - a tag whose script never arrives: its words and link; a backend that refuses the blog's origin.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { startServer } from '../../demo/server/app.js';
import { cdnScript, iframeSnippet, scriptSnippet, type Release } from '../../demo/snippets.js';
import { engine, launchBrowser } from './engine.js';

const root = resolve(import.meta.dirname, '../../dist/cdn');
const release = JSON.parse(readFileSync(join(root, 'release.json'), 'utf8')) as Release;
const problems: string[] = [];
const token = 'cdn-check-embed-token-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'oc-cdn-embed-'));
const backend = await startServer({ port: 0, dataDir, organiserToken: token });
const callPage = `${backend.url}/calls/astronaut-one-liner`;
// A backend that lets one other site use it, not this blog.
const refusingDir = mkdtempSync(join(tmpdir(), 'oc-cdn-refusing-'));
const refusing = await startServer({ port: 0, dataDir: refusingDir, origins: ['https://only-this-site.example'] });
const oembed = (await (await fetch(`${backend.url}/oembed?format=json&url=${encodeURIComponent(callPage)}`)).json()) as {
  html: string;
};

// The SRI in the snippets is the built file's own.
const integrity = `sha384-${createHash('sha384')
  .update(readFileSync(join(root, 'open-call.js')))
  .digest('base64')}`;
if (release.integrity !== integrity) problems.push(`release.json says ${release.integrity}, the file is ${integrity}`);

const script = scriptSnippet({
  release,
  attributes: [
    ['api', backend.api],
    ['call', 'astronaut-one-liner'],
  ],
  fallbackUrl: callPage,
});
const iframe = iframeSnippet({ base: backend.url, api: backend.api, call: 'astronaut-one-liner', title: 'Write a one-liner' });
/**
 * The oEmbed answer as WordPress puts it in a post for a provider it discovered (not one of its
 * own list): the iframe with only src, width, height and title kept, sandboxed to scripts alone
 * (an opaque origin: no storage, `Origin: null`), and a secret of its own (wp_filter_oembed_result).
 */
const asWordPressShowsIt = (html: string) => {
  const kept = [...html.matchAll(/ (src|width|height|title)="([^"]*)"/g)].map(([, k, v]) => [k, v]);
  const attributes = Object.fromEntries(kept) as Record<string, string>;
  const secret = 'Wp0Secret9';
  const src = `${attributes.src.split('#')[0]}#?secret=${secret}`;
  return `<iframe sandbox="allow-scripts" security="restricted" src="${src}" data-secret="${secret}" width="${attributes.width}" height="${attributes.height}" title="${attributes.title}"></iframe>`;
};

/** The local build in the CDN's place: the pasted text, with only the CDN address changed. */
const localCdn = (snippet: string, origin: string) => snippet.replace(cdnScript(release.version), `${origin}/cdn/open-call.js`);

/** Each page of the blog: its CSP (none when absent) and its body. */
const pages: Record<string, { csp?: string; body: (origin: string) => string }> = {
  '/no-scripts': { csp: "script-src 'none'", body: () => oembed.html },
  '/resizing': {
    csp: "script-src 'self'",
    body: (origin) => `${iframe}\n<script src="${origin}/cdn/embed.js"></script>`,
  },
  '/wordpress': {
    csp: "script-src 'self'",
    body: (origin) => `${asWordPressShowsIt(oembed.html)}\n<script src="${origin}/cdn/embed.js"></script>`,
  },
  '/pasted-script': { body: (origin) => localCdn(script, origin) },
  '/pasted-iframe': { csp: "script-src 'none'", body: () => iframe },
  '/tampered-script': {
    body: (origin) => localCdn(script.replace(/integrity="sha384-[^"]+"/, `integrity="sha384-${'A'.repeat(64)}"`), origin),
  },
  '/refused': {
    body: (origin) => `<script type="module" src="${origin}/cdn/open-call.js"></script>
      <call-for-contributions api="${refusing.api}" campaign="this-is-malaysia"></call-for-contributions>`,
  },
  '/script-missing': { body: (origin) => script.replace(cdnScript(release.version), `${origin}/cdn/not-there.js`) },
};

const site = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const page = pages[path];
  const origin = `http://${req.headers.host}`;
  if (path === '/favicon.ico') return void res.writeHead(204).end();
  if (page) {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      ...(page.csp ? { 'Content-Security-Policy': page.csp } : {}),
    });
    res.end(`<!doctype html><html lang="en"><title>Blog</title><body><h1>My post</h1>\n${page.body(origin)}\n</body></html>`);
    return;
  }
  const file = /^\/cdn\/([\w.-]+\.js)$/.exec(path)?.[1];
  try {
    const body = readFileSync(join(root, file ?? '-'));
    // A CDN answers CORS, which a module script with integrity (crossorigin) needs.
    res.writeHead(200, { 'Content-Type': 'text/javascript', 'Access-Control-Allow-Origin': '*' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(site.address() as { port: number }).port}`;

const browser = await launchBrowser();
/**
 * A fresh page whose console errors and uncaught exceptions count as problems, except the
 * `expected` ones: what the browser itself reports of a refused script or request (Chromium says
 * it in the console; Firefox as a page error).
 */
async function open(path: string, expected: RegExp[] = []): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 900, height: 800 });
  const unexpected = (text: string) => !expected.some((e) => e.test(text));
  page.on('console', (m) => {
    if (m.type() === 'error' && unexpected(m.text())) problems.push(`${path}: console: ${m.text()}`);
  });
  page.on('pageerror', (e) => unexpected((e as Error).message) && problems.push(`${path}: uncaught: ${(e as Error).message}`));
  await page.goto(origin + path, { waitUntil: 'networkidle0' });
  return page;
}

const embedFrame = (page: Page): Frame | undefined => page.frames().find((f) => f.url().startsWith(`${backend.url}/embed?`));

/** The call's title inside `frame` (the widget rendered), or undefined within the time. */
const titleIn = (frame: Frame) =>
  frame
    .waitForFunction(() => document.querySelector('call-for-contributions')?.shadowRoot?.querySelector('.title')?.textContent, {
      timeout: 15_000,
    })
    .then((h) => h.jsonValue() as Promise<string>)
    .catch(() => undefined);

/** Opens the answer form in `frame`, types a line, a credit name and consent, sends; the thanks, or throws. */
async function answer(frame: Frame, line: string): Promise<string> {
  // As a string: tsx would name the inner functions with a helper the page does not have.
  return (await frame.evaluate(`(async (text) => {
    const list = document.querySelector('call-for-contributions').shadowRoot;
    list.querySelector('.contribute').click();
    async function until(find) {
      for (let i = 0; i < 200; i++) {
        const found = find();
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('not found: ' + find.toString());
    }
    const form = await until(() => list.querySelector('contribution-uploader')?.shadowRoot?.querySelector('form'));
    function type(selector, value) {
      const input = form.querySelector(selector);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    type('#text', text);
    type('#creditName', 'Aisyah');
    form.querySelector('#consent').click();
    await new Promise((r) => setTimeout(r));
    form.querySelector('.submit').click();
    const shadow = list.querySelector('contribution-uploader').shadowRoot;
    return (await until(() => shadow.querySelector('.thanks'))).textContent;
  })(${JSON.stringify(line)})`)) as string;
}

/** Whether the backend received a contribution with this line, credited to Aisyah. */
async function received(line: string): Promise<boolean> {
  const answer = await fetch(`${backend.api}/organiser/contributions?call=astronaut-one-liner`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const { items } = (await answer.json()) as { items: Array<{ text?: string; creditName: string }> };
  return items.some((c) => c.text === line && c.creditName === 'Aisyah');
}

try {
  // 1. A blog that forbids scripts: the oEmbed iframe, a call answered inside it.
  {
    const page = await open('/no-scripts');
    const frame = embedFrame(page);
    if (!frame) problems.push('/no-scripts: no embed frame');
    else {
      const title = await titleIn(frame);
      if (title !== 'Write a one-liner for the thinking astronaut') problems.push(`/no-scripts: the frame shows ${title}`);
      const line = `Stars are just far-away streetlights (${Date.now()})`;
      const sent = await answer(frame, line).catch((e: Error) => `failed: ${e.message}`);
      if (sent.startsWith('failed')) problems.push(`/no-scripts: ${sent}`);
      if (!sent) problems.push('/no-scripts: no thanks after sending');
      if (!(await received(line))) problems.push('/no-scripts: the backend did not receive the line');
      // Without a host script the frame keeps its size, and scrolls inside.
      const height = await page.evaluate(() => document.querySelector('iframe')?.getAttribute('height'));
      const scrolls = await frame.evaluate(() => document.documentElement.scrollHeight > innerHeight);
      if (height !== '640' || !scrolls)
        problems.push(`/no-scripts: expected a 640 px frame scrolling inside, saw ${height}, ${scrolls}`);
    }
    await page.close();
  }

  // 1b. The same call from a post where WordPress embedded the link it was given (a sandboxed frame).
  {
    const page = await open('/wordpress');
    const frame = embedFrame(page);
    const title = frame && (await titleIn(frame));
    if (title !== 'Write a one-liner for the thinking astronaut') problems.push(`/wordpress: the sandboxed frame shows ${title}`);
    if (frame) {
      const line = `Sent from a sandboxed frame (${Date.now()})`;
      const thanks = await answer(frame, line).catch((e: Error) => `failed: ${e.message}`);
      if (thanks.startsWith('failed')) problems.push(`/wordpress: ${thanks}`);
      if (!thanks) problems.push('/wordpress: no thanks after sending');
      if (!(await received(line))) problems.push('/wordpress: the backend did not receive the line');
      await page
        .waitForFunction(() => Number(document.querySelector('iframe')?.getAttribute('height')) > 700, { timeout: 10_000 })
        .catch(() => problems.push('/wordpress: the sandboxed frame was not resized'));
    }
    await page.close();
  }

  // 2. The host script: height messages in WordPress's format resize the frame, and follow it.
  {
    const page = await browser.newPage();
    await page.setViewport({ width: 900, height: 800 });
    page.on('pageerror', (e) => problems.push(`/resizing: uncaught: ${(e as Error).message}`));
    await page.evaluateOnNewDocument(() => {
      const seen: unknown[] = [];
      (window as unknown as { heights: unknown[] }).heights = seen;
      addEventListener('message', (e) => seen.push(e.data));
    });
    await page.goto(`${origin}/resizing`, { waitUntil: 'networkidle0' });
    const frame = embedFrame(page);
    if (!frame) problems.push('/resizing: no embed frame');
    else {
      await titleIn(frame);
      const content = () => frame.evaluate(() => Math.ceil(document.querySelector('main')?.getBoundingClientRect().height ?? 0));
      const attribute = () => page.evaluate(() => Number(document.querySelector('iframe')?.getAttribute('height')));
      await page
        .waitForFunction(() => Number(document.querySelector('iframe')?.getAttribute('height')) !== 640, { timeout: 10_000 })
        .catch(() => undefined);
      const first = { frame: await attribute(), content: await content() };
      if (Math.abs(first.frame - Math.max(150, first.content)) > 1)
        problems.push(`/resizing: frame ${first.frame} px for ${first.content} px of content`);
      const secret = await page.evaluate(() => document.querySelector('iframe')?.dataset.secret);
      const messages = (await page.evaluate('window.heights')) as Array<Record<string, unknown>>;
      const wellFormed = messages.filter(
        (m) => m.message === 'height' && typeof m.value === 'number' && m.secret === secret && Object.keys(m).length === 3,
      );
      if (!secret || wellFormed.length === 0)
        problems.push(`/resizing: no {message, value, secret} message: ${JSON.stringify(messages)}`);
      // Opening the answer form makes the widget taller: the frame follows.
      await frame.evaluate(() =>
        document.querySelector('call-for-contributions')?.shadowRoot?.querySelector<HTMLButtonElement>('.contribute')?.click(),
      );
      await page
        .waitForFunction(
          (before) => Number(document.querySelector('iframe')?.getAttribute('height')) > before + 100,
          { timeout: 10_000 },
          first.frame,
        )
        .catch(() => problems.push(`/resizing: the frame stayed ${first.frame} px after the form opened`));
      // The answer region opens at once and holds the form's place, then grows to the form's
      // fields when its code has run: the frame follows each step, so read it once both agree
      // and the content holds still.
      const read = async () => ({ frame: await attribute(), content: await content() });
      let after = await read();
      for (let until = Date.now() + 10_000, settled = false; !settled && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 300));
        const now = await read();
        settled = now.content === after.content && Math.abs(now.frame - now.content) <= 1;
        after = now;
      }
      if (Math.abs(after.frame - after.content) > 1)
        problems.push(`/resizing: frame ${after.frame} px for ${after.content} px of content`);
      // A message from another window with the right secret resizes nothing.
      await page.evaluate((s) => window.postMessage({ message: 'height', value: 200, secret: s }, '*'), secret);
      await new Promise((r) => setTimeout(r, 200));
      if ((await attribute()) !== after.frame) problems.push('/resizing: a message from the page itself resized the frame');
      console.log(
        `\nThe embed page in an iframe, in ${engine}: ${first.frame} px for the call, ${after.frame} px with its form open (host script)`,
      );
    }
    await page.close();
  }

  // 3. The playground's snippets, pasted into fresh pages.
  {
    const page = await open('/pasted-script');
    const title = await page
      .waitForFunction(() => document.querySelector('call-for-contributions')?.shadowRoot?.querySelector('.title')?.textContent, {
        timeout: 15_000,
      })
      .then((h) => h.jsonValue())
      .catch(() => undefined);
    if (title !== 'Write a one-liner for the thinking astronaut') problems.push(`/pasted-script: the widget shows ${title}`);
    // The words for a missing script are not shown once the widget works.
    const fallbackShown = await page.evaluate(() =>
      document.body.innerText.includes('Open calls are loading') ? 'shown' : 'hidden',
    );
    if (fallbackShown !== 'hidden') problems.push('/pasted-script: the words for a missing script stayed on the page');
    const pastedIntegrity = await page.evaluate(() => document.querySelector('script[type=module]')?.getAttribute('integrity'));
    if (pastedIntegrity !== integrity) problems.push(`/pasted-script: integrity ${pastedIntegrity}, the file's is ${integrity}`);
    await page.close();
  }
  {
    // A script that is not the published file does not run: the integrity protects the reader.
    const page = await open('/tampered-script', [/integrity/i, /digest/i]);
    const upgraded = await page.evaluate(() => Boolean(document.querySelector('call-for-contributions')?.shadowRoot));
    if (upgraded) problems.push('/tampered-script: a script with the wrong integrity ran');
    await page.close();
  }
  {
    const page = await open('/pasted-iframe');
    const frame = embedFrame(page);
    const title = frame && (await titleIn(frame));
    if (title !== 'Write a one-liner for the thinking astronaut') problems.push(`/pasted-iframe: the frame shows ${title}`);
    await page.close();
  }
  {
    // The bare link: the call's public page, a card for social networks and the widget itself.
    const page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`link: uncaught: ${(e as Error).message}`));
    await page.goto(callPage, { waitUntil: 'networkidle0' });
    const card = await page.evaluate(() => ({
      title: document.querySelector('meta[property="og:title"]')?.getAttribute('content'),
      oembed: document.querySelector('link[type="application/json+oembed"]')?.getAttribute('href'),
    }));
    const frame = embedFrame(page);
    const title = frame && (await titleIn(frame));
    if (card.title !== title || !card.oembed) problems.push(`link: card ${JSON.stringify(card)}, frame ${title}`);
    await page.close();
  }

  // 4. The tag whose script never arrived says so in words, with the way to the calls.
  {
    const page = await open('/script-missing', [/404/, /not-there\.js/]);
    const shown = await page.evaluate(() => ({
      text: document.querySelector('call-for-contributions')?.textContent,
      link: document.querySelector('call-for-contributions a')?.getAttribute('href'),
    }));
    if (!/Open calls are loading… If they do not appear, see them here\./.test(shown.text ?? '') || shown.link !== callPage)
      problems.push(`/script-missing: ${JSON.stringify(shown)}`);
    await page.close();
  }

  // 5. A backend that refuses this site's origin: said in words, and to the site owner in the console.
  {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // Firefox reports the refused request as a page error; Chromium in the console.
    page.on('pageerror', (e) => {
      if (!/^Cross-Origin Request Blocked/.test((e as Error).message))
        problems.push(`/refused: uncaught: ${(e as Error).message}`);
    });
    await page.goto(`${origin}/refused`, { waitUntil: 'networkidle0' });
    const said = await page
      .waitForFunction(
        () => document.querySelector('call-for-contributions')?.shadowRoot?.querySelector('.message')?.textContent,
        {
          timeout: 15_000,
        },
      )
      .then((h) => h.jsonValue())
      .catch(() => undefined);
    if (!/This site is not allowed to show these calls/.test(String(said))) problems.push(`/refused: the widget said ${said}`);
    const told = errors.find((e) => e.startsWith('open-call-widgets:'));
    if (!told?.includes(origin) || !told.includes(new URL(refusing.api).origin))
      problems.push(`/refused: no console line naming ${origin} and ${refusing.api}: ${JSON.stringify(errors)}`);
    await page.close();
  }
} finally {
  await browser.close();
  site.close();
  await backend.close();
  await refusing.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(refusingDir, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`\nThe embeds and snippets have problems in ${engine}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('  a call answered inside the embed on a page with script-src none; the frame scrolls inside at 640 px');
console.log('  and inside the sandboxed frame WordPress makes of a pasted link (allow-scripts only), resized');
console.log("  the host script resizes the frame from WordPress's height messages, and only from its own frame");
console.log(
  `  the script, iframe and link snippets work pasted on another origin; the script's integrity (${integrity.slice(0, 20)}…) holds`,
);
console.log('  a tag whose script never arrived says so, with a link to the call');
console.log("  a backend that refuses the page's origin: said in words, and in the console with the origin and the API");
