// `npm run test:cdn` (after smoke.ts; dist/cdn built): the single script a blogger pastes, as
// built, in WebKit (Safari's engine, which most phone visitors use): WebKitGTK's MiniBrowser
// driven by WebKitWebDriver under Xvfb, in plain W3C WebDriver (puppeteer has no WebKit here).
// On a plain page of its own origin, against the reference backend:
// - the campaign's list shows its calls, with no console error or uncaught error;
// - Contribute fetches the answer form's code only then;
// - a text contribution is sent, and the backend holds its text;
// - a file picked into the form's file input (in its shadow root) goes up by tus, and the
//   backend serves it back byte for byte.
// Every click and key is WebDriver's own, on elements reached through Get Element Shadow Root.
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remote } from 'webdriverio';
import { startServer } from '../../demo/server/app.js';
import { kill, miniBrowserCapabilities, startDriver, startXvfb } from '../harness/webkit-driver.mjs';
import { cdnRoot, gzipped, kb, serveBlog } from './blog.js';

const campaign = 'this-is-malaysia';
const textCall = 'astronaut-one-liner';
const fileCall = 'puisi-voices';
const token = 'cdn-check-webkit-token-0123456789';
const problems: string[] = [];

const dataDir = mkdtempSync(join(tmpdir(), 'oc-cdn-webkit-'));
const backend = await startServer({ port: 0, dataDir, organiserToken: token });
// The visitor's file, on the visitor's disk: what the file dialog would hand the page.
// Its name beyond ASCII, which tus metadata carries in Base64.
const fileName = 'puisi – Kuala Lumpur ✓.ogg';
const picked = join(mkdtempSync(join(tmpdir(), 'oc-cdn-webkit-picked-')), fileName);
const fileBytes = randomBytes(3 * 1024 * 1024 + 17);
writeFileSync(picked, fileBytes);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Runs before the bundle: WebKitWebDriver reports no console messages, so the page keeps its own
 * console errors and warnings, uncaught errors (a script that failed to load among them) and
 * unhandled rejections.
 */
const watcher = `<script>(() => {
  const problems = (window.pageProblems = []);
  const text = (parts) => parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' ');
  // A warning too: on a page with one copy of the script, the widgets warn only of a failure.
  for (const level of ['error', 'warn']) {
    const say = console[level].bind(console);
    console[level] = (...parts) => (problems.push('console.' + level + ': ' + text(parts)), say(...parts));
  }
  addEventListener('error', (e) => problems.push(e.target === window
    ? 'uncaught: ' + (e.error?.message ?? e.message) + ' ' + (e.filename ?? '')
    : 'could not load ' + (e.target.src || e.target.href || e.target.localName)), true);
  addEventListener('unhandledrejection', (e) => problems.push('unhandled rejection: ' + text([e.reason])));
  // What showing the list took: what had loaded when it announced its calls (as smoke.ts counts it).
  document.addEventListener('calls-load', () => {
    window.listScripts ??= performance.getEntriesByType('resource').map((entry) => entry.name);
  });
})()</script>`;
const blog = await serveBlog((path) =>
  path === '/'
    ? `${watcher}
      <script type="module" src="/cdn/open-call.js"></script>
      <call-for-contributions api="${backend.api}" campaign="${campaign}"></call-for-contributions>`
    : undefined,
);

const { xvfb, display } = await startXvfb();
const { driver, port } = await startDriver(display).catch(async (error: unknown) => {
  await kill(xvfb);
  throw error;
});
let browser: WebdriverIO.Browser | undefined;

/** A WebDriver element's id in a Find Element answer, and a shadow root's in Get Element Shadow Root's. */
const elementKey = 'element-6066-11e4-a52e-4f735466cecf';
const shadowKey = 'shadow-6066-11e4-a52e-4f735466cecf';

/** Polls `look` until it gives something, or fails naming `what` after `ms`. */
async function waitFor<T>(what: string, look: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await look();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what} did not appear within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The element at the end of `path`: the first selector in the document, each next one in the
 * shadow root of the element before it (W3C Get Element Shadow Root, Find Element From Shadow
 * Root). Its WebDriver id, or undefined while it is not there.
 */
async function find(...path: string[]): Promise<string | undefined> {
  if (!browser) return undefined;
  let id: string | undefined;
  try {
    for (const selector of path) {
      const found = (
        id === undefined
          ? await browser.findElement('css selector', selector)
          : await browser.findElementFromShadowRoot(
              ((await browser.getElementShadowRoot(id)) as Record<string, string>)[shadowKey]!,
              'css selector',
              selector,
            )
      ) as Record<string, string | undefined>;
      id = found[elementKey];
      if (id === undefined) return undefined;
    }
  } catch {
    // No such element or no shadow root yet.
    return undefined;
  }
  return id;
}

