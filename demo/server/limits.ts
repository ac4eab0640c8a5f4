import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './deps.js';
import { Problem } from './problem.js';

/** Limits that keep one client from exhausting the server. */
export interface Limits {
  /** New uploads plus new contributions one client address may start per minute. */
  creationsPerMinute: number;
  /** Bytes of unfinished uploads one call may hold at once (a deferred length counts as the call's maximum). */
  pendingBytesPerCall: number;
}

export const defaultLimits: Limits = { creationsPerMinute: 120, pendingBytesPerCall: 4 * 1024 ** 3 };

/**
 * A token bucket per client address: `perMinute` requests at once, refilled evenly over a minute.
 * Buckets that are full again are forgotten, so the map holds only recent clients.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private lastSweep = Date.now();

  constructor(private readonly perMinute: number) {}

  /** Takes one token; when none is left, how many seconds until one is. */
  take(client: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    this.sweep(now);
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (bucket.tokens < 1) return { ok: false, retryAfterSeconds: Math.ceil(((1 - bucket.tokens) * 60) / this.perMinute) };
    bucket.tokens -= 1;
    return { ok: true };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [client, bucket] of this.buckets) if (now - bucket.at >= 60_000) this.buckets.delete(client);
  }
}

/**
 * Bytes reserved by unfinished uploads, per call. An upload reserves its length (or, deferred,
 * the call's maximum) when it is created and frees it when it finishes, is terminated or expires.
 */
export class PendingUploads {
  private readonly byUpload = new Map<string, { callId: string; bytes: number }>();
  private readonly byCall = new Map<string, number>();

  constructor(private readonly perCall: number) {}

  /** Reserves room for an upload; false when the call has no room for it. */
  reserve(callId: string, uploadId: string, bytes: number): boolean {
    const held = this.byCall.get(callId) ?? 0;
    if (held + bytes > this.perCall) return false;
    this.release(uploadId);
    this.byUpload.set(uploadId, { callId, bytes });
    this.byCall.set(callId, (this.byCall.get(callId) ?? 0) + bytes);
    return true;
  }

  release(uploadId: string): void {
    const reserved = this.byUpload.get(uploadId);
    if (!reserved) return;
    this.byUpload.delete(uploadId);
    this.byCall.set(reserved.callId, (this.byCall.get(reserved.callId) ?? 0) - reserved.bytes);
  }

  /** Starts again from what the store holds (at start-up, and after expired uploads are swept). */
  reset(uploads: Iterable<{ callId: string; uploadId: string; bytes: number }>): void {
    this.byUpload.clear();
    this.byCall.clear();
    for (const u of uploads) {
      this.byUpload.set(u.uploadId, { callId: u.callId, bytes: u.bytes });
      this.byCall.set(u.callId, (this.byCall.get(u.callId) ?? 0) + u.bytes);
    }
  }
}

/**
 * The address a request came from: the socket's peer, or behind a trusted reverse proxy the
 * address it saw (the last entry of X-Forwarded-For, which the proxy appends).
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for') : undefined;
  const last = forwarded?.split(',').pop()?.trim();
  return last || c.env.incoming.socket.remoteAddress || 'unknown';
}

/** Refuses a creation (a new upload, a new contribution) beyond the client's rate, with 429. */
export function limitCreations(limiter: RateLimiter, trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const taken = limiter.take(clientAddress(c, trustProxy));
    if (!taken.ok) {
      const problem = new Problem(
        429,
        'too-many-requests',
        'Too many requests.',
        `This address has started too many uploads and contributions; try again in ${taken.retryAfterSeconds} s.`,
      );
      problem.headers['Retry-After'] = String(taken.retryAfterSeconds);
      throw problem;
    }
    await next();
  };
}
