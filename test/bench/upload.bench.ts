// `npm run bench`: how fast, and how lean, an upload through <contribution-uploader> is.
//
// In one Chromium, the same generated file goes (1) through the element to the reference
// backend (tus, real @tus/server writing to disk) and (2) in a single raw fetch PUT to a plain
// Node sink that writes it to disk too. It prints both speeds, their ratio, and the renderer's peak memory growth during
// the element's upload, and exits non-zero when a budget is missed.
import { createServer } from 'node:http';
import { createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
    rounds: { type: 'string', default: '5' },
  },
});
const size = Number(values.mb) * 1_000_000;
const chunkSize = Number(values['chunk-size']);
const budget = { ratio: 0.9, memory: 2 * chunkSize };
const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'oc-bench-'));

const backend = await startServer({ port: 0, dataDir });
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
const vite = await createVite({ root, configFile: false, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
await vite.listen();
const pageUrl = `${vite.resolvedUrls!.local[0]}test/bench/bench.html`;

const browser = await launchChromium();

/** Chromium's renderer processes (Linux), found once: sampling must not slow the server in this process. */
function rendererPids(): string[] {
  return readdirSync('/proc').filter((pid) => {
    try {
      return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
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

/** What test/bench/bench.html gives the raw rows. */
interface BenchPage {
  createUpload(api: string, file: File): Promise<string>;
  bareTus(api: string, file: File, chunkSize: number): Promise<string>;
}

const mb = (bytes: number) => (bytes / 1_000_000).toFixed(1);
let failed = false;
try {
  const page = await browser.newPage();
  // tsx compiles this file with esbuild, which wraps functions in __name(); the page needs it too.
  await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn');
  await page.goto(pageUrl);
  await page.waitForFunction('window.benchReady === true');
  // The file is made once, in the page, before any measuring starts.
  await page.evaluate((size) => {
    const block = new Uint8Array(1 << 20);
    const parts: Uint8Array<ArrayBuffer>[] = [];
    for (let made = 0; made < size; made += block.length) {
      crypto.getRandomValues(block.subarray(0, 65536));
      for (let i = 65536; i < block.length; i += 65536) block.copyWithin(i, 0, 65536);
      parts.push(block.slice(0, Math.min(block.length, size - made)));
    }
    (window as unknown as { benchFile: File }).benchFile = new File(parts, 'bench.webm', { type: 'video/webm' });
  }, size);

  const rawPut = () =>
    page.evaluate(async (url) => {
      const file = (window as unknown as { benchFile: File }).benchFile;
      const started = performance.now();
      const res = await fetch(url, { method: 'PUT', body: file });
      const received = Number(await res.text());
      return { seconds: (performance.now() - started) / 1000, received };
    }, sinkUrl);

  // What the tus server itself takes from this browser: the whole file in one PATCH, no client library.
  const rawPatch = () =>
    page.evaluate(async (api) => {
      const file = (window as unknown as { benchFile: File }).benchFile;
      const started = performance.now();
      const url = await (window as unknown as BenchPage).createUpload(api, file);
      await fetch(url, {
        method: 'PATCH',
        headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
        body: file,
      });
      return (performance.now() - started) / 1000;
    }, backend.api);

  // The same bytes sent as tus-js-client sends them, through XMLHttpRequest with an upload
  // progress listener, in one PATCH or in the element's chunks: what remains between these
  // rows and the element's is the element's own cost.
  const rawXhrPatch = (chunk: number) =>
    page.evaluate(
      async (api, chunk) => {
        const file = (window as unknown as { benchFile: File }).benchFile;
        const started = performance.now();
        const url = await (window as unknown as BenchPage).createUpload(api, file);
        for (let offset = 0; offset < file.size; offset += chunk)
          await new Promise<void>((resolve, reject) => {
            const xhr = new XMLHttpRequest();
            xhr.open('PATCH', url);
            xhr.setRequestHeader('Tus-Resumable', '1.0.0');
            xhr.setRequestHeader('Upload-Offset', String(offset));
            xhr.setRequestHeader('Content-Type', 'application/offset+octet-stream');
            xhr.upload.onprogress = () => undefined;
            xhr.onload = () => (xhr.status === 204 ? resolve() : reject(new Error(`PATCH ${xhr.status}`)));
            xhr.onerror = () => reject(new Error('XHR failed'));
            xhr.send(file.slice(offset, offset + chunk));
          });
        return (performance.now() - started) / 1000;
      },
      backend.api,
      chunk,
    );

  // Bare tus-js-client with the same chunk size: the peer the element must keep up with.
  const bareTus = () =>
    page.evaluate(
      async (api, chunk) => {
        const file = (window as unknown as { benchFile: File }).benchFile;
        const started = performance.now();
        await (window as unknown as BenchPage).bareTus(api, file, chunk);
        return (performance.now() - started) / 1000;
      },
      backend.api,
      chunkSize,
    );

  const pids = rendererPids();
  const throughElement = () =>
    page.evaluate(
      async (api, chunkSize) => {
        const file = (window as unknown as { benchFile: File }).benchFile;
        document.getElementById('stage')!.replaceChildren();
        const el = document.createElement('contribution-uploader');
        el.setAttribute('api', api);
        el.setAttribute('call', 'creative-process');
        el.setAttribute('chunk-size', String(chunkSize));
        document.getElementById('stage')!.append(el);
        const root = () => el.shadowRoot!;
        while (!root()?.querySelector('#files')) await new Promise((r) => setTimeout(r, 20));
        const input = root().querySelector<HTMLInputElement>('#files')!;
        const transfer = new DataTransfer();
        transfer.items.add(file);
        const started = performance.now();
        input.files = transfer.files;
        input.dispatchEvent(new Event('change'));
        await new Promise<void>((resolve, reject) => {
          el.addEventListener('contribution-progress', (e) => {
            const { state } = (e as CustomEvent<{ state: string }>).detail;
            if (state === 'done') resolve();
            if (state === 'failed') reject(new Error('the upload failed'));
          });
        });
        return { seconds: (performance.now() - started) / 1000 };
      },
      backend.api,
      chunkSize,
    );

  // Rounds interleave the measurements, so that none is measured cold or alone on a busy
  // machine; the budget holds for the median, and the best is printed beside it.
  const rawSeconds: number[] = [];
  const patchSeconds: number[] = [];
  const xhrSeconds: number[] = [];
  const xhrChunkedSeconds: number[] = [];
  const elementSeconds: number[] = [];
  const tusSeconds: number[] = [];
  let growth = 0;
  // Check what was stored, then delete it at once: the next measurement must not pay for the
  // kernel writing back the last one's dirty pages.
  const clearStored = () => {
    const uploads = join(dataDir, 'uploads');
    for (const stored of readdirSync(uploads).filter((f) => !f.endsWith('.json'))) {
      const storedSize = statSync(join(uploads, stored)).size;
      if (storedSize !== size) throw new Error(`the server stored ${storedSize} bytes of ${size}`);
      rmSync(join(uploads, stored));
    }
    for (const sunk of readdirSync(dataDir).filter((f) => f.startsWith('sink-'))) rmSync(join(dataDir, sunk));
  };
  const measurements: Array<() => Promise<void>> = [
    async () => {
      const raw = await rawPut();
      if (raw.received !== size) throw new Error(`the sink received ${raw.received} bytes of ${size}`);
      rawSeconds.push(raw.seconds);
    },
    async () => void patchSeconds.push(await rawPatch()),
    async () => void xhrSeconds.push(await rawXhrPatch(size)),
    async () => void xhrChunkedSeconds.push(await rawXhrPatch(chunkSize)),
    async () => void tusSeconds.push(await bareTus()),
    async () => {
      const baseline = rendererMemory(pids);
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, rendererMemory(pids))), 50);
      elementSeconds.push((await throughElement()).seconds);
      clearInterval(sampler);
      growth = Math.max(growth, Math.max(peak, rendererMemory(pids)) - baseline);
    },
  ];
  // Each round starts with another measurement, so that none is always first or last.
  for (let round = 0; round < Number(values.rounds); round++)
    for (let i = 0; i < measurements.length; i++) {
      await measurements[(round + i) % measurements.length]!();
      clearStored();
    }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const speed = (seconds: number) => size / 1_000_000 / seconds;
  const rawSpeed = speed(median(rawSeconds));
  const elementSpeed = speed(median(elementSeconds));
  const ratio = elementSpeed / rawSpeed;
  const best = (xs: number[]) => `best ${speed(Math.min(...xs)).toFixed(1)}`;
  const rows: Array<[string, string, string, boolean]> = [
    ['raw fetch PUT to a plain Node sink (writes to disk), median', `${rawSpeed.toFixed(1)} MB/s`, best(rawSeconds), true],
    [
      'raw fetch PATCH of the whole file to the same tus endpoint, median',
      `${speed(median(patchSeconds)).toFixed(1)} MB/s`,
      best(patchSeconds),
      true,
    ],
    [
      'raw XMLHttpRequest PATCH, as tus-js-client sends it, to the same endpoint, median',
      `${speed(median(xhrSeconds)).toFixed(1)} MB/s`,
      best(xhrSeconds),
      true,
    ],
    [
      `the same, in the element's chunks (${mb(chunkSize)} MB), median`,
      `${speed(median(xhrChunkedSeconds)).toFixed(1)} MB/s`,
      best(xhrChunkedSeconds),
      true,
    ],
    [
      `bare tus-js-client, same chunk size, to the same endpoint, median`,
      `${speed(median(tusSeconds)).toFixed(1)} MB/s`,
      best(tusSeconds),
      true,
    ],
    [
      `<contribution-uploader> to the reference backend, median (chunk ${mb(chunkSize)} MB)`,
      `${elementSpeed.toFixed(1)} MB/s`,
      best(elementSeconds),
      true,
    ],
    ['ratio of medians (element / raw PUT)', ratio.toFixed(2), `≥ ${budget.ratio}`, ratio >= budget.ratio],
    [
      'ratio of medians (element / bare tus-js-client), for reading',
      (elementSpeed / speed(median(tusSeconds))).toFixed(2),
      '',
      true,
    ],
    [
      'ratio of medians (element / raw PATCH to the same tus server), for reading',
      (elementSpeed / speed(median(patchSeconds))).toFixed(2),
      '',
      true,
    ],
    ['renderer peak memory growth', `${mb(growth)} MB`, `≤ ${mb(budget.memory)} MB`, growth <= budget.memory],
  ];
  console.log(`\nUpload benchmark: ${mb(size)} MB file, ${values.rounds} rounds, ${await browser.version()}\n`);
  for (const [what, figure, limit, ok] of rows)
    console.log(
      `  ${what.padEnd(84)} ${figure.padStart(11)}  ${limit.padEnd(11)} ${limit.startsWith('best') ? '' : ok ? 'ok' : 'OVER BUDGET'}`,
    );
  if (ratio < budget.ratio)
    console.log(
      '\n  (Read the PATCH row beside it: a raw PATCH to the same tus server shows how much of the gap is the server’s.)',
    );
  failed = rows.some(([, , , ok]) => !ok);
} finally {
  await browser.close();
  await vite.close();
  await backend.close();
  sink.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
