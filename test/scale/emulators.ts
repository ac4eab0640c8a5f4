import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.js';

export interface Emulator {
  port: number;
  /** The environment an instance needs to use it (DESIGN.md's variables). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Azurite's well-known development account (published by Microsoft for the emulator). */
const azuriteAccount = 'devstoreaccount1';
const azuriteKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

async function waitForPort(port: number, child: ChildProcess, log: () => string, path = '/'): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}${path}`);
      return;
    } catch {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`The emulator did not start:\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function stopper(child: ChildProcess, dir: string): () => Promise<void> {
  const exited = new Promise<void>((r) => {
    if (child.exitCode !== null) r();
    else child.once('exit', () => r());
  });
  const stopNow = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  return async () => {
    process.off('exit', stopNow);
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
    stopNow();
  };
}

/** Azurite's Blob service (from npm), in memory, on a free port. */
export async function startAzurite(): Promise<Emulator> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'oc-azurite-'));
  const main = createRequire(import.meta.url).resolve('azurite/dist/src/blob/main.js');
  const child = spawn(
    process.execPath,
    [
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--inMemoryPersistence',
      '--silent',
      '--skipApiVersionCheck',
      '--loose',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  await waitForPort(port, child, () => log);
  return {
    port,
    env: {
      UPLOAD_STORE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=${azuriteAccount};AccountKey=${azuriteKey};BlobEndpoint=http://127.0.0.1:${port}/${azuriteAccount};`,
      UPLOAD_CONTAINER: 'uploads',
    },
    stop: stopper(child, dir),
  };
}

/**
 * moto's S3 server, where this machine has it (`moto_server`, Python; not from npm or Debian):
 * the S3 emulator found here that answers ListParts, which @tus/s3-store needs.
 */
export const motoAvailable = (): boolean => spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;

export async function startMoto(bucket = 'uploads'): Promise<Emulator> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'oc-moto-'));
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  await waitForPort(port, child, () => log, '/moto-api/');
  const created = await fetch(`http://127.0.0.1:${port}/${bucket}`, { method: 'PUT' });
  if (!created.ok) throw new Error(`moto did not create the bucket: ${created.status}`);
  return {
    port,
    env: {
      UPLOAD_STORE: 's3',
      UPLOAD_BUCKET: bucket,
      AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    },
    stop: stopper(child, dir),
  };
}
