// `npm run test:demo` (part of `npm test`): every demo page (demo/*.html), served as `npm start`
// serves it (Vite in front of the library's source, the reference backend beside it), opened in
// Chromium with the visitor's system light and then dark, checked by axe for colour contrast
// once its widgets have shown their calls. Prints the findings per page and scheme; fails on any.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launchChromium } from '../harness/chromium.js';
import { root, startDemoSite } from '../harness/demo-site.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const pages = readdirSync(join(root, 'demo')).filter((f) => f.endsWith('.html'));
const schemes = ['light', 'dark'] as const;

const demo = await startDemoSite('demo-contrast');
const origin = demo.origin;

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
  await demo.stop();
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
