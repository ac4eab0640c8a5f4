import { createHash } from 'node:crypto';
import pg from 'pg';
import { ERRORS, type Lock, type RequestRelease } from '@tus/server';
import type { Locks, SharedArrivals } from './locks.js';

const releaseChannel = 'tus_lock_release';

/** The advisory lock key for an upload id: 64 bits of its SHA-256. */
export const lockKey = (id: string): string => createHash('sha256').update(id).digest().readBigInt64BE(0).toString();
/** The key of an upload's arrived PATCHes: the next 64 bits of the same hash. */
export const arrivalKey = (id: string): string => createHash('sha256').update(id).digest().readBigInt64BE(8).toString();

/**
 * @tus/server's `Locker` on PostgreSQL advisory locks, so that instances behind a load balancer
 * never write one upload at once. Each instance keeps one connection of its own that holds the
 * locks of its requests (session locks: when an instance dies, PostgreSQL frees its locks with
 * the connection) and listens for release requests.
 *
 * As with @tus/server's MemoryLocker, a request that wants a lock someone holds asks the holder
 * to let go (tus clients resume on another connection when one stalls, and the stalled request
 * must not keep the upload locked): a holder on this instance is asked directly, one on another
 * instance through NOTIFY. The waiter then tries again until it has the lock, its request is
 * aborted, or the timeout passes.
 *
 * A PATCH's arrival is shared too (`arrivals`), so that a HEAD on another instance waits for it.
 *
 * A connection that stops answering (a network that drops packets, a database host that hangs)
 * is given up after `queryTimeoutMs`, as one that fails is: its requests are asked to release, and
 * a request waiting for a lock tries again on a new connection. TCP keepalives on both ends let
 * PostgreSQL end the given-up session, and free its locks, within about half a minute.
 */
export class PgLocker implements Locks {
  /** Locks held by this instance's requests, with how to ask each holder to release. */
  readonly held = new Map<string, RequestRelease>();
  readonly arrivals: SharedArrivals;
  private connection?: Promise<Connection>;
  /** The connection once it is open. */
  private open?: Connection;
  private readonly timeoutMs: number;
  private readonly retryMs: number;
  private readonly queryTimeoutMs: number;

  /**
   * `acquireLockTimeout`: how long a request waits for a lock (30 s); `retryMs`: between its tries
   * (25 ms); `queryTimeoutMs`: how long a query may go unanswered before the connection is given
   * up (10 s).
   */
  constructor(
    private readonly url: string,
    options: { acquireLockTimeout?: number; retryMs?: number; queryTimeoutMs?: number } = {},
  ) {
    this.timeoutMs = options.acquireLockTimeout ?? 30_000;
    this.retryMs = options.retryMs ?? 25;
    this.queryTimeoutMs = options.queryTimeoutMs ?? 10_000;
    this.arrivals = new PgArrivals(this, this.timeoutMs, this.retryMs);
  }

  newLock(id: string): Lock {
    return new PgLock(id, this, this.timeoutMs, this.retryMs);
  }

  /** The connection that holds this instance's locks, opened on first use. */
  client(): Promise<Connection> {
    this.connection ??= this.connect().catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    return this.connection;
  }

  /** Asks whichever instance holds the lock on `id` to release it. */
  async requestRelease(id: string): Promise<void> {
    const client = await this.client();
    await client.query('SELECT pg_notify($1, $2)', [releaseChannel, id]);
  }

  /** Whether the database answers (for `/readyz`). */
  async ping(): Promise<void> {
    await (await this.client()).query('SELECT 1');
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection) await (await connection.catch(() => undefined))?.end();
  }

  private async connect(): Promise<Connection> {
    const client = new pg.Client({
      connectionString: this.url,
      // Named for whoever reads pg_stat_activity.
      application_name: 'open-call tus locks',
      connectionTimeoutMillis: this.queryTimeoutMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    const connection = new Connection(client, this.queryTimeoutMs, (error) => this.lost(connection, error));
    client.on('notification', (message) => {
      if (message.channel !== releaseChannel || !message.payload) return;
      void this.held.get(message.payload)?.();
    });
    client.on('error', (error) => this.lost(connection, error));
    await client.connect();
    // PostgreSQL's own keepalives: a session whose instance went silent ends, and frees its locks.
    await connection.query('SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3');
    await connection.query(`LISTEN ${releaseChannel}`);
    this.open = connection;
    return connection;
  }

  /**
   * The connection failed or stopped answering: PostgreSQL frees (or, for a silent one, will
   * free) every lock it held, so the requests holding them must stop writing, and the next lock
   * opens a new connection.
   */
  private lost(connection: Connection, error: Error): void {
    if (!connection.failed(error)) return;
    console.error(`locks: the database connection failed (${error.message}); releasing this instance's uploads`);
    // Forgotten at once, so that a released request's unlock goes to the next connection. One
    // that failed while it opened is forgotten by client().
    if (this.open === connection) {
      this.open = undefined;
      this.connection = undefined;
    }
    for (const release of this.held.values()) void release();
  }
}

/** A query that could not be answered on a connection that has failed: another connection may answer it. */
class ConnectionLost extends Error {}

/**
 * The instance's one connection, sending one query at a time in the order they were asked: an
 * arrival's shared lock is taken before the upload's lock that the same PATCH asks for next.
 * pg 8 queues a query sent while another runs (with a deprecation warning); pg 9 will not.
 */
class Connection {
  /** The last query asked, settled or not: the next one is sent once it has settled. */
  private last: Promise<unknown> = Promise.resolve();
  private failure?: ConnectionLost;

  constructor(
    private readonly client: pg.Client,
    private readonly timeoutMs: number,
    private readonly silent: (error: Error) => void,
  ) {}

  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<pg.QueryResult<Row>> {
    const answer = this.last.then(() => {
      // The queries still waiting when the connection fails are never sent: each fails at once.
      if (this.failure) throw this.failure;
      return new Promise<pg.QueryResult<Row>>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.silent(new Error(`the database did not answer within ${this.timeoutMs} ms`));
          reject(this.failure);
        }, this.timeoutMs);
        this.client
          .query<Row>(sql, values)
          .then(resolve, (error: unknown) => reject(this.failure ?? error))
          .finally(() => clearTimeout(timer));
      });
    });
    this.last = answer.catch(() => undefined);
    return answer;
  }

  /**
   * The connection failed: nothing more is sent on it, and it is closed, so that PostgreSQL
   * ends its session (and frees its locks) as soon as it hears. Says whether this is news.
   */
  failed(error: Error): boolean {
    if (this.failure) return false;
    this.failure = new ConnectionLost(error.message, { cause: error });
    // Not waited for: a silent database may never answer the goodbye.
    this.client.end().catch(() => undefined);
    return true;
  }

  end(): Promise<void> {
    return this.client.end();
  }
}

