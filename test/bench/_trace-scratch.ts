import { launchChromium } from '../harness/chromium.js';
import { serveArticle } from '../cdn/article.js';
import { writeFileSync } from 'node:fs';
const site = await serveArticle();
const browser = await launchChromium();
const placement = process.argv[2] ?? 'above';
try {
  const page = await browser.newPage();
  await page.emulate({ viewport: { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true }, userAgent: 'Mozilla/5.0 (Linux; Android 14) Mobile' });
  await page.emulateCPUThrottling(4);
  await page.emulateNetworkConditions({ download: 1.6 * 1024 * 1024 / 8, upload: 750 * 1024 / 8, latency: 150 });
  await page.evaluateOnNewDocument(`window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });`);
  await page.tracing.start({ path: `/tmp/h22v/trace-${placement}.json`, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'loading'] });
  await page.goto(`${site.origin}/${placement}.html`, { waitUntil: 'load' });
  await page.waitForNetworkIdle({ idleTime: 1500, timeout: 30000 }).catch(() => undefined);
  await page.tracing.stop();
  console.log('longtasks', JSON.stringify(await page.evaluate('window.__long')));
} finally { await browser.close(); await site.close(); }
