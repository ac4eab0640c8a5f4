// `npm run bench` (it builds dist/cdn first): how fast, and how lean, an upload through
// <contribution-uploader> is, beside what else a page could use.
//
// In one Chromium page, the same file, picked from disk through a file input, goes in
// interleaved rounds (7 by default, each in another seeded order) (1) in a single raw fetch PUT
// to a plain Node sink that writes it to disk, (2) in one raw PATCH to the reference backend's
// tus endpoint (real @tus/server writing to disk), (3) through bare tus-js-client, (4) through
// Uppy with @uppy/tus, and (5) through the element from the built CDN bundle, all with the same
// chunk size; (6) the element again, as the first upload to the endpoint (its chunks grow from
// 2 MiB; later uploads there start at the size that passed). It prints the medians, the
// renderer's CPU time per 200 MB for each row (this browser's renderers only, until 0.5 s after
// the upload ended), and the ratios against the budgets; then one upload of a 1 GB file picked
// from disk into the element, with the renderer's memory growth. It exits non-zero when a
// budget is missed.
import { createServer } from 'node:http';
import { createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { randomFillSync } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer as createVite } from 'vite';
import { startServer } from '../../demo/server/app.js';
import { launchChromium } from '../harness/chromium.js';
import { defaultChunkSize } from '../../src/upload/file-upload.js';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '200' },
    'chunk-size': { type: 'string', default: String(defaultChunkSize) },
    rounds: { type: 'string', default: '7' },
    seed: { type: 'string', default: '1' },
    'big-mb': { type: 'string', default: '1000' },
  },
});
const size = Number(values.mb) * 1_000_000;
const bigSize = Number(values['big-mb']) * 1_000_000;
const chunkSize = Number(values['chunk-size']);
const rounds = Number(values.rounds);
/** The rounds' order comes from this seed: the same on every run, and a different one each round. */
let orderSeed = Number(values.seed) >>> 0;
/** A small seeded generator (mulberry32), for the rounds' order. */
function random(): number {
  orderSeed = (orderSeed + 0x6d2b79f5) >>> 0;
  let t = orderSeed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
/** `items` in a random order (Fisher–Yates). */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
/** How long after each measured upload its renderer CPU is still counted. */
const settleMs = 500;
/** The small file, whose upload costs what every upload costs whatever its size. */
const smallSize = 1_000_000;
const budget = { ofRawPut: 0.95, ofPeers: 0.98, cpuOfBareTus: 1.5, bigMemory: 16_000_000 };
const root = resolve(import.meta.dirname, '../..');
if (!statSync(join(root, 'dist/cdn/open-call.js'), { throwIfNoEntry: false }))
  throw new Error('dist/cdn is missing: run `npm run build:cdn` first');
const dataDir = mkdtempSync(join(tmpdir(), 'oc-bench-'));

/** A file on disk of `bytes`: random 64 KiB blocks, so that nothing on the way can compress it. */
async function fileOnDisk(name: string, bytes: number): Promise<string> {
  const path = join(dataDir, name);
  const file = await open(path, 'w');
  const block = Buffer.alloc(1 << 20);
  for (let written = 0; written < bytes; written += block.length) {
    randomFillSync(block, 0, 65536);
    for (let i = 65536; i < block.length; i += 65536) block.copy(block, i, 0, 65536);
    await file.write(block, 0, Math.min(block.length, bytes - written));
  }
  await file.close();
  return path;
}

// The reference backend, its one video call taking the 1 GB file too.
const seed = JSON.parse(readFileSync(join(root, 'demo/server/seed.json'), 'utf8')) as {
  calls: Array<{ id: string; accepts: Array<{ maxBytes?: number }> }>;
};
for (const accepted of seed.calls.find((c) => c.id === 'creative-process')!.accepts)
  accepted.maxBytes = Math.max(accepted.maxBytes ?? 0, bigSize + 1);
writeFileSync(join(dataDir, 'seed.json'), JSON.stringify(seed));
const backend = await startServer({ port: 0, dataDir, seed: join(dataDir, 'seed.json') });
// The plain sink: writes the body to a file in the same data directory, as the tus store does,
// so that the ratio measures what the element and the protocol add, not the disk.
let sinkFiles = 0;
const sink = createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Allow-Methods', 'PUT');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
  if (req.method === 'OPTIONS') return void res.writeHead(204).end();
  let received = 0;
  req.on('data', (chunk: Buffer) => (received += chunk.length));
  const file = createWriteStream(join(dataDir, `sink-${sinkFiles++}`));
  req.pipe(file);
  file.on('finish', () => res.writeHead(200).end(String(received)));
});
await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
const sinkUrl = `http://127.0.0.1:${(sink.address() as { port: number }).port}/sink`;
const vite = await createVite({
  root,
  configFile: false,
  logLevel: 'error',
  server: { port: 0, host: '127.0.0.1' },
  optimizeDeps: { include: ['tus-js-client', '@uppy/core', '@uppy/tus'] },
});
await vite.listen();
const pageUrl = `${vite.resolvedUrls!.local[0]}test/bench/upload.html`;

