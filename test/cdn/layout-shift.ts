// `npm run test:cdn` (dist/cdn built): how much the demo article moves while the widgets load, on
// a phone on a slow connection. A 390 px phone (CPU slowed down 4×), the script, its lazy chunks
// and each API answer held back, and the reader:
// - with the list pasted above the article text (the reader sees it first), and in the middle (the
//   reader has scrolled to it before it arrives);
// - pressing Contribute on the first call: the answer region, with the form's code on its way;
// - with a standalone answer form above the text.
// The cumulative layout shift is read from a PerformanceObserver (layout-shift entries without
// recent input) until the widgets, their descriptions and forms have shown. Prints it per reader,
// and fails above the budget.
import { launchChromium } from '../harness/chromium.js';
import { serveArticle, type Placement } from './article.js';

const clsBudget = 0.01;
const delays = { scriptMs: 1500, apiMs: 1500 };
const site = await serveArticle(delays);
const browser = await launchChromium();
const problems: string[] = [];
const results: Array<{ where: string; width: number; cls: number; shifted: string[] }> = [];

/** What a reader does: reads the list above the text or mid-article, answers its first call, or has a form above the text. */
type Reading = Placement | 'answer';
const readings: Record<Reading, { what: string; path: string } | undefined> = {
  above: { what: 'list above the article text', path: '/above.html' },
  mid: { what: 'list mid-article, reader scrolled to it', path: '/mid.html#calls-heading' },
  answer: { what: 'Contribute pressed, the form on its way', path: '/above.html' },
  form: { what: 'answer form above the article text', path: '/form.html' },
  none: undefined,
};
/** On a phone, or a laptop. */
const phone = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const laptop = { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false, hasTouch: false };
const readers: Array<[Reading, typeof phone]> = [
  ['above', phone],
  ['mid', phone],
  ['answer', phone],
  ['form', phone],
  ['above', laptop],
  ['mid', laptop],
  ['answer', laptop],
  ['form', laptop],
];
/** The list has shown its calls (or a message). */
const listShown = () => document.querySelector('call-for-contributions')?.shadowRoot?.querySelector('.list, .message');
/** A form has shown its fields: standalone, or in the list's answer region. */
const formShown = () =>
  (
    document.querySelector('contribution-uploader') ??
    document.querySelector('call-for-contributions')?.shadowRoot?.querySelector('contribution-uploader')
  )?.shadowRoot?.querySelector('form');
try {
  for (const [reading, viewport] of readers) {
    const { what, path } = readings[reading]!;
    const page = await browser.newPage();
    await page.emulate({
      viewport,
      userAgent:
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36',
    });
    await page.emulateCPUThrottling(4);
    await page.evaluateOnNewDocument(`
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput)
          window.__shifts.push({ value: e.value, nodes: e.sources.map((s) => s.node ? (s.node.nodeName + '.' + (s.node.className || '')) : '?').join(', ') });
      }).observe({ type: 'layout-shift', buffered: true });`);
    await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
    await page.waitForFunction(reading === 'form' ? formShown : listShown, { timeout: 30_000 });
    // The descriptions' Markdown and the covers arrive after the calls: they may not move the page either.
    await page.waitForNetworkIdle({ idleTime: 1000, timeout: 30_000 }).catch(() => undefined);
    if (reading === 'answer') {
      // Only what moves after the press counts here (shifts within 0.5 s of it are the reader's own).
      await page.evaluate(() => ((window as unknown as { __shifts: unknown[] }).__shifts = []));
      await page.click('call-for-contributions >>> .contribute');
      await page.waitForFunction(formShown, { timeout: 30_000 });
      await page.waitForNetworkIdle({ idleTime: 1000, timeout: 30_000 }).catch(() => undefined);
    }
    const shifts = await page.evaluate(
      () => (window as unknown as { __shifts: Array<{ value: number; nodes: string }> }).__shifts,
    );
    const cls = shifts.reduce((sum, s) => sum + s.value, 0);
    results.push({ where: what, width: viewport.width, cls, shifted: shifts.map((s) => `${s.value.toFixed(3)} ${s.nodes}`) });
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}

console.log(`\nLayout shift of the demo article (CPU 4× slower, script, chunks and API ${delays.scriptMs / 1000} s late):`);
for (const { where: what, width, cls, shifted } of results) {
  const where = `${width} px, ${what}`;
  console.log(`  ${where.padEnd(52)} CLS ${cls.toFixed(3)} (budget ${clsBudget.toFixed(2)})`);
  if (cls > clsBudget) problems.push(`${where}: CLS ${cls.toFixed(3)} (${shifted.join('; ')})`);
}
if (problems.length) {
  console.error(`\nThe page moved:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
