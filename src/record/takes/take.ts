import type { RecordingFormat } from '../formats.js';
import { takeStore, type StoredTake } from './take-store.js';

/**
 * One recording: its bytes as the recorder hands them over, readable by an upload while it
 * grows. Every chunk is also kept in IndexedDB until the contribution is sent.
 */
export class Take {
  readonly #chunks: Blob[];
  #waiting: Array<() => void> = [];
  #file?: File;
  size: number;
  finished: boolean;
  uploadUrl?: string;

  private constructor(
    readonly id: string,
    readonly callId: string,
    readonly format: Pick<RecordingFormat, 'kind' | 'fileType' | 'extension'>,
    readonly startedAt: number,
    chunks: Blob[],
    finished: boolean,
  ) {
    this.#chunks = chunks;
    this.size = chunks.reduce((sum, c) => sum + c.size, 0);
    this.finished = finished;
  }

  /** A new, empty take. */
  static begin(callId: string, format: RecordingFormat): Take {
    const take = new Take(crypto.randomUUID(), callId, format, Date.now(), [], false);
    take.#persist(() => takeStore.save(take.#stored()));
    return take;
  }

  /** A take kept from an earlier visit; one that was cut off by a crash counts as finished. */
  static async restore(stored: StoredTake): Promise<Take> {
    const take = new Take(stored.id, stored.callId, stored, stored.startedAt, await takeStore.chunksOf(stored.id), true);
    take.uploadUrl = stored.uploadUrl;
    return take;
  }

  /** "recording-2026-11-22-1402.webm": when it was made, in the visitor's time. */
  get name(): string {
    const d = new Date(this.startedAt);
    const two = (n: number) => String(n).padStart(2, '0');
    const stamp = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}`;
    return `recording-${stamp}.${this.format.extension}`;
  }

  append(chunk: Blob): void {
    if (this.finished || chunk.size === 0) return;
    const index = this.#chunks.length;
    this.#chunks.push(chunk);
    this.size += chunk.size;
    this.#file = undefined;
    this.#persist(() => takeStore.addChunk(this.id, index, chunk));
    this.#wake();
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.#persist(() => takeStore.save(this.#stored()));
    this.#wake();
  }

  /** Remembers where the take's upload is, so that a later visit continues it. */
  rememberUpload(url: string): void {
    if (this.uploadUrl === url) return;
    this.uploadUrl = url;
    this.#persist(() => takeStore.save(this.#stored()));
  }

  /**
   * Sent or thrown away: the bytes leave IndexedDB, after the writes still queued (a chunk, or
   * what is known of it, landing later would keep a take the visitor threw away, and offer it on
   * the next visit); nothing is kept of it after.
   */
  forget(): Promise<void> {
    this.#forgotten = true;
    const removed = this.#writes.then(() => takeStore.remove(this.id)).catch(() => undefined);
    this.#writes = removed;
    return removed;
  }

  /** The take as a file (what has been recorded so far). */
  toFile(): File {
    this.#file ??= new File(this.#chunks, this.name, { type: this.format.fileType, lastModified: this.startedAt });
    return this.#file;
  }

  /**
   * Bytes `start` to `end` once some exist past `start`; `done` once the take has finished and
   * nothing is left after them. What tus-js-client reads while the recording goes on.
   */
  async slice(start: number, end: number): Promise<{ value: Blob; done: boolean }> {
    while (this.size <= start && !this.finished) await new Promise<void>((wake) => this.#waiting.push(wake));
    const stop = Math.min(end, this.size);
    return { value: new Blob(this.#chunks).slice(start, stop), done: this.finished && stop >= this.size };
  }

  #wake(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const wake of waiting) wake();
  }

  #stored(): StoredTake {
    const { kind, fileType, extension } = this.format;
    return {
      id: this.id,
      callId: this.callId,
      kind,
      fileType,
      extension,
      startedAt: this.startedAt,
      finished: this.finished,
      uploadUrl: this.uploadUrl,
    };
  }

  // Writes go one after another, in order; a failed one is reported once and the take stays in memory.
  #writes: Promise<void> = Promise.resolve();
  #warned = false;
  #forgotten = false;
  #persist(write: () => Promise<void>): void {
    if (this.#forgotten) return;
    this.#writes = this.#writes.then(write).catch((error: unknown) => {
      if (!this.#warned) console.warn('open-call-widgets: the recording could not be kept in IndexedDB', error);
      this.#warned = true;
    });
  }
}
