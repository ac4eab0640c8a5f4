import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Hono, type Context } from 'hono';
import { EVENTS, Metadata, Server as TusServer, type DataStore, type Locker, type Upload } from '@tus/server';
import type { Call } from '../../../src/api/types.js';
import { acceptsType } from '../../../src/api/accepts.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { limitCreations, PendingUploads } from '../limits.js';
import { clientWentAway, Problem } from '../problem.js';
import type { Locks } from '../stores/locks.js';

export const uploadsPath = '/v1/uploads';
/** Upload ids this server makes (128 random bits, hex); any other id names no upload. */
export const uploadIdPattern = /^[0-9a-f]{32}$/;
/**
 * The header that proves a request comes from the browser that created the upload: it sent the
 * same secret as `secret` in the creation's metadata, and the server keeps only its hash.
 */
export const secretHeader = 'Upload-Secret';

/**
 * The tus endpoint, `/v1/uploads`, served by @tus/server through `handleWeb`. Returns the routes,
 * the tus server and a start-up step that counts the unfinished uploads already on disk.
 */
export function uploadRoutes(deps: AppDeps) {
  const { catalogue, uploads, contributions, publicUrl } = deps;
  const pending = new PendingUploads(deps.limits.pendingBytesPerCall);

  const openCallFor = (callId: string | null | undefined): Call => {
    const call = callId ? catalogue.find(callId, publicUrl, () => 0) : undefined;
    if (!call) throw tusError(404, 'call-not-found', `No open call has the id "${callId ?? ''}".`);
    if (call.status !== 'open') throw tusError(409, 'call-not-open', `The call "${call.title}" is ${call.status}.`);
    return call;
  };
  /** The largest file the call takes of this type; 0 when it takes none. */
  const maxBytesFor = (call: Call, type: string) => {
    const accepts = call.accepts.filter((a) => a.kind !== 'text' && acceptsType(a.types, type));
    return accepts.length === 0 ? 0 : Math.max(...accepts.map((a) => a.maxBytes ?? Number.MAX_SAFE_INTEGER));
  };
  /** For @tus/server's `maxSize`: the call's limit for the file, which also bounds a deferred length. */
  const maxSizeOf = (metadata: Upload['metadata']) => {
    const call = metadata?.callId ? catalogue.find(metadata.callId, publicUrl, () => 0) : undefined;
    // An unknown call is refused by onUploadCreate; any positive number lets it get there.
    return call ? maxBytesFor(call, metadata?.filetype ?? '') || 1 : Number.MAX_SAFE_INTEGER;
  };

  const arrivals = new PatchArrivals(deps.locks, writesOf(uploads.datastore));
  const tus = new TusServer({
    path: uploadsPath,
    datastore: uploads.datastore,
    locker: (req) => arrivals.lockerFor(req),
    allowedOrigins: deps.originAllowed,
    allowedHeaders: ['Authorization', secretHeader],
    namingFunction: () => randomBytes(16).toString('hex'),
    generateUrl: (_req, { path, id }) => `${publicUrl}${path}/${id}`,
    maxSize: async (req, id) => {
      // A declared length is checked in onUploadCreate, which says what the limit is; a deferred
      // one, and every PATCH, is bounded by @tus/server itself.
      if (id === null || (req.method === 'POST' && !req.headers.has('upload-defer-length'))) return Number.MAX_SAFE_INTEGER;
      if (req.method === 'POST') {
        try {
          return maxSizeOf(Metadata.parse(req.headers.get('upload-metadata') ?? undefined));
        } catch {
          return Number.MAX_SAFE_INTEGER; // malformed metadata: @tus/server refuses it with 400
        }
      }
      return maxSizeOf((await uploads.get(id))?.metadata);
    },
    onUploadCreate: async (_req, upload) => {
      const call = openCallFor(upload.metadata?.callId);
      const type = upload.metadata?.filetype ?? '';
      const maxBytes = maxBytesFor(call, type);
      if (maxBytes === 0)
        throw tusError(415, 'type-not-accepted', `The call "${call.title}" does not take files of type "${type || 'unknown'}".`);
      if (upload.size !== undefined && upload.size > maxBytes)
        throw tusError(
          413,
          'file-too-large',
          `The call "${call.title}" takes files up to ${maxBytes} bytes; this one is ${upload.size}.`,
        );
      const secret = upload.metadata?.secret ?? '';
      if (secret.length < 16 || secret.length > 200)
        throw tusError(
          400,
          'upload-secret-missing',
          'Send a random secret of 16 to 200 characters as the "secret" metadata, and again in the Upload-Secret header.',
        );
      if (!pending.reserve(call.id, upload.id, upload.size ?? maxBytes))
        throw tusError(
          429,
          'uploads-pending-limit',
          `The call "${call.title}" holds as many unfinished uploads as it can; try again later.`,
        );
      const { secret: _secret, ...metadata } = upload.metadata ?? {};
      return Promise.resolve({ metadata: { ...metadata, secretHash: hashOf(secret) } });
    },
    onResponseError: (_req, error) => {
      if ('status_code' in error) return undefined;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT')
        return tusError(507, 'storage-full', 'The server has no room for more of this file; try again later.');
      if (clientWentAway(error)) return tusError(400, 'upload-aborted', 'The request ended before its body did.');
      console.error(error);
      return tusError(500, 'server-error', 'Something went wrong on the server; try again.');
    },
  });
  tus.on(EVENTS.POST_FINISH, (_req, _res, upload: Upload) => pending.release(upload.id));
  tus.on(EVENTS.POST_TERMINATE, (_req, _res, id: string) => pending.release(id));

  /** Counts what the store holds unfinished again: at start-up, and after the expired are swept. */
  const recount = async () => {
    const all = (await uploads.list()).filter((u) => u.size === undefined || u.offset < u.size);
    pending.reset(all.map((u) => ({ callId: u.metadata?.callId ?? '', uploadId: u.id, bytes: u.size ?? maxSizeOf(u.metadata) })));
  };

  /**
   * Deletes unfinished uploads past their expiry. Not @tus/file-store's own sweep: it judges an
   * upload unfinished by the offset in its metadata file, which stays 0, and so deleted finished
   * files, a contribution's too, a day after they were made.
   */
  const sweepExpired = async (now = Date.now()) => {
    let removed = 0;
    for (const upload of await uploads.list()) {
      const finished = upload.size !== undefined && upload.offset === upload.size;
      const created = Date.parse(upload.creation_date ?? '');
      if (finished || !(created + uploads.datastore.getExpiration() < now) || (await contributions.usedBy(upload.id))) continue;
      await uploads.datastore.remove(upload.id);
      removed++;
    }
    await recount();
    return removed;
  };

  const serveRequest = async (request: Request) => asProblem(await tus.handleWeb(request));
  const serve = (c: Context<AppEnv>) => serveRequest(streamingRequest(c.req.raw, c.env.incoming));

  const sent = () =>
    new Problem(
      410,
      'upload-sent',
      'This upload was sent.',
      'The file belongs to a contribution now; it cannot be changed here.',
    );
  /** Only the browser that created an upload may touch it, and nobody once it belongs to a contribution. */
  const guard = async (c: Context<AppEnv>, id: string) => {
    if (c.req.method === 'OPTIONS') return;
    const upload = await uploads.get(id);
    if (!upload) return; // @tus/server answers 404
    if (await contributions.usedBy(id)) throw sent();
    const expected = upload.metadata?.secretHash;
    const given = c.req.header(secretHeader);
    if (!expected || !given || !sameHash(expected, hashOf(given)))
      throw new Problem(
        403,
        'upload-not-yours',
        'This upload belongs to another browser.',
        `Only the browser that created an upload may continue it (the ${secretHeader} header).`,
      );
  };

  const routes = new Hono<AppEnv>();
  const creation = limitCreations(deps.creations, deps.trustProxy);
  for (const path of [uploadsPath, `${uploadsPath}/`]) {
    routes.post(path, creation, serve);
    routes.options(path, serve);
    routes.all(path, () => {
      throw new Problem(405, 'method-not-allowed', 'Not here.', `The tus endpoint takes POST (creation) and OPTIONS.`);
    });
  }
  routes.all(`${uploadsPath}/:id`, async (c) => {
    const id = c.req.param('id');
    if (!uploadIdPattern.test(id))
      throw new Problem(404, 'upload-unknown', 'There is no such upload.', 'This is not an upload id of this server.');
    if (c.req.method === 'PATCH') {
      // Counted from its arrival, before the checks: a HEAD right behind it must wait for it.
      const request = streamingRequest(c.req.raw, c.env.incoming);
      const arrived = arrivals.arrive(id, request);
      try {
        await guard(c, id);
        return await serveRequest(request);
      } finally {
        arrived.settle();
      }
    }
    // The offset a HEAD answers must include what every PATCH before it received, even one whose
    // connection is already gone (see PatchArrivals).
    if (c.req.method === 'HEAD') await arrivals.before(id);
    await guard(c, id);
    // Other instances' PATCHes are asked after the guard: only the upload's owner costs a query.
    if (c.req.method === 'HEAD') await arrivals.elsewhere(id, c.req.raw.signal);
    if (c.req.method !== 'DELETE') return serve(c);
    // The visitor may still throw away a file they have not sent (a take recorded again). While
    // it is being deleted no contribution may claim it; and one that claimed it first wins.
    deps.uploadsBeingDeleted.add(id);
    try {
      if (await contributions.usedBy(id)) throw sent();
      return await serve(c);
    } finally {
      deps.uploadsBeingDeleted.delete(id);
    }
  });
  routes.all(`${uploadsPath}/*`, () => {
    throw new Problem(404, 'upload-unknown', 'There is no such upload.', 'This is not an upload URL of this server.');
  });
  return { routes, recount, sweepExpired };
}

