import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ERRORS } from '@tus/server';
import pg from 'pg';
import { PgLocker, arrivalKey, lockKey } from '../../demo/server/stores/locks-pg.js';
import { freePort } from './ports.js';
import { postgresAvailable, startPostgres, type TestPostgres } from './postgres.js';

let postgres: TestPostgres | undefined;
before(async () => {
  if (postgresAvailable()) postgres = await startPostgres();
});
after(() => postgres?.stop());

// Every warning of the whole file, for its last test: pg warns once per process, whichever test sent it.
const warnings: string[] = [];
process.on('warning', (warning) => warnings.push(warning.message));

const never = new AbortController().signal;
const isTimeout = (error: unknown) => error === ERRORS.ERR_LOCK_TIMEOUT;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Whether `promise` is still pending after `ms`. */
const pendingAfter = async (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => false), sleep(ms).then(() => true)]);
/** The database sessions holding the advisory lock `key` (one bigint: its high and low halves). */
const holders = async (db: pg.Client, key: string) => {
  const whole = BigInt.asUintN(64, BigInt(key));
  const { rows } = await db.query<{ pid: number }>(
    "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1::bigint AND objid = $2::bigint AND objsubid = 1",
    [String(whole >> 32n), String(whole & 0xffffffffn)],
  );
  return rows.map((row) => row.pid);
};

/** What console.error says while `body` runs (the locker logs its database's failures there). */
async function logging(body: (logged: string[]) => Promise<void>): Promise<void> {
  const logged: string[] = [];
  const log = console.error;
  console.error = (...line: unknown[]) => void logged.push(line.map(String).join(' '));
  try {
    await body(logged);
  } finally {
    console.error = log;
  }
}

