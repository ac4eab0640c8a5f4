// `npm run test:demo` (part of `npm test`): every demo page (demo/*.html), served as `npm start`
// serves it (Vite in front of the library's source, the reference backend beside it), opened in
// Chromium with the visitor's system light and then dark, checked by axe for colour contrast
// once its widgets have shown their calls. Prints the findings per page and scheme; fails on any.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'vite';
import { startServer } from '../../demo/server/app.js';
import { launchChromium } from '../harness/chromium.js';

const root = resolve(import.meta.dirname, '../..');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const pages = readdirSync(join(root, 'demo')).filter((f) => f.endsWith('.html'));
const schemes = ['light', 'dark'] as const;

const dataDir = mkdtempSync(join(tmpdir(), 'oc-demo-contrast-'));
const backend = await startServer({ port: 0, dataDir });
process.env.VITE_OC_API = backend.api;
process.env.VITE_OC_BASE = backend.url;
const vite = await createServer({
  configFile: resolve(root, 'vite.config.ts'),
  root,
  server: { port: 0, host: '127.0.0.1' },
  logLevel: 'warn',
});
await vite.listen();
const origin = (vite.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');

interface Finding {
  target: string;
  summary: string;
}

const browser = await launchChromium();
const results: Array<{ page: string; scheme: string; findings: Finding[] }> = [];
try {
  for (const file of pages) {
    for (const scheme of schemes) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(`${origin}/demo/${file}`, { waitUntil: 'load' });
      // Every list or call on the page has shown its calls (or a message), not its skeleton.
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('call-for-contributions')].every((el) =>
            el.shadowRoot?.querySelector('.list, .card.single:not(.skeleton), .message'),
          ),
        { timeout: 20_000 },
      );
      await page.waitForNetworkIdle({ idleTime: 300, timeout: 15_000 }).catch(() => undefined);
      // Descriptions open, so that their text is checked too.
      await page.evaluate(() => {
        for (const el of document.querySelectorAll('call-for-contributions'))
          for (const details of el.shadowRoot?.querySelectorAll('details') ?? []) details.open = true;
      });
      await page.evaluate(axeSource);
      const findings = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
        interface AxeViolation {
          nodes: Array<{ target: unknown[]; failureSummary?: string; any: Array<{ message: string }> }>;
        }
        const { violations } = await axe.run({ runOnly: ['color-contrast'], resultTypes: ['violations'] });
        return violations.flatMap((v) =>
          v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: n.any[0]?.message ?? n.failureSummary ?? '' })),
        );
      });
      results.push({ page: file, scheme, findings });
      await page.close();
    }
  }
} finally {
  await browser.close();
  await vite.close();
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log('axe colour-contrast findings on the demo pages (Chromium, 1280 px):');
for (const { page, scheme, findings } of results) console.log(`  ${page.padEnd(18)} ${scheme.padEnd(5)} ${findings.length}`);
const failing = results.filter((r) => r.findings.length);
if (failing.length) {
  for (const { page, scheme, findings } of failing) {
    console.error(`\n${page}, ${scheme}:`);
    for (const f of findings.slice(0, 5)) console.error(`  ${f.target}: ${f.summary}`);
    if (findings.length > 5) console.error(`  … and ${findings.length - 5} more`);
  }
  process.exit(1);
}
console.log('no colour-contrast finding on any demo page, light or dark');
