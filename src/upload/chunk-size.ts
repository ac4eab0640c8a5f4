import { defaultStorage } from './resume-store.js';

/**
 * How large each chunk of an upload is. Chunks start small and double while they pass, up to
 * the configured size; a proxy that refuses a body (413, or its CORS-less look-alike: no answer
 * to a PATCH larger than any that passed) halves them, and the largest size that passes is
 * remembered for the endpoint (in localStorage, beside the resume entries), so that the next
 * upload there starts at it and wastes nothing. An endpoint that took a chunk of the configured
 * size is remembered too: the next upload there starts at that size instead of growing again
 * (each doubling is one more request and round trip).
 */

/** Small enough for every common proxy limit, large enough that growing takes few round trips. */
export const firstChunkSize = 2 * 1024 * 1024;
/** A proxy that refuses even this is refused in turn: the upload fails with a message. */
export const smallestChunkSize = 64 * 1024;
/** Proxy limits change rarely; a changed one costs at most this long of smaller chunks. */
export const learnedLimitMaxAgeMs = 7 * 24 * 3600 * 1000;

const prefix = 'open-call-widgets:chunk-limit:';

/** What is kept for an endpoint: a limit a proxy set (`limit` absent: entries before it existed), or a size that passed. */
interface Remembered {
  size: number;
  at: number;
  limit?: boolean;
}

/** One upload's chunk size, as it learns what passes. */
export class ChunkSizer {
  /** The size of the next chunk. */
  size: number;
  readonly #key: string;
  readonly #storage: Storage | undefined;
  readonly #maxSize: number;
  /** Never more than this: the configured size, or a limit learned from a refusal. */
  #ceiling: number;
  /** The largest chunk that went through in this upload. */
  #largestPassed = 0;
  /** A limit learned from a refusal, kept once a chunk of that size has passed. */
  #learned?: number;
  #failuresAtSize = 0;
  /** Whether the endpoint's largest chunk is worth remembering: no proxy limit is known, none remembered yet. */
  #mayRememberLargest: boolean;

  constructor(endpoint: string, maxSize: number, storage = defaultStorage(), maxAgeMs = learnedLimitMaxAgeMs) {
    this.#key = prefix + endpoint;
    this.#storage = storage;
    this.#maxSize = maxSize;
    const known = this.#remembered(maxAgeMs);
    const passed = known?.limit === false;
    this.#ceiling = passed ? maxSize : Math.min(maxSize, known?.size ?? maxSize);
    // A size that passed is no limit: it may only start the upload above the first size.
    this.size = Math.min(this.#ceiling, passed ? Math.max(firstChunkSize, known.size) : (known?.size ?? firstChunkSize));
    this.#mayRememberLargest = !known || passed;
  }

  /** A chunk of `bytes` went through: grow, unless it was a short last chunk. */
  passed(bytes: number): void {
    this.#failuresAtSize = 0;
    this.#largestPassed = Math.max(this.#largestPassed, bytes);
    if (this.#learned && bytes >= this.#learned) {
      this.#remember({ size: this.#learned, at: Date.now() });
      this.#learned = undefined;
    } else if (this.#mayRememberLargest && this.#ceiling === this.#maxSize && bytes >= this.#maxSize) {
      // Once per upload: the endpoint took the largest chunk, and nothing was refused.
      this.#mayRememberLargest = false;
      this.#remember({ size: bytes, at: Date.now(), limit: false });
    }
    if (bytes >= this.size) this.size = Math.min(this.#ceiling, this.size * 2);
  }

  #remember(entry: Remembered): void {
    try {
      this.#storage?.setItem(this.#key, JSON.stringify(entry));
    } catch {
      // Storage full or refused: the next upload learns again.
    }
  }

  /**
   * A chunk request failed with `status` (0: no answer). Returns whether the chunk was refused
   * for its size (and the size is now smaller); false when it cannot be smaller or was not refused.
   */
  failed(status: number, method: string): boolean {
    if (method !== 'PATCH') return false;
    if (status === 413) return this.#refused();
    if (status !== 0 || this.size <= this.#largestPassed) return false;
    // No answer to a chunk larger than any that passed: a proxy's 413 without CORS headers reads
    // so. Right after growing, that is the likeliest reason; before any chunk passed, only when
    // it happens twice (a dropped connection is likelier once).
    return this.#largestPassed > 0 || ++this.#failuresAtSize >= 2 ? this.#refused() : false;
  }

  #refused(): boolean {
    this.#failuresAtSize = 0;
    if (this.size <= smallestChunkSize) return false;
    this.#ceiling = this.#learned = this.size = Math.max(smallestChunkSize, Math.floor(this.size / 2));
    return true;
  }

  /** What is known of this endpoint, unless it has expired (then it is dropped). */
  #remembered(maxAgeMs: number): Remembered | undefined {
    try {
      const known = JSON.parse(this.#storage?.getItem(this.#key) ?? '') as Remembered;
      if (known.size >= smallestChunkSize && Date.now() - known.at <= maxAgeMs) return known;
    } catch {
      // Nothing learned, or unreadable.
    }
    this.#storage?.removeItem(this.#key);
    return undefined;
  }
}
