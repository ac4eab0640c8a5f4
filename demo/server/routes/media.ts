import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps.js';

/** Files of published contributions, `/v1/media/…` (issue 13, item 3): filled in by the organiser work. */
export function mediaRoutes(_deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
