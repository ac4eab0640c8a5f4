import { MemoryLocker, type Locker } from '@tus/server';

/**
 * Locks that keep two requests from writing the same upload at once (@tus/server's `Locker`).
 * The in-process default is enough for one instance; several instances behind a load balancer
 * need a shared one (PostgreSQL advisory locks), which also shares the PATCHes' arrivals.
 */
export interface Locks extends Locker {
  /** PATCHes on their way to their upload's lock, seen by every instance; absent on one instance. */
  readonly arrivals?: SharedArrivals;
}

/**
 * A PATCH's checks before it takes its upload's lock read the store, and take a while when the
 * store is remote or loaded: a HEAD on another instance must not overtake a PATCH that arrived
 * before it (see PatchArrivals in routes/uploads.ts, which handles this instance's own).
 */
export interface SharedArrivals {
  /** A PATCH of upload `id` arrived here; call the function once it holds the lock or has ended. */
  arrive(id: string): () => void;
  /**
   * Settles once no PATCH of `id` that arrived on another instance is still on its way to the
   * lock, once `signal` aborts, or after the locks' timeout; it never rejects.
   */
  elsewhere(id: string, signal?: AbortSignal): Promise<void>;
}

export const inProcessLocks = (): Locks => new MemoryLocker();
