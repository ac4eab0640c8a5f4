import type { DetailedError, HttpRequest, HttpResponse, Upload as TusUpload } from 'tus-js-client';
import { parseProblem } from '../api/validate.js';
import type { Take } from '../record/takes/take.js';
import { loadOnce } from '../core/load.js';
import type { ResumeStore } from './resume-store.js';
import { ChunkSizer } from './chunk-size.js';
import { stoppedRequestsStayUnsent } from './stopped-requests.js';
import { isPassing, ResumeUnanswered, retryDelays, statusOf, verdictOnResume } from './retry-policy.js';

/** Where one file is: state changes are what the UI shows and announces. */
export type UploadState = 'waiting' | 'uploading' | 'paused' | 'offline' | 'done' | 'failed' | 'cancelled';

/** Why an upload stopped, for the UI to word. */
export type UploadFailure =
  | { kind: 'refused'; status: number; detail?: string } // the server said no (4xx)
  | { kind: 'server'; status: number } // the server failed (5xx) after every retry
  | { kind: 'network' }; // no answer after every retry

/**
 * The largest chunk: under common reverse-proxy body limits (nginx is often set to 50 MB,
 * Cloudflare's free plan takes 100 MB), and large, because tus sends chunks one after another
 * and each costs a round trip (`npm run bench` compares sizes). Chunks start smaller and grow
 * to it while they pass (see chunk-size.ts).
 */
export const defaultChunkSize = 40 * 1024 * 1024;
const progressIntervalMs = 200;

export interface FileUploadOptions {
  endpoint: string;
  callId: string;
  /** The largest chunk; chunks start smaller and grow to it while they pass. */
  chunkSize?: number;
  /** Headers for the API (e.g. an auth token); sent only to `headerOrigins`. */
  headers?: Record<string, string>;
  headerOrigins?: string[];
  resumeStore: ResumeStore;
  onChange(upload: FileUpload): void;
}

/** 128 random bits, hex: the secret of one upload. */
function randomSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** tus-js-client loads on the first upload: a page that only lists calls never downloads it. */
const loadTus = loadOnce('the upload code (tus-js-client)', () => import('tus-js-client'));

/**
 * One file's resumable upload: a file the visitor chose, or a take still being recorded, whose
 * bytes go up as they arrive (its length is told to the server when the recording ends).
 */
export class FileUpload {
  state: UploadState = 'waiting';
  bytesSent = 0;
  /** Bytes per second, smoothed. */
  speed = 0;
  /** The fraction already on the server when this upload resumed an earlier one. */
  resumedFrom?: number;
  failure?: UploadFailure;
  /** The finished upload's URL, named in the contribution. */
  url?: string;
  /** The size of the next chunk (it grows, and shrinks behind a proxy that refuses it). */
  chunkSize: number;

  #upload?: TusUpload;
  /**
   * Proves to the server that this browser created the upload: sent once as `secret` metadata
   * (which the resume store keeps) and as the Upload-Secret header on every request after.
   * A take's own random id serves, so that a later visit continues it too.
   */
  #secret = '';
  #tus?: typeof import('tus-js-client');
  #sizer?: ChunkSizer;
  #lastProgress?: { at: number; bytes: number };
  #sentFirstChunk = false;
  readonly #onOnline = () => this.#continueOnline();
  readonly #onOffline = () => this.#waitOffline();

  #onChange: (upload: FileUpload) => void;
  readonly #options: FileUploadOptions;

  constructor(
    readonly source: File | Take,
    options: FileUploadOptions,
  ) {
    this.#options = options;
    this.chunkSize = options.chunkSize ?? defaultChunkSize;
    this.#onChange = options.onChange;
  }

  /** Hands the upload's news to someone else: a take recorded in one element, sent from another. */
  watch(onChange: (upload: FileUpload) => void): void {
    this.#onChange = onChange;
  }

