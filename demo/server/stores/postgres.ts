import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '../migrations');

/** A numbered schema change, from `demo/server/migrations/NNN-name.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations shipped with the server, oldest first. */
export function migrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: readFileSync(join(migrationsDir, f), 'utf8') }));
}

/** An arbitrary key for the advisory lock that lets one instance at a time migrate. */
const migrationLockKey = 0x6f63_6d69; // "ocmi"

/**
 * Brings the database's schema up to `to` (default: the newest migration), each migration in a
 * transaction of its own, recorded in `schema_migrations`. Instances starting together take
 * turns: the first migrates, the others find nothing left to do. Returns the versions applied.
 */
export async function migrate(pool: pg.Pool, { to }: { to?: number } = {}): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version    integer     PRIMARY KEY,
         name       text        NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    for (const migration of migrations()) {
      if (done.has(migration.version) || (to !== undefined && migration.version > to)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      applied.push(migration.version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]).catch(() => undefined);
    client.release();
  }
  return applied;
}

/** The schema version the database is at (0 for an empty database). */
export async function schemaVersion(pool: pg.Pool): Promise<number> {
  const exists = await pool.query<{ t: string | null }>("SELECT to_regclass('schema_migrations') AS t");
  if (!exists.rows[0]?.t) return 0;
  const { rows } = await pool.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}

/** A connection pool for `DATABASE_URL`. */
export function openPool(url: string, max = 20): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // An idle client whose server went away must not take the process down with it.
  pool.on('error', (error) => console.error(`database: ${error.message}`));
  return pool;
}