/**
 * PATCHes that reached this instance but do not hold their upload's lock yet. @tus/server's HEAD
 * takes the upload's lock, which makes a PATCH that holds it finish writing what it received
 * first; but a PATCH still on its way to the lock (its checks read the store) is not seen, and
 * when its connection was cut the client's HEAD can overtake it: the HEAD answered the offset
 * before that PATCH's bytes, the PATCH then wrote them, and the client's resumed PATCH was
 * refused with a 409 and its body sent for nothing. A HEAD waits here for the PATCHes that
 * arrived before it to take the lock (or to end without it), then queues for the lock behind them.
 * Locks shared by several instances share the arrivals too (`Locks.arrivals`), for a HEAD that
 * a load balancer gives to another instance than its PATCH.
 */
class PatchArrivals {
  /** The arrived PATCHes of each upload, until each holds the lock or has ended. */
  readonly #arrived = new UnderWay();
  readonly #reachedLock = new WeakMap<Request, () => void>();

  constructor(
    private readonly locks: Locks,
    private readonly writes: UnderWay,
  ) {}

  /** A PATCH of upload `id` arrived as `request`; `settle` once it is answered. */
  arrive(id: string, request: Request): { settle(): void } {
    let here: () => void = () => undefined;
    this.#arrived.add(id, new Promise<void>((resolve) => (here = resolve)));
    const seenElsewhere = this.locks.arrivals?.arrive(id);
    const settle = seenElsewhere
      ? () => {
          here();
          seenElsewhere();
        }
      : here;
    this.#reachedLock.set(request, settle);
    return { settle };
  }

