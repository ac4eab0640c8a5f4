import { migrate, openPool, schemaVersion } from './stores/postgres.js';

// `npm run migrate`: brings the database at DATABASE_URL to the newest schema. The server does
// the same at start-up; this is for a deploy that migrates before starting new instances.
const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('Set DATABASE_URL to the PostgreSQL database to migrate (postgres://user:pass@host/db).\n');
  process.exit(2);
}
const pool = openPool(url, 1);
try {
  const applied = await migrate(pool);
  process.stdout.write(
    `${applied.length ? `applied migrations ${applied.join(', ')}` : 'nothing to migrate'}; schema version ${await schemaVersion(pool)}\n`,
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
