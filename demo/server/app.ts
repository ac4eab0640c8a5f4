import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { Server as TusServer } from '@tus/server';
import { FileStore } from '@tus/file-store';
import type { Call } from '../../src/api/types.js';
import { acceptsType } from '../../src/api/accepts.js';
import { Catalogue } from './catalogue.js';
import { ContributionStore } from './contributions.js';
import { checkContribution } from './check-contribution.js';
import { Problem } from './problem.js';

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
  /** Trust X-Forwarded-Host/Proto from a reverse proxy when building upload URLs. */
  trustProxy?: boolean;
  /** How long an unfinished upload is kept. */
  uploadExpiryMs?: number;
  /** Called once per answered request (method, path, status). */
  onRequest?: (line: { method: string; path: string; status: number; ms: number; bytesIn: number; userAgent: string }) => void;
}

export interface ReferenceServer {
  url: string;
  api: string;
  http: HttpServer;
  store: ContributionStore;
  close(): Promise<void>;
}

const maxBodyBytes = 64 * 1024;
const localOrigin = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Starts the reference backend: the contract's routes under /v1, tus under /v1/uploads. */
export async function startServer(options: ServerOptions): Promise<ReferenceServer> {
  const catalogue = new Catalogue(options.seed ?? defaultSeed);
  const store = new ContributionStore(options.dataDir);
  const origins = options.origins ?? [];
  const originAllowed = (origin: string) =>
    origins.includes('*') || origins.includes(origin) || (origins.length === 0 && localOrigin.test(origin));
  const counts = (id: string) => store.countFor(id);
  const uploads = new FileStore({
    directory: join(options.dataDir, 'uploads'),
    expirationPeriodInMilliseconds: options.uploadExpiryMs ?? 24 * 3600 * 1000,
  });

  const openCallFor = (callId: string | null | undefined, origin: string): Call => {
    const call = callId ? catalogue.find(callId, origin, counts) : undefined;
    if (!call) throw tusError(404, `No open call has the id "${callId ?? ''}".`);
    if (call.status !== 'open') throw tusError(409, `The call "${call.title}" is ${call.status}.`);
    return call;
  };

  const tus = new TusServer({
    path: '/v1/uploads',
    datastore: uploads,
    respectForwardedHeaders: options.trustProxy ?? false,
    allowedOrigins: originAllowed,
    allowedHeaders: ['Authorization'],
    onUploadCreate: async (req, upload) => {
      const origin = new URL(req.url).origin;
      const call = openCallFor(upload.metadata?.callId, origin);
      const type = upload.metadata?.filetype ?? '';
      const accepts = call.accepts.filter((a) => a.kind !== 'text' && acceptsType(a.types, type));
      if (accepts.length === 0)
        throw tusError(415, `The call "${call.title}" does not take files of type "${type || 'unknown'}".`);
      const maxBytes = Math.max(...accepts.map((a) => a.maxBytes ?? Number.MAX_SAFE_INTEGER));
      if (upload.size !== undefined && upload.size > maxBytes)
        throw tusError(413, `The call "${call.title}" takes files up to ${maxBytes} bytes; this one is ${upload.size}.`);
      return { metadata: upload.metadata };
    },
  });
  const sweep = setInterval(() => void tus.cleanUpExpiredUploads().catch(() => undefined), 3600 * 1000);
  sweep.unref();

  const handle = async (req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> => {
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    // tus answers CORS itself (allowedOrigins above).
    if (path === '/v1/uploads' || path.startsWith('/v1/uploads/')) return serveTus(tus, req, res, url);

    const requestOrigin = req.headers.origin;
    if (requestOrigin && originAllowed(requestOrigin)) {
      res.setHeader('Access-Control-Allow-Origin', requestOrigin);
      res.setHeader('Access-Control-Expose-Headers', 'ETag, Location');
    }
    res.setHeader('Vary', 'Origin');

    if (req.method === 'OPTIONS' && path.startsWith('/v1/')) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, If-None-Match');
      res.setHeader('Access-Control-Max-Age', '600');
      res.writeHead(204).end();
      return;
    }

    const callMatch = /^\/v1\/calls\/([^/]+)$/.exec(path);
    const contributionMatch = /^\/v1\/calls\/([^/]+)\/contributions$/.exec(path);
    if (path === '/v1/calls' && isRead(req)) {
      const q = url.searchParams;
      const { items, next } = catalogue.list(
        {
          status: q.get('status'),
          campaign: q.get('campaign'),
          kind: q.get('kind'),
          lang: q.get('lang'),
          limit: q.get('limit'),
          cursor: q.get('cursor'),
        },
        origin,
        counts,
      );
      return sendCached(req, res, { items, next });
    }
    if (callMatch && isRead(req)) {
      const call = catalogue.find(decodeURIComponent(callMatch[1]), origin, counts);
      if (!call)
        throw new Problem(
          404,
          'call-not-found',
          'There is no such call.',
          `No call has the id "${decodeURIComponent(callMatch[1])}".`,
        );
      return sendCached(req, res, call);
    }
    if (contributionMatch && req.method === 'POST') {
      const callId = decodeURIComponent(contributionMatch[1]);
      const call = catalogue.find(callId, origin, counts);
      if (!call) throw new Problem(404, 'call-not-found', 'There is no such call.', `No call has the id "${callId}".`);
      if (call.status !== 'open')
        throw new Problem(
          409,
          'call-not-open',
          'This call is not open.',
          `"${call.title}" is ${call.status}: it takes no contributions now.`,
        );
      const body = await readJson(req);
      const record = await checkContribution(body, call, {
        origin,
        uploads,
        usedBy: (id) => store.usedBy(id),
      });
      const stored = { ...record, id: randomUUID(), callId: call.id, receivedAt: new Date().toISOString() };
      store.add(stored);
      return sendJson(res, 201, { id: stored.id, status: 'received' });
    }
    if (path === '/v1/openapi.yaml' && isRead(req)) {
      res.writeHead(200, { 'Content-Type': 'application/yaml; charset=utf-8' });
      res.end(await readFile(openapiPath));
      return;
    }
    if (path === '/' && isRead(req)) {
      return sendJson(res, 200, {
        calls: `${origin}/v1/calls`,
        uploads: `${origin}/v1/uploads/`,
        openapi: `${origin}/v1/openapi.yaml`,
      });
    }
    const media = /^\/media\/([a-z0-9-]+\.svg)$/.exec(path);
    if (media && isRead(req)) {
      const svg = await readFile(join(here, 'media', media[1])).catch(() => undefined);
      if (svg) {
        res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' });
        res.end(svg);
        return;
      }
    }
    if (path.startsWith('/terms') && isRead(req)) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(termsPage);
      return;
    }
    throw new Problem(404, 'not-found', 'Nothing is here.', `${req.method} ${path} is not part of this API.`);
  };

  // A request body may buffer 1 MiB before Node pauses the socket (its default is 16 KB): the
  // next packets are already here when serveTus() pulls them for @tus/server, one at a time.
  const http = createServer({ highWaterMark: 1 << 20 }, (req, res) => {
    const started = performance.now();
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
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    handle(req, res, origin).catch((error: unknown) => {
      const problem =
        error instanceof Problem
          ? error
          : new Problem(500, 'server-error', 'The server failed.', 'Something went wrong on the server; try again.');
      if (!(error instanceof Problem)) console.error(error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // A body we refused may still be arriving; answer now and close the connection.
      if (problem.status === 413) res.setHeader('Connection', 'close');
      sendJson(res, problem.status, problem.toJSON(), 'application/problem+json');
    });
  });
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const url = `http://${options.host === '0.0.0.0' ? '127.0.0.1' : (options.host ?? '127.0.0.1')}:${port}`;
  return {
    url,
    api: `${url}/v1`,
    http,
    store,
    close: async () => {
      clearInterval(sweep);
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      store.close();
    },
  };
}

