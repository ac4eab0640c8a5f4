import type { ServerOptions } from '../app.js';
import { PgContributionStore } from './contributions-pg.js';
import { PgLocker } from './locks-pg.js';
import { migrate, openPool } from './postgres.js';
import { azureUploadStore, s3UploadStore } from './uploads-object.js';

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
 * first); `UPLOAD_STORE=s3|azure` puts the files in object storage. Without them the embedded
 * defaults stay. Throws with a sentence for a setting that is missing or wrong.
 */
export async function storesFromEnvironment(
  env: NodeJS.ProcessEnv,
  { uploadExpiryMs }: { uploadExpiryMs: number },
): Promise<ScaleOut> {
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
  const kind = env.UPLOAD_STORE ?? 'file';
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`UPLOAD_STORE=${kind} needs ${name}.`);
    return value;
  };
  if (kind === 'azure') {
    const container = env.UPLOAD_CONTAINER ?? 'uploads';
    const uploads = await azureUploadStore({
      connectionString: required('AZURE_STORAGE_CONNECTION_STRING'),
      container,
      expiryMs: uploadExpiryMs,
    });
    out.stores.uploads = uploads;
    out.checks.storage = () => uploads.ping();
    out.describe.push(`uploads  Azure Blob Storage, container ${container}`);
  } else if (kind === 's3') {
    const bucket = required('UPLOAD_BUCKET');
    const uploads = s3UploadStore({
      bucket,
      region: env.AWS_REGION,
      endpoint: env.AWS_ENDPOINT_URL,
      // Without keys in the environment the SDK finds its own (a role, a profile).
      credentials:
        env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
          ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY }
          : undefined,
      expiryMs: uploadExpiryMs,
    });
    out.stores.uploads = uploads;
    out.checks.storage = () => uploads.ping();
    out.describe.push(`uploads  S3 bucket ${bucket}${env.AWS_ENDPOINT_URL ? ` at ${env.AWS_ENDPOINT_URL}` : ''}`);
  } else if (kind !== 'file') throw new Error(`UPLOAD_STORE must be file, s3 or azure, not "${kind}".`);
  out.close = async () => {
    for (const close of closers) await close();
  };
  return out;
}

/** A connection URL without its password, for logs. */
export const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
