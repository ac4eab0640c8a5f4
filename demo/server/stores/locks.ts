import { MemoryLocker, type Locker } from '@tus/server';

/**
 * Locks that keep two requests from writing the same upload at once (@tus/server's `Locker`).
 * The in-process default is enough for one instance; several instances behind a load balancer
 * need a shared one (PostgreSQL advisory locks).
 */
export type Locks = Locker;

export const inProcessLocks = (): Locks => new MemoryLocker();
