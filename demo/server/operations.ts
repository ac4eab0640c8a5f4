import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from './deps.js';

/** A backing service's check: resolves when it can be reached. */
export type ReadinessChecks = Record<string, () => Promise<void>>;

/** One answered request, as the JSON log line says it. */
export interface RequestLine {
  time: string;
  /** X-Request-Id: the load balancer's, or one made here; it is sent back in the answer. */
  id: string;
  method: string;
  path: string;
  status: number;
  ms: number;
}

const checkTimeoutMs = 2000;

/**
 * `GET /healthz`: the process answers (liveness: restart it when this fails). `GET /readyz`:
 * every backing service (database, storage) answers within two seconds (readiness: a load
 * balancer sends requests only to a ready instance). 503 names what failed.
 */
export function healthRoutes(checks: ReadinessChecks): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/healthz', (c) => c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' }));
  routes.get('/readyz', async (c) => {
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer')), checkTimeoutMs);
        });
        try {
          await Promise.race([check(), timeout]);
          return [name, 'ok'] as const;
        } catch {
          return [name, 'unreachable'] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const ready = results.every(([, result]) => result === 'ok');
    return c.json({ status: ready ? 'ready' : 'not-ready', checks: Object.fromEntries(results) }, ready ? 200 : 503, {
      'Cache-Control': 'no-store',
    });
  });
  return routes;
}

/** Hands one line per answered request, with its request id, to `write`. */
export function requestLog(write: (line: RequestLine) => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      write({
        time: new Date().toISOString(),
        // Set by hono/request-id, which runs first.
        id: c.res.headers.get('X-Request-Id') ?? '',
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      });
    }
  };
}
