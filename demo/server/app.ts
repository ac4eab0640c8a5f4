import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { access, constants as fsConstants, readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import { getRequestListener } from '@hono/node-server';
import { Catalogue } from './catalogue.js';
import { clientWentAway, Problem } from './problem.js';
import { OrganiserTokens } from './auth.js';
import type { AppDeps, AppEnv } from './deps.js';
import { callRoutes } from './routes/calls.js';
import { uploadRoutes } from './routes/uploads.js';
import { organiserRoutes } from './routes/organiser.js';
import { publicContributionRoutes } from './routes/contributions.js';
import { mediaRoutes } from './routes/media.js';
import { pageRoutes } from './routes/pages.js';
import type { ContributionStore } from './stores/contributions.js';
import { FileContributionStore } from './stores/contributions-file.js';
import { fileUploadStore, type UploadStore } from './stores/uploads.js';
import { inProcessLocks, type Locks } from './stores/locks.js';
import { defaultLimits, RateLimiter, type Limits } from './limits.js';
import { requestId } from 'hono/request-id';
import { healthRoutes, requestLog, type ReadinessChecks, type RequestLine } from './operations.js';

const here = dirname(fileURLToPath(import.meta.url));
export const defaultSeed = join(here, 'seed.json');
const openapiPath = join(here, '../../src/api/openapi.yaml');

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  dataDir: string;
  seed?: string;
  /**
   * Origins allowed to call the API from a browser. `['*']` allows any page (a public widget
   * embedded on many blogs); the default allows only localhost pages, for development.
   */
  origins?: string[];
  /**
   * The base URL every link and upload endpoint is built on (`https://calls.example.org`),
   * never the request's Host header. Default: `http://127.0.0.1:PORT`.
   */
  publicUrl?: string;
  /**
   * The widgets' script the embed page (`/embed`) runs. Default: the built CDN bundle this
   * server serves (`{publicUrl}/cdn/open-call.js`, from dist/cdn); `npm start` names its dev server's.
   */
  embedScript?: string;
  /**
   * Behind a reverse proxy: take the client's address (for per-client limits) from
   * X-Forwarded-For. Links are never built from forwarded headers: see `publicUrl`.
   */
  trustProxy?: boolean;
  /** Per-client and per-call limits; each defaults to `defaultLimits`. */
  limits?: Partial<Limits>;
  /** How long an unfinished upload is kept. */
  uploadExpiryMs?: number;
  /** Stores to use instead of the embedded defaults (files in `dataDir`). */
  stores?: { contributions?: ContributionStore; uploads?: UploadStore; locks?: Locks };
  /** Called once per answered request (method, path, status). */
  onRequest?: (line: { method: string; path: string; status: number; ms: number; bytesIn: number; userAgent: string }) => void;
  /** `--organiser-tokens FILE`: JSON `{ "<token>": ["campaign", …] | "*" }`, re-read when it changes. */
  organiserTokensFile?: string;
  /** `OPEN_CALL_ORGANISER_TOKEN`: one organiser token for every campaign. */
  organiserToken?: string;
  // Scale-out (issue 19).
  /** Backing services `/readyz` checks, by name; the data directory is checked unless `storage` is given. */
  readiness?: ReadinessChecks;
  /** Called with one line per answered request, with its X-Request-Id (the CLI's JSON log). */
  requestLog?: (line: RequestLine) => void;
}

export interface ReferenceServer {
  /** The public URL (`--public-url`), without a trailing slash. */
  url: string;
  api: string;
  /** Where the server listens (the public URL may be a proxy in front of it). */
  listenUrl: string;
  http: HttpServer;
  store: ContributionStore;
  uploads: UploadStore;
  /** Deletes unfinished uploads past their expiry (hourly on its own); how many. */
  sweepExpiredUploads(): Promise<number>;
  close(): Promise<void>;
}

