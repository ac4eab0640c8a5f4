import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ERRORS } from '@tus/server';
import { PgLocker } from '../../demo/server/stores/locks-pg.js';
import { postgresAvailable, startPostgres, type TestPostgres } from './postgres.js';

let postgres: TestPostgres | undefined;
before(async () => {
  if (postgresAvailable()) postgres = await startPostgres();
});
after(() => postgres?.stop());

const never = new AbortController().signal;
const isTimeout = (error: unknown) => error === ERRORS.ERR_LOCK_TIMEOUT;

describe('PostgreSQL advisory locks for tus', { skip: !postgresAvailable() && 'PostgreSQL 15 is not installed' }, () => {
  const lockers: PgLocker[] = [];
  const instance = (options?: ConstructorParameters<typeof PgLocker>[1]) => {
    assert.ok(postgres);
    const locker = new PgLocker(postgres.url, options);
    lockers.push(locker);
    return locker;
  };
  after(() => Promise.all(lockers.map((l) => l.close())));

  test('an upload locked on one instance cannot be locked on another until it is released', async () => {
    const a = instance();
    const b = instance({ acquireLockTimeout: 400 });
    const held = a.newLock('upload-1');
    await held.lock(never, () => undefined);
    await assert.rejects(
      b.newLock('upload-1').lock(never, () => undefined),
      isTimeout,
    );
    // Another upload is not affected.
    const other = b.newLock('upload-2');
    await other.lock(never, () => undefined);
    await other.unlock();
    await held.unlock();
    const now = b.newLock('upload-1');
    await now.lock(never, () => undefined);
    await now.unlock();
  });

  test('a request on another instance asks the holder to release, and gets the lock when it does', async () => {
    const a = instance();
    const b = instance();
    const held = a.newLock('upload-3');
    let asked = 0;
    await held.lock(never, async () => {
      asked++;
      await held.unlock();
    });
    const started = Date.now();
    const wanted = b.newLock('upload-3');
    await wanted.lock(never, () => undefined);
    assert.equal(asked, 1, 'the holder on the other instance was asked once');
    assert.ok(Date.now() - started < 5000);
    await wanted.unlock();
  });

  test('two requests on one instance exclude each other too', async () => {
    const a = instance({ acquireLockTimeout: 300 });
    const first = a.newLock('upload-4');
    let asked = 0;
    await first.lock(never, () => void asked++);
    await assert.rejects(
      a.newLock('upload-4').lock(never, () => undefined),
      isTimeout,
    );
    assert.ok(asked > 0, 'the holder was asked to release');
    await first.unlock();
    const second = a.newLock('upload-4');
    await second.lock(never, () => undefined);
    await second.unlock();
  });

  test("an instance that dies holding a lock frees it: PostgreSQL ends the dead instance's session", async () => {
    const dying = instance();
    const survivor = instance();
    await dying.newLock('upload-5').lock(never, () => undefined);
    await dying.close(); // the connection goes as it would with a killed process
    const lock = survivor.newLock('upload-5');
    await lock.lock(never, () => undefined);
    await lock.unlock();
  });

  test('a waiting request that is aborted stops waiting', async () => {
    const a = instance();
    const b = instance();
    await a.newLock('upload-6').lock(never, () => undefined);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 100);
    const started = Date.now();
    await assert.rejects(
      b.newLock('upload-6').lock(abort.signal, () => undefined),
      isTimeout,
    );
    assert.ok(Date.now() - started < 5000);
  });
});
