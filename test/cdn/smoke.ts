// `npm run test:cdn` (part of `npm test`; it builds dist/cdn first): the single script a blogger pastes, as built,
// on a plain page in Chromium, and in Firefox with `--engine firefox`. It must render the calls from the reference backend with no
// console error, fetch the answer form and tus-js-client only when someone presses Contribute,
// and then show the form. Prints the gzipped sizes of what each step downloaded, against budgets.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../demo/server/app.js';
import { cdnRoot as root, gzipped, kb, serveBlog } from './blog.js';
import { engine, launchBrowser } from './engine.js';
import { version } from '../../src/core/version.js';

const fileName = 'puisi – Kuala Lumpur ✓.ogg';

/**
 * Gzipped bytes. The target is issue 5's. The limit, above which this fails, is the bundle's
 * weight while it shrinks toward the target, so that nothing grows it unnoticed.
 */
const sizeBudget = {
  // The list carries every feature issues 15 to 18 asked of it (the palette that follows the
  // page, call translations, ten languages through one lazy index, registerWords, plain-words
  // errors, odd data, the kept place, no long task on a slow phone); `npm run size` shows what
  // each module adds. The limit is what it weighs with them; the target waits for a decision on
  // issue 14.
  list: { target: 15 * 1024, limit: 15.7 * 1024 },
  upload: { target: 40 * 1024, limit: 40 * 1024 },
};
const dataDir = mkdtempSync(join(tmpdir(), 'oc-cdn-'));
const backend = await startServer({ port: 0, dataDir });

const otherVersion = '0.0.9-other';
/** Each page and the copies of the script it includes: once; twice from two places; two versions. */
const pages: Record<string, string[]> = {
  '/': ['cdn'],
  '/twice': ['cdn', 'cdn-copy'],
  '/two-versions': ['cdn', 'cdn-other'],
  '/form-alone': ['cdn'],
  '/partner': ['cdn'],
};
/** What each page shows besides the script. */
const bodies: Record<string, (api: string) => string> = {
  '/partner': (api) =>
    `<open-call-config api="${api}" lang="ms"><call-for-contributions campaign="this-is-malaysia"></call-for-contributions></open-call-config>`,
  '/form-alone': (api) =>
    `<contribution-uploader api="${api}" call="astronaut-one-liner"></contribution-uploader>
     <script>setTimeout(() => document.body.insertAdjacentHTML('beforeend',
       '<contribution-recorder api="${api}" call="puisi-voices" kind="audio"></contribution-recorder>'), 500)</script>`,
};

// A plain static site for the bundle and the pages, on its own origin, like a blog.
const blog = await serveBlog(
  (path) =>
    pages[path] &&
    `${pages[path].map((dir) => `<script type="module" src="/${dir}/open-call.js"></script>`).join('\n')}
      ${bodies[path]?.(backend.api) ?? `<call-for-contributions api="${backend.api}" campaign="this-is-malaysia"></call-for-contributions>`}`,
  // Another release of the library, as a theme might bundle: the same files with another version.
  { 'cdn-copy': (code) => code, 'cdn-other': (code) => code.replaceAll(version, otherVersion) },
);
const origin = blog.origin;

const browser = await launchBrowser();
const problems: string[] = [];
const scripts: string[] = [];

/** A new tab whose console errors and uncaught exceptions count as problems of `path`. */
async function watchedPage(path: string) {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(`${path}: console: ${m.text()} ${m.location().url ?? ''}`));
  page.on('pageerror', (e) => problems.push(`${path}: uncaught: ${(e as Error).message}`));
  return page;
}