const inList = (...path: string[]) => find('call-for-contributions', ...path);
const inForm = (...path: string[]) => inList('.answer contribution-uploader', ...path);

/** The bundle's files among `urls`. */
const bundleFiles = (urls: string[]) =>
  urls.map((url) => /\/cdn\/([\w.-]+\.js)$/.exec(url)?.[1]).filter((name) => name !== undefined);

/** The bundle's files the page has fetched so far, in order. */
async function fetchedScripts(): Promise<string[]> {
  return bundleFiles(
    (await browser!.execute(() => performance.getEntriesByType('resource').map((entry) => entry.name))) as string[],
  );
}

/** Waits until the page has fetched nothing new for a second; what it fetched by then. */
async function settledScripts(): Promise<string[]> {
  let seen = await fetchedScripts();
  for (let quiet = 0; quiet < 10; quiet++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await fetchedScripts();
    if (now.length !== seen.length) quiet = -1;
    seen = now;
  }
  return seen;
}

/** The organiser's record of the contributions received for `call`. */
async function received(call: string) {
  const answer = await fetch(`${backend.api}/organiser/contributions?call=${call}&status=received`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const { items } = (await answer.json()) as {
    items: { id: string; text?: string; creditName: string; media: { url: string; bytes: number }[] }[];
  };
  return items;
}

/** Clicks, types and ticks the answer form's fields as a visitor does, then presses Send and waits for the thanks. */
async function fillAndSend(values: { text?: string; creditName: string }) {
  const b = browser!;
  if (values.text !== undefined) await b.elementSendKeys(await waitFor('the text field', () => inForm('#text')), values.text);
  await b.elementSendKeys(await waitFor('the credit field', () => inForm('#creditName')), values.creditName);
  await b.elementClick(await waitFor('the consent box', () => inForm('#consent')));
  await b.elementClick(await waitFor('the Send button', () => inForm('.submit')));
  await waitFor('the thanks', () => inForm('.thanks'));
}

/**
 * Whether the bundle's file `name` carries code from `source` (a folder of the repository), as
 * its source map says. The bundler's tiny runtime has no map, and no code of ours or of a package.
 */
const carries = (name: string, source: string) => {
  const map = join(cdnRoot, `${name}.map`);
  if (!existsSync(map)) return false;
  const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
  return sources.some((path) => path.replace(/^(\.\.\/)+/, '').startsWith(source));
};
const formCode = 'src/contribution-uploader/';
const tusCode = 'node_modules/tus-js-client/';
const webkitVersion = (() => {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' });
  } catch {
    return 'of unknown version';
  }
})();
const report: string[] = [];