  /** The file, or the take as a file: what has been recorded so far. */
  get file(): File {
    return this.source instanceof File ? this.source : this.source.toFile();
  }

  /** The take being uploaded, if this is a recording. */
  get take(): Take | undefined {
    return this.source instanceof File ? undefined : this.source;
  }

  /** Grows while a take is being recorded. */
  get bytesTotal(): number {
    return this.source.size;
  }

  get percent(): number {
    return this.bytesTotal === 0 ? 100 : Math.floor((this.bytesSent / this.bytesTotal) * 100);
  }

  /** Seconds until done at the current speed, once there is a speed to go by. */
  get secondsLeft(): number | undefined {
    return this.speed > 0 ? (this.bytesTotal - this.bytesSent) / this.speed : undefined;
  }

  async start(): Promise<void> {
    const tus = await loadTus();
    if (this.#cancelled) return;
    if (!tus) {
      // Offline at the first upload, or a file missing on a CDN: a failure like a lost
      // network, worded as one; Retry asks for the code again (see loadOnce).
      this.failure = { kind: 'network' };
      this.#set('failed');
      return;
    }
    const { Upload, DefaultHttpStack } = tus;
    this.#tus = tus;
    const { callId, endpoint, resumeStore } = this.#options;
    const sizer = new ChunkSizer(endpoint, this.#options.chunkSize ?? defaultChunkSize);
    this.#sizer = sizer;
    this.chunkSize = sizer.size;
    const take = this.take;
    const { name, type } = this.file;
    this.#secret = take?.id ?? randomSecret();
    const upload = new Upload(this.file, {
      endpoint,
      chunkSize: this.chunkSize,
      retryDelays,
      httpStack: stoppedRequestsStayUnsent(new DefaultHttpStack({})),
      metadata: { callId, filename: name, filetype: type || 'application/octet-stream', secret: this.#secret },
      urlStorage: resumeStore,
      storeFingerprintForResuming: true,
      // Kept after the last byte, until the contribution is sent (forgetResume): a visitor who
      // reloads before sending and picks the file again gets the finished upload back, instead
      // of sending the whole file a second time.
      removeFingerprintOnSuccess: false,
      // The bytes, read by us for a file and for a take alike (the CDN bundle leaves out
      // tus-js-client's own reader, which also knows streams, React Native and Cordova).
      fileReader: { openFile: async () => this.#reader() },
      fingerprint: async () => this.#fingerprint(),
      // A take is read as it grows: each request carries what was recorded since the last (about
      // a second of media while recording, up to a chunk when catching up after a network drop).
      ...(take
        ? {
            uploadLengthDeferred: true,
            // Kept with the take (IndexedDB), so a later visit continues it even when the
            // upload had finished and its resume entry was removed.
            uploadUrl: take.uploadUrl ?? null,
            onUploadUrlAvailable: () => upload.url && take.rememberUpload(upload.url),
          }
        : {}),
      onBeforeRequest: (req) => this.beforeRequest(req),
      onAfterResponse: (req, res) => this.#afterResponse(req, res),
      onChunkComplete: (bytes) => this.#setChunkSize(upload, () => sizer.passed(bytes)),
      // A take's total is unknown (null) until its recording ends.
      onProgress: (sent, total) => this.#progress(sent, total ?? this.bytesTotal),
      onSuccess: () => {
        this.url = upload.url ?? undefined;
        this.bytesSent = this.bytesTotal;
        this.#stopListening();
        this.#set('done');
      },
      onShouldRetry: (err) => {
        const status = statusOf(err);
        if (!navigator.onLine || status === 413) return false; // handled in onError
        // A proxy's 413 often lacks CORS headers, and then reads as no answer at all: the
        // sizer decides whether the chunk was too large, and the retry sends a smaller one.
        const method = err.originalRequest?.getMethod() ?? '';
        if (status === 0 && method === 'PATCH') this.#setChunkSize(upload, () => sizer.failed(status, method));
        return isPassing(status);
      },
      onError: (err) => {
        const failed = err as Partial<DetailedError>;
        const res = failed.originalResponse;
        const status = statusOf(failed);
        // A 413 on a chunk comes from a proxy that refuses bodies this large: send smaller ones.
        // (A 413 at creation is the server saying the file is too large for the call.)
        const method = failed.originalRequest?.getMethod() ?? '';
        if (status === 413 && method === 'PATCH' && this.#setChunkSize(upload, () => sizer.failed(status, method))) {
          upload.start();
          return;
        }
        if (!navigator.onLine) return this.#waitOffline();
        this.#stopListening();
        // For the site's developer: the request and its answer, which the visitor is not shown.
        console.warn(
          `open-call-widgets: the upload of ${this.file.name} failed: ${method} ${failed.originalRequest?.getURL() ?? ''} ${status ? `answered ${status}` : 'had no answer'}`,
        );
        this.failure =
          status === 0
            ? { kind: 'network' }
            : status >= 500
              ? { kind: 'server', status }
              : { kind: 'refused', status, detail: problemDetail(res?.getBody?.()) };
        this.#set('failed');
      },
    });
    this.#upload = upload;
    const previous = await upload.findPreviousUploads();
    const last = previous.at(-1);
    if (last) {
      this.#secret = last.metadata.secret ?? this.#secret;
      upload.options.metadata = { ...upload.options.metadata, secret: this.#secret };
      upload.resumeFromPreviousUpload(last);
    }
    if (this.#cancelled) return;
    this.#listen();
    this.#set(navigator.onLine ? 'uploading' : 'offline');
    if (navigator.onLine) upload.start();
  }

  /**
   * How the resume store knows this upload. The call is part of it: the same file sent to two
   * calls is two uploads. A take is known by its id: its size and contents change while it is
   * recorded.
   */
  #fingerprint(): string {
    const { callId, endpoint } = this.#options;
    const { source } = this;
    return (
      source instanceof File
        ? ['oc', callId, source.name, source.type, source.size, source.lastModified, endpoint]
        : ['oc', callId, 'take', source.id, endpoint]
    ).join('|');
  }

  /**
   * Forgets this upload in the resume store, once the contribution that names it was sent: the
   * server no longer lets it change, and the same file picked again is a new upload.
   */
  async forgetResume(): Promise<void> {
    const store = this.#options.resumeStore;
    for (const entry of await store.findUploadsByFingerprint(this.#fingerprint())) await store.removeUpload(entry.urlStorageKey);
  }

  /** What tus-js-client reads: a file's bytes, or a take's as they are recorded. */
  #reader() {
    const source = this.source;
    return {
      size: source.size,
      slice: (start: number, end: number) =>
        source instanceof File
          ? Promise.resolve({ value: source.slice(start, end), done: end >= source.size })
          : source.slice(start, end),
      close: () => undefined,
    };
  }

  /** Lets the sizer learn, and sends the next chunks at its size; returns what `learn` said. */
  #setChunkSize<T>(upload: TusUpload, learn: () => T): T {
    const said = learn();
    if (this.#sizer) this.chunkSize = upload.options.chunkSize = this.#sizer.size;
    return said;
  }

  /**
   * A HEAD that gets neither an offset nor "gone" is a failed request, asked again against the
   * same upload; "gone" (404, 410) or "not yours" (403) lets tus-js-client make a new upload,
   * and the old one is deleted, in case it is still there.
   */
  #afterResponse(req: HttpRequest, res: HttpResponse): void {
    if (req.getMethod() !== 'HEAD') return;
    const status = res.getStatus();
    const verdict = verdictOnResume(status);
    if (verdict === 'continue') return;
    if (verdict !== 'replace') throw new ResumeUnanswered(status);
    const abandoned = req.getURL();
    this.#tus?.Upload.terminate(abandoned, { onBeforeRequest: (r) => this.beforeRequest(r) }).catch(() => undefined);
  }

  /** A getter, because cancel() can run while start() awaits. */
  get #cancelled(): boolean {
    return this.state === 'cancelled';
  }

  pause(): void {
    if (this.state !== 'uploading' && this.state !== 'offline') return;
    void this.#upload?.abort(false);
    this.#set('paused');
  }

  resume(): void {
    if (this.state !== 'paused' && this.state !== 'failed') return;
    this.failure = undefined;
    if (!this.#upload) {
      void this.start();
      return;
    }
    this.#listen();
    this.#lastProgress = undefined;
    this.#set(navigator.onLine ? 'uploading' : 'offline');
    if (navigator.onLine) this.#upload.start();
  }

  /**
   * Stops the upload and deletes what reached the server (tus termination). A take is thrown
   * away altogether: it also leaves IndexedDB.
   */
  async cancel(): Promise<void> {
    const wasDone = this.state === 'done';
    this.#stopListening();
    this.#set('cancelled');
    const take = this.take;
    if (take) void take.forget();
    if (this.#upload && !wasDone) {
      await this.#upload.abort(true).catch(() => undefined);
      return;
    }
    // Finished, or never started in this page (a take kept from an earlier visit).
    void this.forgetResume();
    const url = this.url ?? take?.uploadUrl;
    if (!url) return;
    this.#secret ||= take?.id ?? '';
    const tus = await loadTus();
    await tus?.Upload.terminate(url, { onBeforeRequest: (req) => this.beforeRequest(req) }).catch(() => undefined);
  }

  #waitOffline(): void {
    if (this.state !== 'uploading') return;
    void this.#upload?.abort(false);
    this.#set('offline');
  }

  #continueOnline(): void {
    if (this.state !== 'offline') return;
    this.#lastProgress = undefined;
    this.#set('uploading');
    this.#upload?.start();
  }

  // TS-private, not #: a unit test checks which origins get the headers.
  private beforeRequest(req: HttpRequest): void {
    const { headers = {}, headerOrigins = [] } = this.#options;
    const origin = new URL(req.getURL(), location.href).origin;
    if (headerOrigins.includes(origin)) for (const [name, value] of Object.entries(headers)) req.setHeader(name, value);
    if (this.#secret) req.setHeader('Upload-Secret', this.#secret);
    if (req.getMethod() === 'PATCH' && !this.#sentFirstChunk) {
      this.#sentFirstChunk = true;
      const offset = Number(req.getHeader('Upload-Offset'));
      if (offset > 0 && this.bytesTotal > 0) {
        this.resumedFrom = offset / this.bytesTotal;
        this.bytesSent = offset;
        this.#onChange(this);
      }
    }
  }

  #progress(sent: number, total: number): void {
    this.bytesSent = Math.min(sent, total);
    // The browser reports progress many times a second; the page hears of it at most every
    // 200 ms, which is plenty for a person and keeps rendering out of the upload's way.
    const now = performance.now();
    if (this.#lastProgress && now - this.#lastProgress.at < progressIntervalMs) return;
    if (this.#lastProgress && now > this.#lastProgress.at) {
      const rate = ((sent - this.#lastProgress.bytes) / (now - this.#lastProgress.at)) * 1000;
      if (rate >= 0) this.speed = this.speed ? this.speed * 0.7 + rate * 0.3 : rate;
    }
    this.#lastProgress = { at: now, bytes: sent };
    this.#onChange(this);
  }

  #set(state: UploadState): void {
    this.state = state;
    this.#onChange(this);
  }

  /** Offline, an upload waits; back online, it continues. */
  #listen(): void {
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
  }

  #stopListening(): void {
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
  }
}

function problemDetail(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const problem = parseProblem(JSON.parse(body));
    return problem?.detail ?? problem?.title;
  } catch {
    return undefined;
  }
}
