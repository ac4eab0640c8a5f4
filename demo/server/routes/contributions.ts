import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps.js';

/** Published contributions, `GET /v1/contributions` (issue 13, item 3): filled in by the organiser work. */
export function publicContributionRoutes(_deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
