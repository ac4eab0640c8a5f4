// `npm run bench:lighthouse` (not in `npm test`: it takes minutes and its scores vary with the
// machine): Lighthouse's mobile profile on the demo article served with the CDN bundle, with the
// list of calls above the article text and mid-article, against the same article without it. Lighthouse's own
// throttling (devtools: a slow 4G connection and a CPU 4× slower) stands for the slow phone. Prints
// each run's performance score, blocking time, LCP, speed index and layout shift, then the
// median of the runs for each page.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { serveArticle, type Placement } from '../cdn/article.js';

const run = promisify(execFile);
const runs = Number(process.env.RUNS ?? 3);
const bin = resolve(import.meta.dirname, '../../node_modules/.bin/lighthouse');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Report {
  categories: { performance: { score: number } };
  audits: Record<string, { numericValue?: number }>;
}

async function lighthouse(url: string): Promise<Report> {
  const { stdout } = await run(
    bin,
    [
      url,
      '--only-categories=performance',
      '--form-factor=mobile',
      '--throttling-method=devtools',
      '--output=json',
      '--quiet',
      // As root Chromium needs --no-sandbox.
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as Report;
}

const site = await serveArticle();
const pages: Array<[Placement, string]> = [
  ['none', 'the article without the list'],
  ['above', 'the list above the article text'],
  ['mid', 'the list mid-article'],
];
const figuresOf = (r: Report) => ({
  score: Math.round(r.categories.performance.score * 100),
  cls: r.audits['cumulative-layout-shift'].numericValue ?? 0,
  lcp: r.audits['largest-contentful-paint'].numericValue ?? 0,
  tbt: r.audits['total-blocking-time'].numericValue ?? 0,
  si: r.audits['speed-index'].numericValue ?? 0,
});
const line = ({ score, cls, lcp, tbt, si }: ReturnType<typeof figuresOf>) =>
  `performance ${String(score).padStart(3)}  CLS ${cls.toFixed(3)}  LCP ${(lcp / 1000).toFixed(1)} s  ` +
  `speed index ${(si / 1000).toFixed(1)} s  blocking ${Math.round(tbt)} ms`;
const figures: Array<{ what: string; score: number; cls: number; lcp: number; tbt: number; si: number }> = [];
try {
  for (const [placement, what] of pages) {
    const each: Array<ReturnType<typeof figuresOf>> = [];
    for (let i = 0; i < runs; i++) {
      each.push(figuresOf(await lighthouse(`${site.origin}/${placement}.html`)));
      console.log(`  run ${i + 1}, ${what.padEnd(34)} ${line(each[i])}`);
    }
    figures.push({
      what,
      score: median(each.map((f) => f.score)),
      cls: median(each.map((f) => f.cls)),
      lcp: median(each.map((f) => f.lcp)),
      tbt: median(each.map((f) => f.tbt)),
      si: median(each.map((f) => f.si)),
    });
  }
} finally {
  await site.close();
}
console.log(`\nLighthouse mobile on the demo article (devtools throttling), median of ${runs} runs:`);
for (const { what, ...median } of figures) console.log(`  ${what.padEnd(34)} ${line(median)}`);
const [without, ...withList] = figures;
for (const { what, score, cls, tbt } of withList)
  console.log(
    `  ${what}: performance ${score} against ${without.score} without it, blocking ${Math.round(tbt - without.tbt)} ms ` +
      `and CLS ${(cls - without.cls).toFixed(3)} more`,
  );
