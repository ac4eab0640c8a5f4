import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.js';

/** PostgreSQL 15 (Debian 12's), or the newest version Debian installed, or PG_BIN. */
const bin =
  process.env.PG_BIN ??
  join(
    '/usr/lib/postgresql',
    existsSync('/usr/lib/postgresql/15')
      ? '15'
      : (readdirSafe('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))[0] ?? '15'),
    'bin',
  );

export interface TestPostgres {
  /** A `postgres://` URL for the `postgres` database, for DATABASE_URL. */
  url: string;
  port: number;
  /** A URL for a new, empty database on the same server. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Whether PostgreSQL 15's server binaries are on this machine (Debian's `postgresql` package). */
export const postgresAvailable = (): boolean => existsSync(join(bin, 'initdb'));

/**
 * A throwaway PostgreSQL 15 server: a new cluster in a temporary directory, owned by the
 * `postgres` user (the server refuses to run as root), listening on 127.0.0.1 on a free port,
 * with trust authentication, started and stopped with pg_ctl. `stop()` shuts it down and
 * removes the directory; so does the test process ending without it.
 */
export async function startPostgres(): Promise<TestPostgres> {
  if (!postgresAvailable()) throw new Error(`PostgreSQL is not installed in ${bin} (apt-get install postgresql).`);
  const dir = mkdtempSync(join(tmpdir(), 'oc-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    asRoot ? ['su', ['postgres', '-s', '/bin/sh', '-c', [command, ...args].map(quote).join(' ')]] : [command, args];
  const sync = (command: string, args: string[]) => {
    const [c, a] = run(command, args) as [string, string[]];
    execFileSync(c, a, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  sync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const port = await freePort();
  const options = `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c max_connections=300`;
  sync(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-s', 'start']);
  const stopNow = () => {
    try {
      sync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', '-s', 'stop']);
    } catch {
      // Not running any more.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A test that dies still takes its server with it.
  process.once('exit', stopNow);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const { default: pg } = await import('pg');
  let stopped = false;
  return {
    url,
    port,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '')}"`);
      await client.end();
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      if (!stopped) {
        stopped = true;
        process.off('exit', stopNow);
        stopNow();
      }
      return Promise.resolve();
    },
  };
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
