/**
 * One in-memory cache for the page, shared by every widget (and every copy of the library,
 * through a global symbol), so that N widgets asking for the same URL make one request.
 *
 * A request in flight is shared: it is aborted only when every caller has aborted. A finished
 * answer is reused for `freshMs`; after that the next caller fetches again (and the browser
 * revalidates with the ETag). Failures are not kept.
 */
interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  waiting: number;
  settledAt?: number;
}

const store: Map<string, Entry> = ((globalThis as Record<symbol, unknown>)[Symbol.for('open-call-widgets/cache')] ??= new Map<
  string,
  Entry
>()) as Map<string, Entry>;

const freshMs = 30_000;

export function cached(key: string, load: (signal: AbortSignal) => Promise<unknown>, signal?: AbortSignal): Promise<unknown> {
  signal?.throwIfAborted();
  let entry = store.get(key);
  if (entry?.settledAt !== undefined && performance.now() - entry.settledAt > freshMs) {
    store.delete(key);
    entry = undefined;
  }
  if (!entry) {
    const controller = new AbortController();
    const created: Entry = { controller, waiting: 0, promise: Promise.resolve() };
    created.promise = load(controller.signal).then(
      (value) => {
        created.settledAt = performance.now();
        return value;
      },
      (error: unknown) => {
        if (store.get(key) === created) store.delete(key);
        throw error;
      },
    );
    // Callers that gave up still leave this promise behind; its rejection is theirs to see, not the page's.
    created.promise.catch(() => undefined);
    store.set(key, created);
    entry = created;
  }
  if (entry.settledAt !== undefined) return entry.promise;

  const shared = entry;
  shared.waiting++;
  // A caller that cannot abort keeps the shared request alive until it settles.
  if (!signal) return shared.promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      if (--shared.waiting === 0 && shared.settledAt === undefined) {
        shared.controller.abort(signal.reason);
        if (store.get(key) === shared) store.delete(key);
      }
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    void shared.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Forgets cached answers whose key starts with `prefix` (after a contribution changes a count, say). */
export function forget(prefix = ''): void {
  for (const key of store.keys()) if (key.startsWith(prefix)) store.delete(key);
}