const isRead = (req: IncomingMessage) => req.method === 'GET' || req.method === 'HEAD';

/** tus hooks report failures this way; the body is a problem document too. */
function tusError(status: number, detail: string) {
  const code =
    status === 404
      ? 'call-not-found'
      : status === 409
        ? 'call-not-open'
        : status === 413
          ? 'file-too-large'
          : 'type-not-accepted';
  return { status_code: status, body: JSON.stringify(new Problem(status, code, 'The upload was refused.', detail).toJSON()) };
}

function sendJson(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * GET answers carry a strong ETag; a matching If-None-Match gets 304. A short max-age lets
 * a page with many widgets, or a CDN, reuse an answer; revalidation is cheap after that.
 */
function sendCached(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'public, max-age=30, stale-while-revalidate=60');
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')) {
    res.writeHead(304).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(req.method === 'HEAD' ? undefined : text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type))
    throw new Problem(
      415,
      'unsupported-media-type',
      'The body must be JSON.',
      `Content-Type is "${type}"; send application/json.`,
    );
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw tooLarge();
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new Problem(400, 'malformed-json', 'The body is not valid JSON.', 'The request body could not be read as JSON.');
  }
}

const tooLarge = () =>
  new Problem(
    413,
    'body-too-large',
    'The body is too large.',
    `A contribution's JSON may be at most ${maxBodyBytes / 1024} KB; files go to the upload endpoint.`,
  );

const termsPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Contributor terms</title>
<body style="font:1rem/1.5 system-ui;max-width:40rem;margin:2rem auto;padding:0 1rem">
<h1>Contributor terms</h1>
<p>You keep the copyright in what you send. You license it to the project under CC BY-SA 4.0 so that
other members can remix it, and you confirm that you made it and that everyone who appears in it agreed.</p>
<p>This is the reference server's sample text: a real campaign links its own terms.</p></body></html>`;

/**
 * Hands a request to @tus/server as a web Request whose body reads the socket directly.
 * `tus.handle()` goes through srvx, whose `Readable.toWeb` copies every packet and pauses the
 * socket whenever its small queue fills: a PATCH ran at 0.6–0.8 of a plain PUT's speed. Pulled
 * one packet at a time, with no queue of its own, the same PATCH ran about 15 % faster here
 * (Node-only runs, PATCH to the backend against PUT to a plain sink, alternating).
 */
async function serveTus(tus: TusServer, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  let body: ReadableStream<Uint8Array> | undefined;
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
    const packets = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const { value, done } = await packets.next();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel: () => void req.destroy(),
      },
      { highWaterMark: 0 },
    );
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  // `duplex` is required by Node's fetch for a streamed body; the DOM typings do not know it yet.
  const init = { method: req.method, headers, body, duplex: 'half' } as RequestInit;
  const answer = await tus.handleWeb(new Request(url, init));
  res.writeHead(answer.status, Object.fromEntries(answer.headers));
  if (answer.body) for await (const chunk of answer.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  res.end();
}