class PgLock implements Lock {
  constructor(
    private readonly id: string,
    private readonly locker: PgLocker,
    private readonly timeoutMs: number,
    private readonly retryMs: number,
  ) {}

  async lock(stopSignal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    const key = lockKey(this.id);
    for (;;) {
      if (stopSignal.aborted || Date.now() > deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      const holder = this.locker.held.get(this.id);
      if (holder) {
        // Held by a request on this instance: advisory locks are re-entrant within a session,
        // so the connection cannot tell the two apart; the map does.
        await holder();
      } else {
        this.locker.held.set(this.id, requestRelease);
        let locked = false;
        try {
          const client = await this.locker.client();
          const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key]);
          locked = rows[0]?.locked === true;
          if (!locked) await this.locker.requestRelease(this.id);
        } catch (error) {
          this.locker.held.delete(this.id);
          // The connection failed under this request: it tries again on a new one.
          if (!(error instanceof ConnectionLost)) throw error;
        }
        if (locked) return;
        this.locker.held.delete(this.id);
      }
      await new Promise((resolve) => setTimeout(resolve, this.retryMs));
    }
  }

  async unlock(): Promise<void> {
    try {
      // Released in the database first, so that no request on this instance takes the lock
      // while the connection still holds it.
      const client = await this.locker.client();
      await client.query('SELECT pg_advisory_unlock($1)', [lockKey(this.id)]);
    } finally {
      this.locker.held.delete(this.id);
    }
  }
}

/**
 * Each arrived PATCH holds a shared advisory lock on its upload's arrival key, on the instance's
 * connection, until it holds the upload's lock or has ended; a HEAD waits until no other session
 * holds one. Its own session's are not seen (a session's locks never conflict with each other):
 * this instance's arrivals are waited for in memory. No request ever waits in the database for
 * the arrival key, so taking it never blocks the connection for longer than a test of it lasts.
 * When the database fails, HEADs wait for this instance's PATCHes only, as on a single instance.
 */
class PgArrivals implements SharedArrivals {
  /** Whether the failure under way was logged: once, until the database answers again. */
  private logged = false;

  constructor(
    private readonly locker: PgLocker,
    private readonly timeoutMs: number,
    private readonly retryMs: number,
  ) {}

  arrive(id: string): () => void {
    const key = arrivalKey(id);
    // Asked at once, so that the connection takes it before this PATCH asks for the upload's lock.
    const taken = this.query('SELECT pg_advisory_lock_shared($1)', key);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Shared locks count: each arrival lets go of exactly the one it took, on the session it
      // took it on (a connection that failed has freed it already).
      void taken.then((held) => held && this.query('SELECT pg_advisory_unlock_shared($1)', key, held.client));
    };
  }

  async elsewhere(id: string, signal?: AbortSignal): Promise<void> {
    const key = arrivalKey(id);
    const deadline = Date.now() + this.timeoutMs;
    // Taken and let go of in one statement: an arriving PATCH's shared lock waits no longer.
    const test = 'SELECT CASE WHEN pg_try_advisory_lock($1) THEN pg_advisory_unlock($1) ELSE false END AS free';
    for (;;) {
      const answer = await this.query<{ free: boolean }>(test, key);
      // A database that fails, a HEAD gone, or a PATCH stuck on its way: the HEAD queues for the
      // upload's lock as it would on a single instance.
      if (!answer || answer.rows[0]?.free === true || signal?.aborted || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, this.retryMs));
    }
  }

  /** `sql` on the connection (or on `on`): its rows and the connection, or undefined once logged. */
  private async query<Row extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    key: string,
    on?: Connection,
  ): Promise<{ rows: Row[]; client: Connection } | undefined> {
    try {
      const client = on ?? (await this.locker.client());
      const { rows } = await client.query<Row>(sql, [key]);
      this.logged = false;
      return { rows, client };
    } catch (error) {
      if (!this.logged)
        console.error(
          `locks: the database did not answer for a PATCH's arrival (${(error as Error).message}); ` +
            "HEADs wait for this instance's PATCHes only until it does",
        );
      this.logged = true;
      return undefined;
    }
  }
}