try {
  browser = await remote({ hostname: '127.0.0.1', port, path: '/', logLevel: 'error', capabilities: miniBrowserCapabilities() });
  await browser.url(`${blog.origin}/`);

  // The list: the campaign's calls, as the backend has them.
  const expected = (
    (await (await fetch(`${backend.api}/calls?campaign=${campaign}`)).json()) as { items: { title: string }[] }
  ).items.map((call) => call.title);
  const titles = await waitFor('the list of calls', async () => {
    const list = await find('call-for-contributions');
    if (!list) return undefined;
    const shown = (await browser!.execute(
      (element) => [...(element.shadowRoot?.querySelectorAll('.title') ?? [])].map((title) => title.textContent ?? ''),
      // webdriverio passes an element reference to the script as the element itself.
      { [elementKey]: list } as unknown as HTMLElement,
    )) as string[];
    return shown.length ? shown : undefined;
  });
  if (JSON.stringify(titles) !== JSON.stringify(expected))
    problems.push(`the list shows ${JSON.stringify(titles)}, the backend has ${JSON.stringify(expected)}`);
  const listScripts = (await browser.execute(() => (window as unknown as { listScripts?: string[] }).listScripts)) as
    string[] | undefined;
  if (!listScripts) problems.push('the list never sent calls-load');
  const listing = bundleFiles(listScripts ?? []);
  const settled = await settledScripts();
  const afterList = settled.filter((name) => !listing.includes(name));
  report.push(
    `  to show a list of calls    ${kb(gzipped(listing)).padStart(8)} gzipped  (${listing.join(' + ')}): ${titles.length} calls`,
  );
  report.push(
    `  + once it shows            ${kb(gzipped(afterList)).padStart(8)} gzipped  (${afterList.join(' + ') || 'nothing'})`,
  );
  const early = settled.filter((name) => carries(name, formCode) || carries(name, tusCode));
  if (early.length) problems.push(`the answer form or tus-js-client came before Contribute: ${early.join(', ')}`);

  // Contribute on the text call: the form's code arrives only now.
  await browser.elementClick(
    await waitFor(`${textCall}'s Contribute button`, () => inList(`[data-call="${textCall}"] .contribute`)),
  );
  await waitFor('the answer form', () => inForm('form'));
  const form = (await settledScripts()).filter((name) => !settled.includes(name));
  if (!form.some((name) => carries(name, formCode)))
    problems.push(`Contribute did not fetch the answer form's code: ${form.join(', ') || 'nothing'}`);
  if (form.some((name) => carries(name, tusCode))) problems.push('tus-js-client came with the form, before any file was chosen');
  report.push(`  + the answer form          ${kb(gzipped(form)).padStart(8)} gzipped  (${form.join(' + ') || 'nothing'})`);

  // A text contribution, typed and sent with WebDriver's keys and clicks.
  const text = 'She is counting the stars she has not named yet';
  await fillAndSend({ text, creditName: 'Aminah (WebKit)' });
  const textReceived = (await received(textCall)).filter((c) => c.text === text && c.creditName === 'Aminah (WebKit)');
  if (textReceived.length !== 1)
    problems.push(
      `the backend holds ${textReceived.length} text contributions with the text typed, not 1: ${JSON.stringify(await received(textCall))}`,
    );
  else report.push(`  a text contribution        received by the backend as typed (${textReceived[0]!.id}: "${text}")`);

  // A file contribution: the file's path sent to the shadow root's file input (WebDriver Element
  // Send Keys), as a pick in the file dialog; tus-js-client arrives with it and uploads it.
  await browser.elementClick(
    await waitFor(`${fileCall}'s Contribute button`, () => inList(`[data-call="${fileCall}"] .contribute`)),
  );
  const beforeFile = await settledScripts();
  await browser.elementSendKeys(await waitFor(`${fileCall}'s file input`, () => inForm('#files')), picked);
  await waitFor('the uploaded file', async () => {
    if (await inForm('.file.failed')) throw new Error('the upload failed');
    return inForm('.file.done');
  });
  const upload = (await fetchedScripts()).filter((name) => !beforeFile.includes(name));
  if (!upload.some((name) => carries(name, tusCode)))
    problems.push(`the first file did not load tus-js-client: ${upload.join(', ') || 'nothing'}`);
  report.push(`  + the first upload         ${kb(gzipped(upload)).padStart(8)} gzipped  (${upload.join(' + ') || 'nothing'})`);
  report.push(`  all it takes to upload     ${kb(gzipped([...settled, ...form, ...upload])).padStart(8)} gzipped`);
  const names = readdirSync(join(dataDir, 'uploads'))
    .filter((f) => f.endsWith('.json'))
    .map(
      (f) =>
        (JSON.parse(readFileSync(join(dataDir, 'uploads', f), 'utf8')) as { metadata: Record<string, string> }).metadata.filename,
    );
  if (!names.includes(fileName)) problems.push(`the server saw the file's name as ${JSON.stringify(names)}, not ${fileName}`);
  await fillAndSend({ creditName: 'Aminah (WebKit)' });
  const fileReceived = (await received(fileCall)).filter((c) => c.creditName === 'Aminah (WebKit)');
  const media = fileReceived[0]?.media[0];
  if (fileReceived.length !== 1 || !media)
    problems.push(`the backend holds ${JSON.stringify(fileReceived)}, not one contribution with a file`);
  else {
    const served = new Uint8Array(await (await fetch(media.url)).arrayBuffer());
    if (sha256(served) !== sha256(fileBytes))
      problems.push(
        `the backend serves ${served.length} bytes (sha256 ${sha256(served)}), not the ${fileBytes.length} picked (sha256 ${sha256(fileBytes)})`,
      );
    else
      report.push(
        `  a file contribution        ${fileBytes.length} bytes through tus, served back identical (sha256 ${sha256(served).slice(0, 16)}…)`,
      );
  }
} catch (error) {
  problems.push((error as Error).message);
} finally {
  // What the page itself saw go wrong, after the last step (or the one that failed).
  const seen = await browser
    ?.execute(() => (window as unknown as { pageProblems?: string[] }).pageProblems)
    .catch(() => undefined);
  problems.push(...(seen ?? ['the page lost its problem watcher, or never had one']));
  await browser?.deleteSession().catch(() => undefined);
  await kill(driver);
  await kill(xvfb);
  await blog.close();
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(join(picked, '..'), { recursive: true, force: true });
}

console.log(`\nThe CDN bundle as a blogger pastes it, on a plain page, in WebKit (WebKitGTK ${webkitVersion}, MiniBrowser):`);
console.log(report.join('\n'));
if (problems.length) {
  console.error(`\nThe CDN bundle has problems in WebKit:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('  no console error or warning, no uncaught error; the form loads on Contribute, tus-js-client on the first file');
console.log(
  '  driven by W3C WebDriver: clicks and keys on elements found through Get Element Shadow Root; the file by Element Send Keys',
);
