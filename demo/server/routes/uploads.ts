import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import { Server as TusServer } from '@tus/server';
import type { Call } from '../../../src/api/types.js';
import { acceptsType } from '../../../src/api/accepts.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { Problem } from '../problem.js';

export const uploadsPath = '/v1/uploads';

/**
 * The tus endpoint, `/v1/uploads`, served by @tus/server through `handleWeb`. Returns the routes
 * and the tus server (for the hourly sweep of expired uploads).
 */
export function uploadRoutes(deps: AppDeps): { routes: Hono<AppEnv>; tus: TusServer } {
  const { catalogue, uploads, publicUrl } = deps;

  const openCallFor = (callId: string | null | undefined): Call => {
    const call = callId ? catalogue.find(callId, publicUrl, () => 0) : undefined;
    if (!call) throw tusError(404, `No open call has the id "${callId ?? ''}".`);
    if (call.status !== 'open') throw tusError(409, `The call "${call.title}" is ${call.status}.`);
    return call;
  };

  const tus = new TusServer({
    path: uploadsPath,
    datastore: uploads.datastore,
    locker: deps.locks,
    allowedOrigins: deps.originAllowed,
    allowedHeaders: ['Authorization'],
    generateUrl: (_req, { path, id }) => `${publicUrl}${path}/${id}`,
    onUploadCreate: async (_req, upload) => {
      const call = openCallFor(upload.metadata?.callId);
      const type = upload.metadata?.filetype ?? '';
      const accepts = call.accepts.filter((a) => a.kind !== 'text' && acceptsType(a.types, type));
      if (accepts.length === 0)
        throw tusError(415, `The call "${call.title}" does not take files of type "${type || 'unknown'}".`);
      const maxBytes = Math.max(...accepts.map((a) => a.maxBytes ?? Number.MAX_SAFE_INTEGER));
      if (upload.size !== undefined && upload.size > maxBytes)
        throw tusError(413, `The call "${call.title}" takes files up to ${maxBytes} bytes; this one is ${upload.size}.`);
      return Promise.resolve({ metadata: upload.metadata });
    },
  });

  const routes = new Hono<AppEnv>();
  routes.all(`${uploadsPath}`, (c) => tus.handleWeb(streamingRequest(c.req.raw, c.env.incoming)));
  routes.all(`${uploadsPath}/*`, (c) => tus.handleWeb(streamingRequest(c.req.raw, c.env.incoming)));
  return { routes, tus };
}

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

/**
 * The request for @tus/server, with a body that reads the socket directly. @hono/node-server
 * (like srvx) turns a body into a web stream with `Readable.toWeb`, which copies every packet
 * and pauses the socket whenever its small queue fills: a PATCH ran at 0.6–0.8 of a plain PUT's
 * speed that way. Pulled one packet at a time, with no queue of its own, it ran faster.
 */
function streamingRequest(request: Request, incoming: IncomingMessage): Request {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return request;
  const packets = incoming[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await packets.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: () => void incoming.destroy(),
    },
    { highWaterMark: 0 },
  );
  // `duplex` is required by Node's fetch for a streamed body; the DOM typings do not know it yet.
  const init = { method: request.method, headers: request.headers, body, duplex: 'half' } as RequestInit;
  return new Request(request.url, init);
}
