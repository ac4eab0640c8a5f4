/**
 * How large each chunk of an upload is. Chunks start small and double while they pass, up to
 * the configured size; a proxy that refuses a body (413, or its CORS-less look-alike: no answer
 * to a PATCH larger than any that passed) halves them, and the largest size that passes is
 * remembered for the endpoint, so that the next upload there starts at it and wastes nothing.
 */

/** Small enough for every common proxy limit, large enough that growing takes few round trips. */
export const firstChunkSize = 2 * 1024 * 1024;
/** A proxy that refuses even this is refused in turn: the upload fails with a message. */
export const smallestChunkSize = 64 * 1024;

const prefix = 'open-call-widgets:chunk-limit:';

interface Remembered {
  size: number;
  at: number;
}

/** An endpoint's learned limits, in localStorage beside the resume entries; they expire. */
export class ChunkLimitStore {
  readonly #maxAgeMs: number;
  readonly #storage: Storage | undefined;

  constructor(options: { maxAgeMs?: number; storage?: Storage } = {}) {
    // Proxy limits change rarely; a week keeps a changed one from costing more than a week.
    this.#maxAgeMs = options.maxAgeMs ?? 7 * 24 * 3600 * 1000;
    this.#storage = options.storage ?? defaultStorage();
  }

  /** The largest chunk known to pass to `endpoint`, if one was learned and is still fresh. */
  limitFor(endpoint: string): number | undefined {
    const key = prefix + endpoint;
    let found: Remembered | undefined;
    try {
      found = JSON.parse(this.#storage?.getItem(key) ?? 'null') as Remembered | undefined;
    } catch {
      found = undefined;
    }
    if (!found || !(found.size >= smallestChunkSize) || !(Date.now() - found.at <= this.#maxAgeMs)) {
      if (found !== null) this.#storage?.removeItem(key);
      return undefined;
    }
    return found.size;
  }

  remember(endpoint: string, size: number): void {
    try {
      this.#storage?.setItem(prefix + endpoint, JSON.stringify({ size, at: Date.now() } satisfies Remembered));
    } catch {
      // Storage full or refused: the next upload learns the limit again.
    }
  }
}

function defaultStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The page's store: every uploader learns from every other. */
export const chunkLimits = new ChunkLimitStore();

/** One upload's chunk size, as it learns what passes. */
export class ChunkSizer {
  /** The size of the next chunk. */
  size: number;
  readonly #endpoint: string;
  readonly #store: ChunkLimitStore;
  /** Never more than this: the configured size, or a limit learned from a refusal. */
  #ceiling: number;
  /** The largest chunk that went through in this upload. */
  #largestPassed = 0;
  /** A limit learned from a refusal, kept once a chunk of that size has passed. */
  #learned?: number;
  #failuresAtSize = 0;

  constructor(endpoint: string, maxSize: number, store: ChunkLimitStore = chunkLimits) {
    this.#endpoint = endpoint;
    this.#store = store;
    const known = store.limitFor(endpoint);
    this.#ceiling = Math.max(smallestChunkSize, Math.min(maxSize, known ?? maxSize));
    this.size = known ? this.#ceiling : Math.min(this.#ceiling, firstChunkSize);
  }

  /** A chunk of `bytes` went through: grow, unless it was a short last chunk. */
  passed(bytes: number): void {
    this.#failuresAtSize = 0;
    this.#largestPassed = Math.max(this.#largestPassed, bytes);
    if (this.#learned !== undefined && bytes >= this.#learned) {
      this.#store.remember(this.#endpoint, this.#learned);
      this.#learned = undefined;
    }
    if (bytes >= this.size) this.size = Math.min(this.#ceiling, this.size * 2);
  }

  /**
   * A chunk request failed with `status` (0: no answer). Returns whether the chunk was refused
   * for its size (and the size is now smaller); false when it cannot be smaller or was not refused.
   */
  failed(status: number, method: string): boolean {
    if (method !== 'PATCH' && method !== 'POST') return false;
    if (status === 413) return this.#refused();
    if (status !== 0 || this.size <= this.#largestPassed) return false;
    // No answer to a chunk larger than any that passed: a proxy's 413 without CORS headers reads
    // so. Right after growing, that is the likeliest reason; before any chunk passed, only when
    // it happens twice (a dropped connection is likelier once).
    this.#failuresAtSize++;
    return this.#largestPassed > 0 || this.#failuresAtSize >= 2 ? this.#refused() : false;
  }

  #refused(): boolean {
    this.#failuresAtSize = 0;
    if (this.size <= smallestChunkSize) return false;
    this.size = Math.max(smallestChunkSize, Math.floor(this.size / 2));
    this.#ceiling = this.size;
    this.#learned = this.size;
    return true;
  }
}