  /** Settles once every PATCH of `id` that arrived here until now holds the lock or has ended. */
  before(id: string): Promise<void> {
    return this.#arrived.settled(id);
  }

  /** The same for the PATCHes that arrived on other instances, when the locks are shared. */
  async elsewhere(id: string, signal: AbortSignal): Promise<void> {
    await this.locks.arrivals?.elsewhere(id, signal);
  }

  /**
   * For @tus/server's `locker`: the locks, telling an arrived PATCH's waiters when it has its
   * lock, and letting go of an upload's lock only once this instance's writes to it have ended.
   * @tus/server lets go of a PATCH's lock as soon as its body fails (a cut connection), while the
   * store may still be writing what arrived (an object store's last block takes a while): the
   * next holder (a HEAD, perhaps on another instance) read an offset that grew after it answered.
   */
  lockerFor(request: Request): Locker {
    const reached = this.#reachedLock.get(request);
    return {
      newLock: (id) => {
        const lock = this.locks.newLock(id);
        return {
          lock: async (signal, requestRelease) => {
            try {
              await lock.lock(signal, requestRelease);
            } finally {
              reached?.();
            }
          },
          unlock: async () => {
            await this.writes.settled(id);
            await lock.unlock();
          },
        };
      },
    };
  }
}

/** Work under way for each upload (its PATCHes, its store's writes), each kept until it settles. */
class UnderWay {
  readonly #byUpload = new Map<string, Set<Promise<unknown>>>();

