import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { freePort } from './ports.js';

const cli = new URL('../../demo/server/cli.ts', import.meta.url).pathname;

/** One backend instance: `npm run server` as a child process, on a port that it keeps across restarts. */
export class Instance {
  child?: ChildProcess;
  output = '';
  #guarded = false;
  readonly dataDir: string;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly publicUrl: string,
    private readonly env: Record<string, string>,
    root: string,
  ) {
    this.dataDir = join(root, name);
    mkdirSync(this.dataDir, { recursive: true });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.output = '';
    // One guard per instance, not per start: the tests restart instances many times.
    if (!this.#guarded) process.once('exit', () => this.child?.exitCode === null && this.child.kill('SIGKILL'));
    this.#guarded = true;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        cli,
        '--port',
        String(this.port),
        '--data-dir',
        this.dataDir,
        '--public-url',
        this.publicUrl,
        '--trust-proxy',
        '--log-json',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...this.env } },
    );
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    const deadline = Date.now() + 30_000;
    while (!this.output.includes('listens')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${this.name} did not start:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGKILL: the process dies where it is, as in a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }

  /** SIGTERM: the way a deploy stops it. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 10_000).unref())]);
    if (child.exitCode === null) await this.kill();
  }
}

/**
 * nginx as the load balancer, round-robin over the given instances, with request bodies and
 * answers streamed (a PATCH reaches the instance as it arrives). It passes the client's own
 * X-Forwarded-For through, so that the load generator can stand for many visitors, and names
 * the instance that answered in X-Upstream.
 */
export async function startNginx(
  ports: number[],
  listen?: number,
): Promise<{ port: number; url: string; stop(): Promise<void> }> {
  const port = listen ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'oc-nginx-'));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log stderr error;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  upstream backend {
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 0;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Request-Id $request_id;
      proxy_set_header X-Forwarded-For $http_x_forwarded_for;
      proxy_request_buffering off;
      proxy_buffering off;
      proxy_next_upstream error timeout;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  const child = spawn('nginx', ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/healthz`);
      break;
    } catch {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const stopNow = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      process.off('exit', stopNow);
      // SIGQUIT: graceful shutdown of the master and its worker.
      if (child.exitCode === null) child.kill('SIGQUIT');
      await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 5000).unref())]);
      stopNow();
    },
  };
}

/** A temporary root for the instances' data directories. */
export const clusterRoot = (): string => mkdtempSync(join(tmpdir(), 'oc-cluster-'));
