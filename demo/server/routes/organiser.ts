import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps.js';

/** The organiser API, `/v1/organiser/…` (issue 13, item 2): filled in by the organiser work. */
export function organiserRoutes(_deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
