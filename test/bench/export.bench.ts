// `npm run bench:export`: how fast a call's export zip streams, and how much memory the server
// takes for it, with large video files.
//
// The backend runs as its own process (the real command), so that its memory is its own: its
// peak resident size is read from /proc before and during the download. A server that held a
// file whole would grow by the file's size; a streaming one stays flat.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { textContribution, tusUpload } from '../server/harness.js';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '3' },
    megabytes: { type: 'string', default: '100' },
  },
});
const files = Number(values.files);
const fileBytes = Number(values.megabytes) * 1024 * 1024;
// Budgets for a 2-core machine shared with other work.
const budget = { megabytesPerSecond: 50, serverGrowthMegabytes: 64 };
const token = 'export-bench-organiser-token';

const dataDir = mkdtempSync(join(tmpdir(), 'oc-bench-export-'));
const child = spawn(
  process.execPath,
  ['--import', 'tsx', resolve(import.meta.dirname, '../../demo/server/cli.ts'), '--port', '0', '--data-dir', dataDir],
  { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, OPEN_CALL_ORGANISER_TOKEN: token } },
);
let output = '';
child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
const deadline = Date.now() + 20_000;
while (!/organiser\s+\S+/.test(output)) {
  if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the backend did not start:\n${output}`);
  await new Promise((r) => setTimeout(r, 50));
}
const api = /API\s+(\S+)\/calls/.exec(output)![1];

/** The server's resident memory in MiB: now, or its peak since the last reset. */
const residentMiB = (field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;

try {
  const video = new Uint8Array(fileBytes).map((_, i) => (i * 7 + (i >> 12)) % 256);
  for (let n = 0; n < files; n++) {
    const { url } = await tusUpload(`${api}/uploads/`, video, { callId: 'life-at-home', filetype: 'video/mp4' });
    const sent = await fetch(`${api}/calls/life-at-home/contributions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(textContribution({ kind: 'video', text: undefined, language: undefined, uploads: [url] })),
    });
    const { id } = (await sent.json()) as { id: string };
    await fetch(`${api}/organiser/contributions/${id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{"status":"published"}',
    });
  }
  // Let the upload's garbage go, then start counting the peak from here.
  await new Promise((r) => setTimeout(r, 1000));
  writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
  const before = residentMiB('VmRSS');
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, residentMiB('VmRSS'))), 20);

  const started = performance.now();
  const res = await fetch(`${api}/organiser/calls/life-at-home/export`, { headers: { Authorization: `Bearer ${token}` } });
  let received = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) received += chunk.length;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, residentMiB('VmHWM'));

  const megabytes = received / 1024 / 1024;
  const rate = megabytes / seconds;
  const growth = peak - before;
  console.log(`export of ${files} × ${values.megabytes} MiB video files`);
  console.log(`  zip        ${megabytes.toFixed(1)} MiB (Content-Length ${res.headers.get('content-length')})`);
  console.log(`  speed      ${rate.toFixed(0)} MiB/s in ${seconds.toFixed(2)} s   (budget ≥ ${budget.megabytesPerSecond})`);
  console.log(
    `  server     ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB: +${growth.toFixed(0)} MiB   (budget ≤ +${budget.serverGrowthMegabytes})`,
  );
  if (res.status !== 200 || received !== Number(res.headers.get('content-length'))) {
    console.log(`  the download was not whole: ${res.status}, ${received} bytes`);
    process.exitCode = 1;
  }
  if (rate < budget.megabytesPerSecond || growth > budget.serverGrowthMegabytes) process.exitCode = 1;
} finally {
  child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}
