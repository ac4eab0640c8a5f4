// `npm run test:cdn` (dist/cdn built): how much the demo article moves while the list loads, on a
// phone on a slow connection. A 390 px phone (CPU slowed down 4×), the script and each API answer
// held back, the list pasted above the article text (the reader sees it first) and in the middle
// (the reader has scrolled to it before it arrives). The cumulative layout shift is read from a
// PerformanceObserver (layout-shift entries without recent input) until the calls and their
// descriptions have shown. Prints it per placement, and fails above the budget.
import { launchChromium } from '../harness/chromium.js';
import { serveArticle, type Placement } from './article.js';

const clsBudget = 0.01;
const delays = { scriptMs: 1500, apiMs: 1500 };
const site = await serveArticle(delays);
const browser = await launchChromium();
const problems: string[] = [];
const results: Array<{ placement: Placement; width: number; cls: number; shifted: string[] }> = [];

/** Where each reader is: at the top of the article, or scrolled to the list's heading; on a phone, or a laptop. */
const phone = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const laptop = { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false, hasTouch: false };
const readers: Array<[Placement, string, typeof phone]> = [
  ['above', '/above.html', phone],
  ['mid', '/mid.html#calls-heading', phone],
  ['above', '/above.html', laptop],
  ['mid', '/mid.html#calls-heading', laptop],
];
try {
  for (const [placement, path, viewport] of readers) {
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
    await page.waitForFunction(
      () => document.querySelector('call-for-contributions')?.shadowRoot?.querySelector('.list, .message'),
      {
        timeout: 30_000,
      },
    );
    // The descriptions' Markdown and the covers arrive after the calls: they may not move the page either.
    await page.waitForNetworkIdle({ idleTime: 1000, timeout: 30_000 }).catch(() => undefined);
    const shifts = await page.evaluate(
      () => (window as unknown as { __shifts: Array<{ value: number; nodes: string }> }).__shifts,
    );
    const cls = shifts.reduce((sum, s) => sum + s.value, 0);
    results.push({ placement, width: viewport.width, cls, shifted: shifts.map((s) => `${s.value.toFixed(3)} ${s.nodes}`) });
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}

console.log(`\nLayout shift of the demo article (CPU 4× slower, script and API ${delays.scriptMs / 1000} s late):`);
for (const { placement, width, cls, shifted } of results) {
  const where = `${width} px, ${placement === 'above' ? 'list above the article text' : 'list mid-article, reader scrolled to it'}`;
  console.log(`  ${where.padEnd(48)} CLS ${cls.toFixed(3)} (budget ${clsBudget.toFixed(2)})`);
  if (cls > clsBudget) problems.push(`${where}: CLS ${cls.toFixed(3)} (${shifted.join('; ')})`);
}
if (problems.length) {
  console.error(`\nThe page moved:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
