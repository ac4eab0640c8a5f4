// `npm run bench:recording`: how much of a take is already on the server when the visitor
// presses Stop. In Chromium with a fake camera and microphone, <contribution-recorder> records
// a take of each kind (default 10 s) to the reference backend; at the moment of Stop, the
// size of the upload's file in the server's data directory is read, and compared with the
// whole take once it is up. Budget: at least 80 % of the take is on the server at Stop
// (everything but the last second or so of media).
import { readdirSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer as createVite } from 'vite';
import { startServer } from '../../demo/server/app.js';
import { launchChromium } from '../harness/chromium.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' } } });
const seconds = Number(values.seconds);
const budget = 0.8;
const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'oc-rec-bench-'));
const backend = await startServer({ port: 0, dataDir });
const vite = await createVite({ root, configFile: false, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
await vite.listen();
const browser = await launchChromium();

/** Bytes in the server's files for uploads, by upload id (the tus file store writes them as they come). */
function onServer(): Map<string, number> {
  const dir = join(dataDir, 'uploads');
  const sizes = new Map<string, number>();
  for (const name of readdirSync(dir)) if (!name.endsWith('.json')) sizes.set(name, statSync(join(dir, name)).size);
  return sizes;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
let failed = false;
try {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn');
  await page.goto(`${vite.resolvedUrls!.local[0]}test/bench/bench.html`);
  await page.waitForFunction('window.benchReady === true');
  console.log(`\nRecording benchmark: ${seconds} s takes, Chromium's fake devices, ${await browser.version()}\n`);
  for (const kind of ['audio', 'video'] as const) {
    const before = new Set(onServer().keys());
    await page.evaluate(
      async (api, kind) => {
        const el = document.createElement('contribution-recorder');
        el.setAttribute('api', api);
        el.setAttribute('call', 'puisi-voices');
        el.setAttribute('kind', kind);
        el.setAttribute('countdown', '0');
        document.getElementById('stage')!.replaceChildren(el);
        const find = async (selector: string) => {
          for (;;) {
            const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
            if (found) return found;
            await new Promise((r) => setTimeout(r, 20));
          }
        };
        (await find('.turn-on')).click();
        (await find('.record')).click();
        await find('.stop');
      },
      backend.api,
      kind,
    );
    await new Promise((r) => setTimeout(r, seconds * 1000));
    await page.evaluate(() =>
      document.querySelector('contribution-recorder')!.shadowRoot!.querySelector<HTMLElement>('.stop')!.click(),
    );
    const atStop = [...onServer()].filter(([id]) => !before.has(id));
    const [id, bytesAtStop] = atStop[0] ?? ['', 0];
    // The take is whole once the recorder says it is on the server.
    await page.waitForFunction(
      () =>
        document
          .querySelector('contribution-recorder')
          ?.shadowRoot?.querySelector('.upload-status')
          ?.textContent?.includes('on the server'),
      { timeout: 30_000 },
    );
    const total = onServer().get(id) ?? 0;
    const share = total ? bytesAtStop / total : 0;
    const ok = share >= budget;
    failed ||= !ok;
    console.log(
      `  ${kind.padEnd(6)} take ${kb(total).padStart(9)}; on the server at Stop ${kb(bytesAtStop).padStart(9)} = ${(share * 100).toFixed(0).padStart(3)} %  (budget ≥ ${budget * 100} %)  ${ok ? 'ok' : 'UNDER BUDGET'}`,
    );
  }
} finally {
  await browser.close();
  await vite.close();
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
