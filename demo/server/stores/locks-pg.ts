import { createHash } from 'node:crypto';
import pg from 'pg';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/server';

const releaseChannel = 'tus_lock_release';

/** The advisory lock key for an upload id: 64 bits of its SHA-256. */
export const lockKey = (id: string): string => createHash('sha256').update(id).digest().readBigInt64BE(0).toString();

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
 */
export class PgLocker implements Locker {
  /** Locks held by this instance's requests, with how to ask each holder to release. */
  readonly held = new Map<string, RequestRelease>();
  private connection?: Promise<pg.Client>;

  constructor(
    private readonly url: string,
    private readonly options: { acquireLockTimeout?: number; retryMs?: number } = {},
  ) {}

  newLock(id: string): Lock {
    return new PgLock(id, this, this.options.acquireLockTimeout ?? 30_000, this.options.retryMs ?? 25);
  }

  /** The connection that holds this instance's locks, opened on first use. */
  client(): Promise<pg.Client> {
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

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.channel !== releaseChannel || !message.payload) return;
      void this.held.get(message.payload)?.();
    });
    client.on('error', (error) => {
      // PostgreSQL has freed every lock this connection held: the requests holding them must
      // stop writing, and the next lock opens a new connection.
      console.error(`locks: the database connection failed (${error.message}); releasing this instance's uploads`);
      this.connection = undefined;
      for (const release of this.held.values()) void release();
    });
    await client.connect();
    await client.query(`LISTEN ${releaseChannel}`);
    return client;
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
          throw error;
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