const localOrigin = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * The reference backend as a Hono app: the contract's routes under /v1, tus under /v1/uploads.
 * Mount points: calls and contributions at /v1, organiser API at /v1/organiser, published
 * contributions at /v1/contributions, their files at /v1/media.
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // Operations (issue 19): a request id on every answer, a JSON line per request, /healthz, /readyz.
  app.use(requestId());
  if (deps.requestLog) app.use(requestLog(deps.requestLog));
  app.route('/', healthRoutes(deps.readiness ?? {}));
  // A page made to be framed by any site says so in its CSP (frame-ancestors *, the embed page):
  // the X-Frame-Options that secureHeaders adds to every answer would forbid it.
  app.use(async (c, next) => {
    await next();
    if (/frame-ancestors \*/.test(c.res.headers.get('Content-Security-Policy') ?? '')) c.res.headers.delete('X-Frame-Options');
  });
  // The widget loads covers and media from another origin: resources are cross-origin.
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin', strictTransportSecurity: false }));
  app.use(async (c, next) => {
    // Routes decode their parameters; a URL that does not decode is the client's mistake.
    const url = c.req.url;
    try {
      decodeURIComponent(url.slice(url.indexOf('/', url.indexOf('//') + 2)));
    } catch {
      throw new Problem(400, 'malformed-url', 'The URL is not valid.', 'The URL has a malformed percent-encoding.');
    }
    await next();
  });

  // tus answers CORS itself (allowedOrigins), so it comes before the API's CORS.
  const uploads = uploadRoutes(deps);
  app.route('/', uploads.routes);

  app.use(
    '/v1/*',
    cors({
      origin: (origin) => (deps.originAllowed(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Authorization', 'If-None-Match'],
      exposeHeaders: ['ETag', 'Location'],
      maxAge: 600,
    }),
  );
  app.route('/v1', callRoutes(deps));
  app.route('/v1/organiser', organiserRoutes(deps));
  app.route('/v1/contributions', publicContributionRoutes(deps));
  app.route('/v1/media', mediaRoutes(deps));

  app.route('/', pageRoutes(deps));

  app.get('/v1/openapi.yaml', async (c) =>
    c.body(await readFile(openapiPath, 'utf8'), 200, { 'Content-Type': 'application/yaml; charset=utf-8' }),
  );
  app.get('/', (c) =>
    c.json({
      calls: `${deps.publicUrl}/v1/calls`,
      uploads: `${deps.publicUrl}/v1/uploads/`,
      openapi: `${deps.publicUrl}/v1/openapi.yaml`,
    }),
  );
  app.get('/media/:file{[a-z0-9-]+\\.svg}', async (c) => {
    const svg = await readFile(join(here, 'media', c.req.param('file'))).catch(() => undefined);
    if (!svg) return c.notFound();
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' });
  });
  app.get('/terms/*', (c) => c.html(termsPage));
  app.get('/terms', (c) => c.html(termsPage));

  app.notFound((c) =>
    problemResponse(new Problem(404, 'not-found', 'Nothing is here.', `${c.req.method} ${c.req.path} is not part of this API.`)),
  );
  app.onError((error) => {
    const problem =
      error instanceof Problem
        ? error
        : error instanceof HTTPException && error.status < 500
          ? new Problem(error.status, 'bad-request', 'The request is not valid.', error.message)
          : clientWentAway(error)
            ? new Problem(400, 'request-aborted', 'The request was cut short.', 'The request ended before its body did.')
            : undefined;
    if (!problem) console.error(error);
    return problemResponse(
      problem ?? new Problem(500, 'server-error', 'The server failed.', 'Something went wrong on the server; try again.'),
    );
  });
  return {
    app,
    /** Counts the unfinished uploads on disk for the per-call limit; once, before serving. */
    countPendingUploads: uploads.recount,
    /** Deletes unfinished uploads past their expiry; how many. */
    sweepExpiredUploads: uploads.sweepExpired,
  };
}

/** A problem as an answer; a refused body may still be arriving, so a 413 closes the connection. */
export function problemResponse(problem: Problem): Response {
  const headers: Record<string, string> = { ...problem.headers, 'Content-Type': 'application/problem+json; charset=utf-8' };
  if (problem.status === 413) headers.Connection = 'close';
  return new Response(JSON.stringify(problem.toJSON()), { status: problem.status, headers });
}

/** Starts the reference backend on its embedded stores (or the ones given). */
export async function startServer(options: ServerOptions): Promise<ReferenceServer> {
  const catalogue = new Catalogue(options.seed ?? defaultSeed);
  const organiserTokens = new OrganiserTokens({ file: options.organiserTokensFile, envToken: options.organiserToken });
  const contributions = options.stores?.contributions ?? new FileContributionStore(options.dataDir);
  const uploads =
    options.stores?.uploads ??
    fileUploadStore({ directory: join(options.dataDir, 'uploads'), expiryMs: options.uploadExpiryMs ?? 24 * 3600 * 1000 });
  const locks = options.stores?.locks ?? inProcessLocks();
  const origins = options.origins ?? [];
  let ownOrigin = '';
  // The server's own pages (the embed page) are always allowed to call its API; so is the embed
  // page where WordPress frames it for a link pasted in a post (sandboxed to scripts only, its
  // requests say `Origin: null`). Any site may frame the embed page already: this grants no more.
  const originAllowed = (origin: string) =>
    origin === ownOrigin ||
    origin === 'null' ||
    origins.includes('*') ||
    origins.includes(origin) ||
    (origins.length === 0 && localOrigin.test(origin));

  // A request body may buffer 1 MiB before Node pauses the socket (its default is 16 KB): the
  // next packets are already here when the tus route pulls them, one at a time.
  // A request without Host is answered by the app (a 400 problem), not by Node in plain text.
  const http = createServer({ highWaterMark: 1 << 20, requireHostHeader: false });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || !options.host ? '127.0.0.1' : options.host;
  const listenUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const url = (options.publicUrl ?? listenUrl).replace(/\/+$/, '');
  ownOrigin = new URL(url).origin;

  // The app needs the public URL, which may need the port: it answers once the server listens.
  const limits = { ...defaultLimits, ...options.limits };
  const { app, sweepExpiredUploads, countPendingUploads } = createApp({
    catalogue,
    limits,
    trustProxy: options.trustProxy ?? false,
    creations: new RateLimiter(limits.creationsPerMinute),
    uploadsBeingDeleted: new Set(),
    contributions,
    uploads,
    locks,
    publicUrl: url,
    embedScript: options.embedScript ?? `${url}/cdn/open-call.js`,
    originAllowed,
    organiserTokens,
    readiness: { storage: () => access(options.dataDir, fsConstants.W_OK), ...options.readiness },
    requestLog: options.requestLog,
  });
  await countPendingUploads();
  const listener = getRequestListener(app.fetch, {
    // A request @hono/node-server cannot turn into a URL (a bad Host header) is the client's fault.
    errorHandler: () =>
      problemResponse(
        new Problem(400, 'bad-request', 'The request is not valid.', 'The request line or Host header is malformed.'),
      ),
  });
  // A request Node's parser refuses (a malformed request line or header) is answered as a problem too.
  http.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const body = JSON.stringify(
      new Problem(400, 'bad-request', 'The request is not valid.', 'The request is malformed.').toJSON(),
    );
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    if (options.onRequest)
      res.on('finish', () =>
        options.onRequest?.({
          method: req.method ?? '',
          path: req.url ?? '',
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
          bytesIn: Number(req.headers['content-length'] ?? 0),
          userAgent: req.headers['user-agent'] ?? '',
        }),
      );
    void listener(req, res);
  });
  const sweep = setInterval(() => void sweepExpiredUploads().catch(() => undefined), 3600 * 1000);
  sweep.unref();

  return {
    url,
    api: `${url}/v1`,
    listenUrl,
    http,
    store: contributions,
    uploads,
    sweepExpiredUploads,
    close: async () => {
      clearInterval(sweep);
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await contributions.close();
    },
  };
}

const termsPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Contributor terms</title>
<body style="font:1rem/1.5 system-ui;max-width:40rem;margin:2rem auto;padding:0 1rem">
<h1>Contributor terms</h1>
<p>You keep the copyright in what you send. You license it to the project under CC BY-SA 4.0 so that
other members can remix it, and you confirm that you made it and that everyone who appears in it agreed.</p>
<p>This is the reference server's sample text: a real campaign links its own terms.</p></body></html>`;
