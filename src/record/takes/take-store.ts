import { markKeptTakes } from '../kept.js';

/**
 * Takes kept in IndexedDB until their contribution is sent, so that a reload or a crash loses
 * no recording. Each chunk is its own record: a long take is written a second at a time, not
 * rewritten whole. Best effort: where IndexedDB is unavailable (some private windows), takes
 * live in memory only and the uploader says nothing it cannot keep.
 */
export interface StoredTake {
  id: string;
  callId: string;
  kind: 'audio' | 'video';
  fileType: string;
  extension: string;
  startedAt: number;
  finished: boolean;
  uploadUrl?: string;
}

interface StoredChunk {
  takeId: string;
  index: number;
  data: Blob;
}

const dbName = 'open-call-widgets';
const takes = 'takes';
const chunks = 'chunks';

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });

export class TakeStore {
  #db?: Promise<IDBDatabase>;

  #open(): Promise<IDBDatabase> {
    this.#db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore(takes, { keyPath: 'id' });
        db.createObjectStore(chunks, { keyPath: ['takeId', 'index'] }).createIndex('takeId', 'takeId');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB cannot be opened'));
    });
    return this.#db;
  }

  async #write(stores: string[], work: (tx: IDBTransaction) => void): Promise<void> {
    const tx = (await this.#open()).transaction(stores, 'readwrite');
    work(tx);
    await committed(tx);
  }

  /** Saves what is known about a take (not its bytes). */
  save(take: StoredTake): Promise<void> {
    markKeptTakes(true);
    return this.#write([takes], (tx) => tx.objectStore(takes).put(take));
  }

  addChunk(takeId: string, index: number, data: Blob): Promise<void> {
    return this.#write([chunks], (tx) => tx.objectStore(chunks).put({ takeId, index, data } satisfies StoredChunk));
  }

  /** The takes for a call that were never sent, oldest first. */
  async unsent(callId: string): Promise<StoredTake[]> {
    const all = (await done((await this.#open()).transaction(takes).objectStore(takes).getAll())) as StoredTake[];
    return all.filter((t) => t.callId === callId).sort((a, b) => a.startedAt - b.startedAt);
  }

  /** A take's bytes, in order. */
  async chunksOf(takeId: string): Promise<Blob[]> {
    const index = (await this.#open()).transaction(chunks).objectStore(chunks).index('takeId');
    const found = (await done(index.getAll(takeId))) as StoredChunk[];
    return found.sort((a, b) => a.index - b.index).map((c) => c.data);
  }

  /** Forgets a take: sent, discarded or recorded again. */
  async remove(takeId: string): Promise<void> {
    let left = 1;
    await this.#write([takes, chunks], (tx) => {
      tx.objectStore(takes).delete(takeId);
      tx.objectStore(chunks).delete(IDBKeyRange.bound([takeId, 0], [takeId, Infinity]));
      tx.objectStore(takes).count().onsuccess = (e) => (left = (e.target as IDBRequest<number>).result);
    });
    if (left === 0) markKeptTakes(false);
  }
}

/** The page's takes. */
export const takeStore = new TakeStore();
