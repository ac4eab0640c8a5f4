// The demo as `npm start` serves it, for the scripts that look at its pages: Vite in front of
// the library's source, the reference backend beside it on a fresh data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'vite';
import { startServer } from '../../demo/server/app.js';

export const root = resolve(import.meta.dirname, '../..');

/** Starts both; `origin` serves demo/*.html, `stop` ends both and removes the data. */
export async function startDemoSite(name: string): Promise<{ origin: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), `oc-${name}-`));
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
  return {
    origin: (vite.resolvedUrls?.local[0] ?? '').replace(/\/$/, ''),
    async stop() {
      await vite.close();
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