/** Runs `body` with a connection of its own to the test database, to read its locks and sessions. */
async function withDatabase(body: (db: pg.Client) => Promise<void>): Promise<void> {
  assert.ok(postgres);
  const db = new pg.Client({ connectionString: postgres.url });
  await db.connect();
  try {
    await body(db);
  } finally {
    await db.end();
  }
}

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

  test("a HEAD waits for a PATCH's arrival on another instance until that PATCH lets go of it", async () => {
    const a = instance();
    const b = instance();
    const arrived = a.arrivals.arrive('upload-7');
    await a.ping(); // the arrival is taken before the connection's next query
    const waiting = b.arrivals.elsewhere('upload-7');
    assert.ok(await pendingAfter(waiting, 200), 'the HEAD still waits');
    arrived();
    assert.equal(await pendingAfter(waiting, 2000), false, 'the HEAD goes on once the PATCH holds its lock');
    // Another upload's HEAD never waited for it.
    const other = a.arrivals.arrive('upload-8');
    await a.ping();
    assert.equal(await pendingAfter(b.arrivals.elsewhere('upload-9'), 2000), false);
    other();
  });

  test("an instance's own arrivals do not hold its HEADs here (they are waited for in memory)", async () => {
    const a = instance();
    const arrived = a.arrivals.arrive('upload-10');
    await a.ping();
    assert.equal(await pendingAfter(a.arrivals.elsewhere('upload-10'), 2000), false);
    arrived();
  });

  test('two PATCHes arrived on one instance hold a HEAD elsewhere until both let go', async () => {
    const a = instance();
    const b = instance();
    const first = a.arrivals.arrive('upload-11');
    const second = a.arrivals.arrive('upload-11');
    await a.ping();
    first();
    first(); // letting go twice does not let go of the other's
    await a.ping();
    const waiting = b.arrivals.elsewhere('upload-11');
    assert.ok(await pendingAfter(waiting, 200), 'the second PATCH still holds it');
    second();
    assert.equal(await pendingAfter(waiting, 2000), false);
  });

  test("a dead instance's arrivals hold nobody, and a stuck one holds a HEAD only until the timeout", async () => {
    const dying = instance();
    const b = instance({ acquireLockTimeout: 300 });
    dying.arrivals.arrive('upload-12');
    await dying.ping();
    const waiting = b.arrivals.elsewhere('upload-12');
    assert.ok(await pendingAfter(waiting, 100));
    await dying.close();
    assert.equal(await pendingAfter(waiting, 2000), false);

    const stuck = instance();
    stuck.arrivals.arrive('upload-13');
    await stuck.ping();
    const started = Date.now();
    await b.arrivals.elsewhere('upload-13');
    assert.ok(Date.now() - started >= 300, 'it waited for the timeout');
  });

  test('a connection that fails releases every lock held, fails the queries waiting on it, and the next lock opens a new one', () =>
    withDatabase((db) =>
      logging(async (logged) => {
        const a = instance();
        const released: string[] = [];
        // Asked to release, each request lets go of its lock, as @tus/server's requests do.
        for (const id of ['upload-15', 'upload-16']) {
          const lock = a.newLock(id);
          await lock.lock(never, async () => {
            released.push(id);
            await lock.unlock();
          });
        }
        const [session] = await holders(db, lockKey('upload-15'));
        assert.ok(session, 'the lock is held in the database');
        // A query that waits in the database (an arrival behind someone's exclusive lock on its
        // key), and three behind it, waiting their turn on the connection when it fails.
        await db.query('SELECT pg_advisory_lock($1)', [arrivalKey('upload-17')]);
        a.arrivals.arrive('upload-17');
        const settled = Promise.allSettled([a.ping(), a.ping(), a.ping()]);
        await sleep(100);
        await db.query('SELECT pg_terminate_backend($1)', [session]);
        assert.equal(await pendingAfter(settled, 5000), false, 'the queries waiting on the failed connection settle');
        assert.deepEqual(
          (await settled).map((answer) => answer.status),
          ['rejected', 'rejected', 'rejected'],
        );
        assert.deepEqual(released.sort(), ['upload-15', 'upload-16'], 'every request holding a lock was asked to release');
        assert.ok(logged.some((line) => /the database connection failed/.test(line)));
        // PostgreSQL freed the failed session's locks; the next lock is taken on a new connection.
        const again = a.newLock('upload-15');
        await again.lock(never, () => undefined);
        const [now] = await holders(db, lockKey('upload-15'));
        assert.ok(now !== undefined && now !== session, 'held on a new session');
        await again.unlock();
      }),
    ));

  test('a database that does not answer holds no HEAD, and is logged once', async () => {
    const unreachable = new PgLocker(`postgres://postgres@127.0.0.1:${await freePort()}/postgres`);
    lockers.push(unreachable);
    await logging(async (logged) => {
      unreachable.arrivals.arrive('upload-14')();
      assert.equal(await pendingAfter(unreachable.arrivals.elsewhere('upload-14'), 5000), false);
      assert.equal(await pendingAfter(unreachable.arrivals.elsewhere('upload-14'), 5000), false);
      assert.equal(logged.length, 1, `logged: ${JSON.stringify(logged)}`);
      assert.match(logged[0], /HEADs wait for this instance's PATCHes only/);
    });
  });

  test('a database session that stops answering is given up: its requests release, and locks go on on a new one', () =>
    withDatabase((db) =>
      logging(async (logged) => {
        let stopped: number | undefined;
        try {
          const a = instance({ queryTimeoutMs: 500 });
          const held = a.newLock('upload-30');
          let released = 0;
          await held.lock(never, () => void released++);
          [stopped] = await holders(db, lockKey('upload-30'));
          assert.ok(stopped, 'the lock is held in the database');
          // The session's server process hangs: its socket stays open, and nothing answers on it.
          process.kill(stopped, 'SIGSTOP');
          const other = a.newLock('upload-31');
          const taken = other.lock(never, () => undefined);
          assert.equal(await pendingAfter(taken, 5000), false, 'a lock asked for on the silent connection is taken');
          await taken;
          const [now] = await holders(db, lockKey('upload-31'));
          assert.ok(now !== undefined && now !== stopped, 'held on a new session');
          assert.equal(released, 1, 'the request holding a lock on the silent session was asked to release');
          assert.ok(logged.some((line) => /did not answer within 500 ms/.test(line)));
          await other.unlock();
          // Once it runs again, the given-up session hears the connection closed, ends, and frees its lock.
          process.kill(stopped, 'SIGCONT');
          stopped = undefined;
          const again = instance().newLock('upload-30');
          assert.equal(
            await pendingAfter(
              again.lock(never, () => undefined),
              5000,
            ),
            false,
            'the given-up session freed its lock',
          );
          await again.unlock();
        } finally {
          if (stopped) process.kill(stopped, 'SIGCONT');
        }
      }),
    ));

  test('sends one query at a time on its connection: pg never queues one, nor warns', async () => {
    const a = instance();
    // PATCHes arriving, taking and letting go of their locks, HEADs and pings, all at once.
    await Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        const id = `upload-burst-${n % 5}`;
        const arrived = a.arrivals.arrive(id);
        const lock = a.newLock(`${id}-${n}`);
        await Promise.all([lock.lock(never, () => undefined), a.ping(), a.arrivals.elsewhere(id), a.requestRelease(id)]);
        arrived();
        await lock.unlock();
      }),
    );
    await sleep(50); // warnings are emitted on the next tick
    assert.deepEqual(
      warnings.filter((warning) => /client\.query\(\)/.test(warning)),
      [],
    );
  });
});