const browser = await launchChromium();

/** The parent of a process (Linux), or '' once it has ended. */
function parentOf(pid: string): string {
  try {
    // The command name, in parentheses, may hold spaces: the fields after it are fixed.
    return (
      readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ')[1] ?? ''
    );
  } catch {
    return '';
  }
}

/**
 * This browser's renderer processes (Linux), found once: sampling must not slow the server in
 * this process. Only this browser's: on a shared machine, other Chromiums' renderers (a test
 * run beside the bench) would count too.
 */
function rendererPids(): string[] {
  const browserPid = String(browser.process()!.pid);
  const ours = (pid: string) => {
    for (let p = parentOf(pid); p && p !== '0' && p !== '1'; p = parentOf(p)) if (p === browserPid) return true;
    return false;
  };
  return readdirSync('/proc').filter((pid) => {
    try {
      return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer') && ours(pid);
    } catch {
      return false;
    }
  });
}

/** Resident memory of those processes, in bytes. */
function rendererMemory(pids: string[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

/** CPU time of each of those processes' threads so far, in nanoseconds (the scheduler's), by thread. */
function rendererCpu(pids: string[]): Map<string, number> {
  const threads = new Map<string, number>();
  for (const pid of pids) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // The process ended.
    }
    for (const task of tasks)
      try {
        threads.set(`${pid}/${task}`, Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]));
      } catch {
        // The thread ended while we looked.
      }
  }
  return threads;
}

/**
 * Seconds of CPU between two readings, thread by thread: a thread that ended in between
 * takes its time with it, and must not make the sum go down (it printed negative figures),
 * nor may one ending while we look skip its process's other threads.
 */
function cpuBetween(before: Map<string, number>, after: Map<string, number>): number {
  let ns = 0;
  for (const [thread, used] of after) ns += used - (before.get(thread) ?? 0);
  return ns / 1e9;
}

/** What test/bench/upload.html gives the rows. */
interface BenchPage {
  /** The file the next row sends: `largeFile` or `smallFile`. */
  benchFile: File;
  largeFile: File;
  smallFile: File;
  createUpload(api: string, file: File): Promise<{ url: string; secret: string }>;
  bareTus(api: string, file: File, chunkSize: number): Promise<string>;
  uppyTus(api: string, file: File, chunkSize: number): Promise<string>;
}