  add<T>(id: string, work: Promise<T>): Promise<T> {
    const all = this.#byUpload.get(id) ?? new Set();
    this.#byUpload.set(id, all.add(work));
    const end = () => {
      all.delete(work);
      if (all.size === 0 && this.#byUpload.get(id) === all) this.#byUpload.delete(id);
    };
    work.then(end, end);
    return work;
  }

  /** Settles once all of `id`'s work under way now has settled, however it ended. */
  async settled(id: string): Promise<void> {
    await Promise.allSettled([...(this.#byUpload.get(id) ?? [])]);
  }
}

/** The store's writes under way: `write` is wrapped, so that this holds for any UploadStore. */
function writesOf(datastore: DataStore): UnderWay {
  const writes = new UnderWay();
  const write = datastore.write.bind(datastore);
  datastore.write = (stream, id, offset) => writes.add(id, write(stream, id, offset));
  return writes;
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('base64url');
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** tus hooks report failures this way; the body is a problem document too. */
function tusError(status: number, code: string, detail: string) {
  return { status_code: status, body: JSON.stringify(new Problem(status, code, 'The upload was refused.', detail).toJSON()) };
}

const tusCodes: Record<number, string> = {
  400: 'bad-request',
  403: 'forbidden',
  404: 'upload-unknown',
  409: 'upload-offset-mismatch',
  410: 'upload-gone',
  412: 'tus-version-required',
  413: 'file-too-large',
  415: 'unsupported-media-type',
  423: 'upload-locked',
  460: 'checksum-mismatch',
  501: 'not-implemented',
};

/**
 * @tus/server answers some refusals in plain text ("Invalid Upload-Length"): every error becomes
 * a problem document, keeping tus's headers (CORS, Tus-Resumable) and its words, which name no
 * file or path. A 5xx says nothing about the server's insides.
 */
async function asProblem(answer: Response): Promise<Response> {
  if (answer.status < 400 || answer.headers.get('content-type')?.startsWith('application/problem+json')) return answer;
  const text = (await answer.text()).trim();
  const headers = new Headers(answer.headers);
  headers.set('Content-Type', 'application/problem+json; charset=utf-8');
  // Our own hooks' refusals are problem documents already; tus sends them without a type.
  if (text.startsWith('{"type":"urn:open-call-widgets:problem:')) return new Response(text, { status: answer.status, headers });
  headers.delete('Content-Length');
  const detail =
    answer.status >= 500 && answer.status !== 501 ? 'Something went wrong on the server; try again.' : text || undefined;
  const problem = new Problem(answer.status, tusCodes[answer.status] ?? 'upload-refused', 'The upload was refused.', detail);
  return new Response(JSON.stringify(problem.toJSON()), { status: answer.status, headers });
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
