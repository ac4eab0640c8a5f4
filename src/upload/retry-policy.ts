import type { DetailedError } from 'tus-js-client';

/**
 * When an upload asks again, and when it gives up on the upload it has. A gateway in front of a
 * restarting tus server answers 502 for a while, and tus-js-client on its own takes any failed
 * HEAD for a lost upload and starts over from byte 0, leaving the old one on the server. Here
 * only a server that says the upload is gone (404, 410) or no longer ours (403) makes a new one.
 */

/** Waits between attempts; the count starts again whenever bytes get through. */
export const retryDelays = [0, 1000, 3000, 5000, 10_000, 20_000];

/** What an answer to the offset question (HEAD) means for the upload. */
export type ResumeVerdict = 'continue' | 'replace' | 'retry' | 'fail';

export function verdictOnResume(status: number): ResumeVerdict {
  if (status >= 200 && status < 300) return 'continue';
  if (status === 404 || status === 410 || status === 403) return 'replace';
  return isPassing(status) ? 'retry' : 'fail';
}

/** A failure that goes away by itself: no answer, a server error, busy, locked, or a stale offset. */
export function isPassing(status: number): boolean {
  return status === 0 || status >= 500 || status === 408 || status === 409 || status === 423 || status === 429;
}

/**
 * Raised on a HEAD answered with anything but an offset or "gone", so that tus-js-client
 * treats it as a failed request (and asks again) instead of creating a new upload.
 */
export class ResumeUnanswered extends Error {
  constructor(readonly status: number) {
    super(`HEAD ${status}`);
  }
}

/** The HTTP status behind a tus-js-client error: its response's, or the one a HEAD was refused with. */
export function statusOf(err: Partial<Pick<DetailedError, 'originalResponse' | 'causingError'>>): number {
  const status = err.originalResponse?.getStatus();
  if (status) return status;
  return err.causingError instanceof ResumeUnanswered ? err.causingError.status : 0;
}
