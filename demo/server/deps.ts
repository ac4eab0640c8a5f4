import type { Catalogue } from './catalogue.js';
import type { ContributionStore } from './stores/contributions.js';
import type { UploadStore } from './stores/uploads.js';
import type { Locks } from './stores/locks.js';
import type { OrganiserTokens } from './auth.js';
import type { Limits, RateLimiter } from './limits.js';

/** What every group of routes is built from: the stores, the calls, and where the server is reached. */
export interface AppDeps {
  catalogue: Catalogue;
  /** Per-client creation rate and per-call unfinished bytes. */
  limits: Limits;
  /** Client addresses come from X-Forwarded-For (a reverse proxy in front). */
  trustProxy: boolean;
  /** One token bucket per client address, shared by every route that creates something. */
  creations: RateLimiter;
  /** Uploads their owner is deleting right now: no contribution may claim them meanwhile. */
  uploadsBeingDeleted: Set<string>;
  contributions: ContributionStore;
  uploads: UploadStore;
  locks: Locks;
  /** The base URL every link and upload endpoint is built on, without a trailing slash. */
  publicUrl: string;
  /** The widgets' script the embed page runs (an absolute URL). */
  embedScript: string;
  /** Whether a page on this origin may call the API from a browser. */
  originAllowed(origin: string): boolean;
  /** The bearer tokens of the organiser API, per campaign. */
  organiserTokens: OrganiserTokens;
  // Scale-out (issue 19).
  /** What `/readyz` checks (database, storage), by name. */
  readiness?: import('./operations.js').ReadinessChecks;
  /** One line per answered request, with its request id. */
  requestLog?: (line: import('./operations.js').RequestLine) => void;
}

/** The Hono environment the routes run in: @hono/node-server's bindings. */
export interface AppEnv {
  Bindings: {
    incoming: import('node:http').IncomingMessage;
    outgoing: import('node:http').ServerResponse;
  };
}