const mb = (bytes: number) => (bytes / 1_000_000).toFixed(1);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
let failed = false;
try {
  const loadAtStart = load();
  const path = await fileOnDisk('bench.webm', size);
  const smallPath = await fileOnDisk('small.webm', smallSize);
  const page = await browser.newPage();
  // tsx compiles this file with esbuild, which wraps functions in __name(); the page needs it too.
  await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn');
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(pageUrl);
  // The bundle defines each element when the page first has one (newElement waits for it).
  await page.waitForFunction('window.benchReady === true', { timeout: 60_000 });
  // Every row sends the same file, picked from disk once (a File backed by the disk, not by memory).
  const source = await page.$('input#source');
  for (const [picked, as] of [
    [smallPath, 'smallFile'],
    [path, 'largeFile'],
  ] as const) {
    await source!.uploadFile(picked);
    await page.evaluate((as) => {
      const bench = window as unknown as BenchPage;
      bench[as] = document.querySelector<HTMLInputElement>('#source')!.files![0]!;
    }, as);
  }
  /** Which file the next row sends. */
  const sendSmall = (small: boolean) =>
    page.evaluate((small) => {
      const bench = window as unknown as BenchPage;
      bench.benchFile = small ? bench.smallFile : bench.largeFile;
    }, small);

  const rawPut = () =>
    page.evaluate(async (url) => {
      const file = (window as unknown as BenchPage).benchFile;
      const res = await fetch(url, { method: 'PUT', body: file });
      const received = Number(await res.text());
      if (received !== file.size) throw new Error(`the sink received ${received} bytes of ${file.size}`);
    }, sinkUrl);

  // What the tus server itself takes from this browser: the whole file in one PATCH, no client library.
  const rawPatch = () =>
    page.evaluate(async (api) => {
      const bench = window as unknown as BenchPage;
      const { url, secret } = await bench.createUpload(api, bench.benchFile);
      const res = await fetch(url, {
        method: 'PATCH',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': '0',
          'Upload-Secret': secret,
          'Content-Type': 'application/offset+octet-stream',
        },
        body: bench.benchFile,
      });
      if (res.status !== 204) throw new Error(`PATCH ${res.status}: ${await res.text()}`);
    }, backend.api);

  const bareTus = () =>
    page.evaluate(
      async (api, chunk) =>
        void (await (window as unknown as BenchPage).bareTus(api, (window as unknown as BenchPage).benchFile, chunk)),
      backend.api,
      chunkSize,
    );

  const uppy = () =>
    page.evaluate(
      async (api, chunk) =>
        void (await (window as unknown as BenchPage).uppyTus(api, (window as unknown as BenchPage).benchFile, chunk)),
      backend.api,
      chunkSize,
    );

  /** A new element in the stage, ready for a file; resolves when its upload is done. */
  const newElement = () =>
    page.evaluateHandle(
      async (api, chunkSize) => {
        const stage = document.getElementById('stage')!;
        stage.replaceChildren();
        const el = document.createElement('contribution-uploader');
        el.setAttribute('api', api);
        el.setAttribute('call', 'creative-process');
        el.setAttribute('chunk-size', String(chunkSize));
        stage.append(el);
        while (!el.shadowRoot?.querySelector('#files')) await new Promise((r) => setTimeout(r, 20));
        return el;
      },
      backend.api,
      chunkSize,
    );
  const uploaded = (el: Awaited<ReturnType<typeof newElement>>) =>
    el.evaluate(
      (el) =>
        new Promise<void>((resolve, reject) => {
          el.addEventListener('contribution-progress', (e) => {
            const { state } = (e as CustomEvent<{ state: string }>).detail;
            if (state === 'done') resolve();
            if (state === 'failed') reject(new Error('the upload failed'));
          });
        }),
    );
  // Timed from the file's choice: the form on the page, loaded and shown, is the page's, not the upload's.
  const throughElement = async () => {
    // Each row is the file's first pick, as for the peers (they keep no resume entries). The
    // element keeps a finished upload's entry until a contribution names it, so without this
    // every row after the first found the last round's upload, asked for it (gone: the bench
    // deletes what was stored), deleted it and made a new one: two requests more than a
    // visitor's first pick, timed and counted.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('open-call-widgets:resume:')) localStorage.removeItem(key);
    });
    const el = await newElement();
    const done = uploaded(el);
    return async () => {
      await el.evaluate((el) => {
        const transfer = new DataTransfer();
        transfer.items.add((window as unknown as BenchPage).benchFile);
        const input = el.shadowRoot!.querySelector<HTMLInputElement>('#files')!;
        input.files = transfer.files;
        input.dispatchEvent(new Event('change'));
      });
      await done;
    };
  };

  // The element remembers for the endpoint that it takes full-size chunks, so that the next
  // upload there does not grow them again; this row forgets it first, as a first visit would.
  const throughElementFirstTime = async () => {
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage))
        if (key.startsWith('open-call-widgets:chunk-limit:')) localStorage.removeItem(key);
    });
    return throughElement();
  };

  const pids = rendererPids();
  if (pids.length === 0) throw new Error('found no renderer process of this browser');
  // Check what was stored, then delete it at once: the next measurement must not pay for the
  // kernel writing back the last one's dirty pages.
  const clearStored = (expected: number) => {
    const uploads = join(dataDir, 'uploads');
    for (const stored of readdirSync(uploads).filter((f) => !f.endsWith('.json'))) {
      const storedSize = statSync(join(uploads, stored)).size;
      if (storedSize !== expected) throw new Error(`the server stored ${storedSize} bytes of ${expected}`);
      rmSync(join(uploads, stored));
    }
    for (const sunk of readdirSync(dataDir).filter((f) => f.startsWith('sink-'))) rmSync(join(dataDir, sunk));
  };
  // Each row gets ready (untimed), then hands back what is timed.
  const ready = (run: () => Promise<void>) => () => Promise.resolve(run);
  const rows: Record<string, { name: string; prepare: () => Promise<() => Promise<void>>; small?: boolean }> = {
    rawPut: { name: 'raw fetch PUT to a plain Node sink (writes to disk)', prepare: ready(rawPut) },
    rawPatch: { name: 'raw fetch PATCH of the whole file to the tus endpoint', prepare: ready(rawPatch) },
    bareTus: { name: 'bare tus-js-client', prepare: ready(bareTus) },
    uppy: { name: 'Uppy with @uppy/tus', prepare: ready(uppy) },
    element: { name: '<contribution-uploader> from the CDN bundle', prepare: throughElement },
    elementFirst: { name: '  the same, first upload to the endpoint', prepare: throughElementFirstTime },
    // The same two with a small file: what an upload costs whatever its size (creating it; the
    // element's row, preview and re-renders), so that the rest is what grows with the bytes.
    bareTusSmall: { name: 'bare tus-js-client, small file', prepare: ready(bareTus), small: true },
    elementSmall: { name: '<contribution-uploader>, small file', prepare: throughElement, small: true },
  };
  type Row = 'rawPut' | 'rawPatch' | 'bareTus' | 'uppy' | 'element' | 'elementFirst' | 'bareTusSmall' | 'elementSmall';
  const order = Object.keys(rows) as Row[];
  const seconds = Object.fromEntries(order.map((r) => [r, [] as number[]])) as Record<Row, number[]>;
  const cpu = Object.fromEntries(order.map((r) => [r, [] as number[]])) as Record<Row, number[]>;
  // A first, unmeasured upload through each: every row's code is loaded and warm.
  const bytesOf = (row: Row) => (rows[row]!.small ? smallSize : size);
  for (const row of order) {
    await sendSmall(!!rows[row]!.small);
    await (
      await rows[row]!.prepare()
    )();
    clearStored(bytesOf(row));
  }
  // Rounds interleave the rows, each round in another order, so that none is always first,
  // last or alone on a busy machine, nor always after the same row (a rotation of one order
  // kept each row's neighbour: raw PUT came after a small file's row, while the element came
  // after Uppy's 200 MB, whose writing back to disk it shared); the budgets hold for the medians.
  for (let round = 0; round < rounds; round++)
    for (const row of shuffled(order)) {
      await sendSmall(!!rows[row]!.small);
      const run = await rows[row]!.prepare();
      const cpuBefore = rendererCpu(pids);
      const started = performance.now();
      await run();
      seconds[row].push((performance.now() - started) / 1000);
      // Each row's CPU includes what its upload leaves running after it ends (a re-render, a
      // frame or two, a timer), the same wait for every row: otherwise it lands on the next row.
      await new Promise((r) => setTimeout(r, settleMs));
      // A small file's CPU is per upload; the others' per 200 MB.
      const used = cpuBetween(cpuBefore, rendererCpu(pids));
      cpu[row].push(rows[row]!.small ? used : (used * 200_000_000) / size);
      clearStored(bytesOf(row));
    }
  const loadAfterRounds = load();

  // The 1 GB file, picked from disk into the element's own file input (as a visitor does).
  rmSync(path);
  rmSync(smallPath);
  const bigPath = await fileOnDisk('big.webm', bigSize);
  const el = await newElement();
  const done = uploaded(el);
  await new Promise((r) => setTimeout(r, 500));
  const baseline = rendererMemory(pids);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, rendererMemory(pids))), 50);
  const input = await el.evaluateHandle((el) => el.shadowRoot!.querySelector<HTMLInputElement>('#files')!);
  const bigStarted = performance.now();
  await input.uploadFile(bigPath);
  await done;
  const bigSeconds = (performance.now() - bigStarted) / 1000;
  clearInterval(sampler);
  const growth = Math.max(peak, rendererMemory(pids)) - baseline;
  clearStored(bigSize);
  rmSync(bigPath);

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const speed = (s: number) => size / 1_000_000 / s;
  const speedOf = (row: Row) => speed(median(seconds[row]));
  const spread = (row: Row) => `${speed(Math.max(...seconds[row])).toFixed(0)}–${speed(Math.min(...seconds[row])).toFixed(0)}`;
  console.log(
    `\nUpload benchmark: ${mb(size)} MB file from disk, chunk ${mb(chunkSize)} MB, ${rounds} rounds (order seed ${values.seed}), ${await browser.version()}`,
  );
  console.log(`load average (1, 5, 15 min): ${loadAtStart} at the start, ${loadAfterRounds} after the rounds\n`);
  console.log(
    `  ${'row'.padEnd(54)} ${'median'.padStart(11)}  ${'range MB/s'.padEnd(11)} renderer CPU-s per 200 MB (median, range)`,
  );
  for (const row of order.filter((r) => !rows[r]!.small))
    console.log(
      `  ${rows[row]!.name.padEnd(54)} ${`${speedOf(row).toFixed(1)} MB/s`.padStart(11)}  ${spread(row).padEnd(11)} ${median(cpu[row]).toFixed(3)}  ${Math.min(...cpu[row]).toFixed(3)}–${Math.max(...cpu[row]).toFixed(3)}`,
    );
  const checks: Array<[string, number, string, boolean]> = [];
  const ratio = (what: string, of: Row, limit: number) => {
    const r = speedOf('element') / speedOf(of);
    checks.push([`element / ${what}, medians`, r, `≥ ${limit}`, r >= limit]);
  };
  ratio('raw fetch PUT', 'rawPut', budget.ofRawPut);
  ratio('bare tus-js-client', 'bareTus', budget.ofPeers);
  ratio('Uppy with @uppy/tus', 'uppy', budget.ofPeers);
  const cpuRatio = median(cpu.element) / Math.max(median(cpu.bareTus), 0.001);
  checks.push([
    'renderer CPU per 200 MB, element / bare tus-js-client',
    cpuRatio,
    `≤ ${budget.cpuOfBareTus}`,
    cpuRatio <= budget.cpuOfBareTus,
  ]);
  const readOnly = speedOf('element') / speedOf('rawPatch');
  checks.push(['element / raw PATCH to the same tus server (for reading)', readOnly, '', true]);
  checks.push([
    'first upload to the endpoint / bare tus-js-client, speed (for reading)',
    speedOf('elementFirst') / speedOf('bareTus'),
    '',
    true,
  ]);
  checks.push([
    'first upload to the endpoint / bare tus-js-client, CPU (for reading)',
    median(cpu.elementFirst) / Math.max(median(cpu.bareTus), 0.001),
    '',
    true,
  ]);
  console.log('');
  for (const [what, figure, limit, ok] of checks)
    console.log(
      `  ${what.padEnd(66)} ${figure.toFixed(2).padStart(6)}  ${limit.padEnd(7)} ${limit ? (ok ? 'ok' : 'OVER BUDGET') : ''}`,
    );
  // The same speed ratios round by round: each pair ran in one round, on the same load, so
  // their spread says how much of a miss is the machine's noise. For reading: the budget is on
  // the medians above.
  console.log('\n  element / each row, round by round (for reading): median, range');
  for (const [what, of] of [
    ['raw fetch PUT', 'rawPut'],
    ['bare tus-js-client', 'bareTus'],
    ['Uppy with @uppy/tus', 'uppy'],
  ] as const) {
    const byRound = seconds[of].map((s, round) => s / seconds.element[round]!);
    console.log(
      `  ${`element / ${what}`.padEnd(66)} ${median(byRound).toFixed(2).padStart(6)}  ${Math.min(...byRound).toFixed(2)}–${Math.max(...byRound).toFixed(2)}`,
    );
  }
  // What does not grow with the size, and what does: for reading, the budget is on the whole.
  const fixed = (row: Row) => median(cpu[row]);
  const beyond = (large: Row, small: Row) => median(cpu[large]) - (fixed(small) * 200_000_000) / size;
  console.log(
    `\n  one upload of a ${mb(smallSize)} MB file (what costs the same whatever the size), renderer CPU-s: ` +
      `bare tus-js-client ${fixed('bareTusSmall').toFixed(3)}, element ${fixed('elementSmall').toFixed(3)}`,
  );
  const [bareBeyond, elementBeyond] = [beyond('bareTus', 'bareTusSmall'), beyond('element', 'elementSmall')];
  console.log(
    `  the rest, per 200 MB: bare tus-js-client ${bareBeyond.toFixed(3)}, element ${elementBeyond.toFixed(3)}, ` +
      `element / bare tus-js-client ${(elementBeyond / Math.max(bareBeyond, 0.001)).toFixed(2)} (for reading)`,
  );
  const memoryOk = growth <= budget.bigMemory;
  console.log(
    `\n  ${mb(bigSize)} MB file picked from disk into the element: ${(bigSize / 1_000_000 / bigSeconds).toFixed(1)} MB/s, ` +
      `renderer memory growth ${mb(growth)} MB (≤ ${mb(budget.bigMemory)} MB) ${memoryOk ? 'ok' : 'OVER BUDGET'}`,
  );
  console.log(`  load average at the end: ${load()}`);
  failed = checks.some(([, , , ok]) => !ok) || !memoryOk;
} finally {
  await browser.close();
  await vite.close();
  await backend.close();
  sink.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
