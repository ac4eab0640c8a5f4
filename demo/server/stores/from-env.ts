import type { ServerOptions } from '../app.js';
import { PgContributionStore } from './contributions-pg.js';
import { PgLocker } from './locks-pg.js';
import { migrate, openPool } from './postgres.js';

/** What the scale-out switches in the environment chose, and what `/readyz` checks. */
export interface ScaleOut {
  stores: NonNullable<ServerOptions['stores']>;
  /** Each backing service by name, with a check that rejects while it cannot be reached. */
  checks: Record<string, () => Promise<void>>;
  /** What the stores do not close themselves (the lock connection). */
  close(): Promise<void>;
  /** One line per switch, for the start-up banner. */
  describe: string[];
}

/**
 * The stores DESIGN.md's variables select ("Running the reference backend"): `DATABASE_URL`
 * puts contributions, their review state and the upload locks in PostgreSQL (migrating it
 * first). Without it the embedded defaults stay.
 */
export async function storesFromEnvironment(env: NodeJS.ProcessEnv): Promise<ScaleOut> {
  const out: ScaleOut = { stores: {}, checks: {}, close: () => Promise.resolve(), describe: [] };
  const closers: Array<() => Promise<void>> = [];
  if (env.DATABASE_URL) {
    const pool = openPool(env.DATABASE_URL);
    const applied = await migrate(pool);
    const contributions = new PgContributionStore(pool);
    const locks = new PgLocker(env.DATABASE_URL);
    out.stores.contributions = contributions;
    out.stores.locks = locks;
    out.checks.database = () => contributions.ping();
    closers.push(() => locks.close());
    out.describe.push(
      `database PostgreSQL ${redact(env.DATABASE_URL)}${applied.length ? ` (migrated: ${applied.join(', ')})` : ''}`,
    );
  }
  out.close = async () => {
    for (const close of closers) await close();
  };
  return out;
}

/** A connection URL without its password, for logs. */
export const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
