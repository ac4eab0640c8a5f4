import type { Problem } from './types.js';
import { ContractError, parseProblem } from './validate.js';

/**
 * Why a backend call failed, in terms a widget can word for a person:
 * - `unreachable`: no answer at all (offline, server down, CORS refused);
 * - `timeout`: no answer in time;
 * - `not-found`: the backend says there is no such thing (404);
 * - `problem`: the backend answered an error, with a problem document when it sent one;
 * - `invalid`: the backend answered, but not in the contract's shape (HTML, wrong fields).
 */
export type BackendErrorKind = 'unreachable' | 'timeout' | 'not-found' | 'problem' | 'invalid';

export class BackendError extends Error {
  override name = 'BackendError';
  constructor(
    readonly kind: BackendErrorKind,
    message: string,
    readonly status = 0,
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH';
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  /** Give up after this long; the default suits a slow mobile connection. */
  timeoutMs?: number;
}

const defaultTimeoutMs = 15_000;

/**
 * The one way the library talks to a backend: JSON in, JSON out, every failure turned into a
 * BackendError. An abort by the caller rejects with the signal's reason, untouched, so that
 * callers can tell "nobody wants this any more" from a failure.
 */
export async function requestJson(url: string, options: RequestOptions = {}): Promise<unknown> {
  return send(url, options, 'application/json, application/problem+json', async (res, type, combined) => {
    if (/\bjson\b/i.test(type))
      try {
        return await res.json();
      } catch {
        combined.throwIfAborted();
      }
    throw new BackendError('invalid', `${url} did not answer JSON (Content-Type: ${type || 'none'}).`, res.status);
  });
}

/**
 * A request and its errors, whatever the answer's body: `read` turns the response into the
 * result. `requestJson` reads JSON; an organiser's export zip is read as a file (in
 * http-contributions.ts, so that a list never downloads that code).
 */
export async function send<T>(
  url: string,
  options: RequestOptions,
  accept: string,
  read: (res: Response, type: string, combined: AbortSignal) => Promise<T>,
): Promise<T> {
  const { method = 'GET', headers = {}, body, signal, timeoutMs = defaultTimeoutMs } = options;
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new BackendError('timeout', `${method} ${url} did not answer in ${timeoutMs / 1000} s.`)),
    timeoutMs,
  );
  const combined = AbortSignal.any(signal ? [signal, timeout.signal] : [timeout.signal]);
  try {
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        signal: combined,
        // GETs always revalidate: the browser sends If-None-Match with the ETag it holds, and
        // a 304 costs the backend almost nothing. The in-memory cache avoids even that.
        cache: method === 'GET' ? 'no-cache' : 'no-store',
        credentials: 'omit',
        headers: {
          Accept: accept,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      // Aborted, by the caller or the timer: the first one's reason, untouched.
      combined.throwIfAborted();
      throw new BackendError('unreachable', `${method} ${url} did not answer: ${(error as Error).message}`);
    }
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok) {
      let json: unknown;
      if (/\bjson\b/i.test(type))
        try {
          json = await res.json();
        } catch {
          combined.throwIfAborted();
        }
      const problem = parseProblem(json);
      const kind = res.status === 404 ? 'not-found' : 'problem';
      const said = problem?.detail ?? problem?.title;
      throw new BackendError(kind, `${method} ${url} answered ${res.status}${said ? `: ${said}` : '.'}`, res.status, problem);
    }
    return await read(res, type, combined);
  } finally {
    clearTimeout(timer);
  }
}

/** Wraps a contract check so that a wrong shape becomes an `invalid` BackendError naming the field. */
export function checked<T>(value: unknown, parse: (v: unknown) => T): T {
  try {
    return parse(value);
  } catch (error) {
    if (error instanceof ContractError) throw new BackendError('invalid', error.message);
    throw error;
  }
}