try {
  const page = await watchedPage('/');
  page.on('requestfinished', (r) => {
    const name = /\/cdn\/([\w.-]+\.js)$/.exec(r.url())?.[1];
    if (name) scripts.push(name);
  });
  // What showing the list took: the scripts loaded when it announced its calls (it renders them
  // next, with no more code). Anything after that (the descriptions' Markdown, the answer region) is not counted.
  await page.evaluateOnNewDocument(`document.addEventListener('calls-load', () => {
    window.listScripts ??= performance.getEntriesByType('resource').map((e) => e.name);
  })`);
  await page.goto(origin, { waitUntil: 'networkidle0' });
  const titles = await page.evaluate(() =>
    [...(document.querySelector('call-for-contributions')?.shadowRoot?.querySelectorAll('.title') ?? [])].map(
      (t) => t.textContent,
    ),
  );
  if (titles.length !== 2) problems.push(`expected the campaign's 2 calls, saw ${JSON.stringify(titles)}`);
  // A page's own script adds a language or changes words with the script's registerWords (see the README).
  const registerWords = await page.evaluate(`import('/cdn/open-call.js').then((script) => typeof script.registerWords)`);
  if (registerWords !== 'function') problems.push(`the script exports registerWords as ${String(registerWords)}, not a function`);
  // Which download holds tus-js-client: the one that carries its protocol header.
  const hasTus = (name: string) => readFileSync(join(root, name), 'utf8').includes('Tus-Resumable');
  const loadedForList = (await page.evaluate('window.listScripts')) as string[] | undefined;
  if (!loadedForList) problems.push('the list never sent calls-load');
  const listing = scripts.filter((name) => loadedForList?.some((url) => url.endsWith(`/cdn/${name}`)));
  const afterList = scripts.filter((name) => !listing.includes(name));
  // A list's descriptions start collapsed; their formatting arrives once the list shows.
  const formatted = await page.evaluate(
    () => document.querySelector('call-for-contributions')?.shadowRoot?.querySelectorAll('details.description .plain').length,
  );
  if (formatted !== 0) problems.push(`${formatted} descriptions stayed plain text after the page settled`);
  if (listing.some(hasTus)) problems.push(`tus-js-client came with the list: ${listing.join(', ')}`);

  const uploader = () =>
    document.querySelector('call-for-contributions')?.shadowRoot?.querySelector('contribution-uploader')?.shadowRoot;
  await page.evaluate(() =>
    document
      .querySelector('call-for-contributions')
      ?.shadowRoot?.querySelector<HTMLElement>('[data-call="puisi-voices"] .contribute')
      ?.click(),
  );
  await page.waitForFunction(`(${uploader.toString()})()?.querySelector('form')`, { timeout: 10_000 });
  const form = scripts.filter((s) => !listing.includes(s) && !afterList.includes(s));
  if (form.length === 0) problems.push('Contribute loaded nothing: the form came with the list');
  if (form.some(hasTus)) problems.push('tus-js-client came with the form, before any file was chosen');

  // The first file chosen starts the upload machinery: tus-js-client arrives then.
  await page.evaluate(`(() => {
    const input = (${uploader.toString()})().querySelector('#files');
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(200000)], ${JSON.stringify(fileName)}, { type: 'audio/ogg' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
  })()`);
  await page.waitForFunction(`(${uploader.toString()})()?.querySelector('.file.done')`, { timeout: 15_000 });
  const upload = scripts.filter((s) => !listing.includes(s) && !afterList.includes(s) && !form.includes(s));
  // Each language's words are files named for their element and language (`contribution-uploader-ms-….js`),
  // found through one index of them: an English page downloads none of them.
  const otherLanguages = scripts.filter((name) =>
    /^(languages|(call-for-contributions|once-shown|contribution-[a-z]+|failure-words)-(ms|fr|es|pt|de|hi|zh|fil|ar))-/.test(
      name,
    ),
  );
  if (otherLanguages.length) problems.push(`an English page downloaded other languages' words: ${otherLanguages.join(', ')}`);
  if (!upload.some(hasTus)) problems.push(`the first upload did not load tus-js-client: ${upload.join(', ') || 'nothing'}`);
  // The words for failures come with the first failure, and nothing failed here.
  if (!readdirSync(root).some((name) => name.startsWith('failure-words-')))
    problems.push('the words for failures are not a file of their own: they come with every page');
  const failureWords = scripts.filter((name) => name.startsWith('failure-'));
  if (failureWords.length) problems.push(`the words for failures came though nothing failed: ${failureWords.join(', ')}`);
  // The bundle encodes tus metadata with the browser's own Base64 (see src/upload/platform/):
  // a name beyond ASCII must arrive as it was.
  const stored = readdirSync(join(dataDir, 'uploads'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => (JSON.parse(readFileSync(join(dataDir, 'uploads', f), 'utf8')) as { metadata: Record<string, string> }).metadata);
  if (!stored.some((m) => m.filename === fileName))
    problems.push(`the server saw the file's name as ${JSON.stringify(stored.map((m) => m.filename))}, not ${fileName}`);

  // The answer form on its own, and a recorder added later: each loads when the page has it.
  {
    const alone = await watchedPage('/form-alone');
    await alone.goto(`${origin}/form-alone`, { waitUntil: 'networkidle0' });
    await alone
      .waitForFunction(
        () =>
          document.querySelector('contribution-uploader')?.shadowRoot?.querySelector('form') &&
          document.querySelector('contribution-recorder')?.shadowRoot?.querySelector('.turn-on'),
        { timeout: 10_000 },
      )
      .catch(() => problems.push('/form-alone: the answer form or the recorder did not appear on their own'));
    await alone.close();
  }

  // A partner's page: the list inside <open-call-config>, whose code loads because the page has
  // the tag. The list waits for it: never a flash of "no backend", and it speaks the config's Malay.
  {
    const partner = await watchedPage('/partner');
    await partner.evaluateOnNewDocument(`(function watch() {
      if (document.querySelector('call-for-contributions')?.shadowRoot?.querySelector('.error')) window.sawError = true;
      requestAnimationFrame(watch);
    })()`);
    await partner.goto(`${origin}/partner`, { waitUntil: 'networkidle0' });
    const seen = (await partner.evaluate(`({
      titles: document.querySelector('call-for-contributions').shadowRoot.querySelectorAll('.title').length,
      status: document.querySelector('call-for-contributions').shadowRoot.querySelector('[role=status]').textContent,
      sawError: window.sawError === true,
    })`)) as { titles: number; status: string; sawError: boolean };
    if (seen.titles !== 2 || !/panggilan dipaparkan/.test(seen.status) || seen.sawError)
      problems.push(`/partner: expected 2 calls announced in Malay and no error on the way, saw ${JSON.stringify(seen)}`);
    await partner.close();
  }

  // The script twice, from two places, and beside another release: the widgets work, and only
  // another release is worth a warning, once, naming both versions.
  for (const [path, expected] of [
    ['/twice', []],
    ['/two-versions', [`open-call-widgets ${otherVersion} was loaded on a page where version ${version} already defined`]],
  ] as const) {
    const other = await watchedPage(path);
    const warnings: string[] = [];
    other.on('console', (m) => m.type() === 'warn' && warnings.push(m.text()));
    await other.goto(origin + path, { waitUntil: 'networkidle0' });
    const shown = await other.evaluate(
      () => document.querySelector('call-for-contributions')?.shadowRoot?.querySelectorAll('.title').length,
    );
    if (shown !== 2) problems.push(`${path}: expected the campaign's 2 calls, saw ${shown}`);
    const matches = expected.every((start) => warnings.some((w) => w.startsWith(start)));
    if (warnings.length !== expected.length || !matches)
      problems.push(`${path}: expected ${JSON.stringify(expected)} as warnings, saw ${JSON.stringify(warnings)}`);
    await other.close();
  }

  console.log(`\nThe CDN bundle as a blogger pastes it, on a plain page, in ${engine}:`);
  console.log(`  to show a list of calls   ${kb(gzipped(listing)).padStart(8)} gzipped  (${listing.join(' + ')})`);
  console.log(
    `  + once it shows          ${kb(gzipped(afterList)).padStart(8)} gzipped  (${afterList.join(' + ')}: the descriptions' Markdown, the answer region, Load more)`,
  );
  console.log(`  + the answer form         ${kb(gzipped(form)).padStart(8)} gzipped  (${form.join(' + ')})`);
  console.log(`  + the first upload        ${kb(gzipped(upload)).padStart(8)} gzipped  (${upload.join(' + ')})`);
  console.log(`  all it takes to upload    ${kb(gzipped([...listing, ...afterList, ...form, ...upload])).padStart(8)} gzipped`);
  for (const [what, bytes, budget] of [
    ['to show a list of calls', gzipped(listing), sizeBudget.list],
    ['all it takes to upload', gzipped([...listing, ...afterList, ...form, ...upload]), sizeBudget.upload],
  ] as const) {
    const verdict =
      bytes <= budget.target
        ? 'within the target'
        : bytes <= budget.limit
          ? 'OVER the target, within the limit'
          : 'OVER the limit';
    console.log(`  ${what}: ${kb(bytes)}; target ${kb(budget.target)}, limit ${kb(budget.limit)}: ${verdict}`);
    if (bytes > budget.limit) problems.push(`${what} takes ${kb(bytes)}, over the limit of ${kb(budget.limit)}`);
  }
} finally {
  await browser.close();
  await blog.close();
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}

// Every package whose code the bundle carries (as its source maps tell) has its licence beside it.
const bundled = new Set(
  readdirSync(root)
    .filter((name) => name.endsWith('.js.map'))
    .flatMap((name) => (JSON.parse(readFileSync(join(root, name), 'utf8')) as { sources: string[] }).sources)
    .map((source) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1])
    .filter((name) => name !== undefined),
);
let notices = '';
try {
  notices = readFileSync(join(root, 'THIRD-PARTY-LICENSES.txt'), 'utf8');
} catch {
  problems.push('dist/cdn has no THIRD-PARTY-LICENSES.txt');
}
const unnoticed = [...bundled].filter((name) => !notices.includes(`\n${name}@`));
if (bundled.size === 0 || unnoticed.length)
  problems.push(`THIRD-PARTY-LICENSES.txt lacks the licence of ${unnoticed.join(', ') || 'every package (none found)'}`);

if (problems.length) {
  console.error(`\nThe CDN bundle has problems in ${engine}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('  no console error; the form loads on Contribute, tus-js-client on the first upload');
console.log('  the script twice: silent; beside another release: one warning naming both versions');
console.log(`  THIRD-PARTY-LICENSES.txt: the licence of each bundled package (${[...bundled].sort().join(', ')})`);
