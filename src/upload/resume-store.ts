import type { PreviousUpload, UrlStorage } from 'tus-js-client';

/**
 * Where unfinished uploads are remembered, so that a visitor who reloads or closes the tab
 * and picks the same file again continues from the server's offset. Unlike tus-js-client's
 * default storage, entries expire (after the server would have dropped the upload anyway)
 * and their number is capped, so stale entries cannot fill localStorage.
 */
export interface ResumeStoreOptions {
  /** How long an entry is kept. Default: 24 hours, the reference server's upload expiry. */
  maxAgeMs?: number;
  /** How many entries are kept at most; the oldest go first. Default 50. */
  maxEntries?: number;
  /** Default: localStorage, when the page may use it. */
  storage?: Storage;
}

const prefix = 'open-call-widgets:resume:';

interface Entry extends PreviousUpload {
  urlStorageKey: string;
}

export function defaultStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage may be blocked (third-party iframe, strict privacy settings): then nothing resumes.
    return undefined;
  }
}

export class ResumeStore implements UrlStorage {
  readonly #maxAgeMs: number;
  readonly #maxEntries: number;
  readonly #storage: Storage | undefined;

  constructor(options: ResumeStoreOptions = {}) {
    this.#maxAgeMs = options.maxAgeMs ?? 24 * 3600 * 1000;
    this.#maxEntries = options.maxEntries ?? 50;
    this.#storage = options.storage ?? defaultStorage();
  }

  async findAllUploads(): Promise<PreviousUpload[]> {
    return this.#entries().map(([, entry]) => entry);
  }

  async findUploadsByFingerprint(fingerprint: string): Promise<PreviousUpload[]> {
    return this.#entries(`${prefix}${fingerprint}::`).map(([, entry]) => entry);
  }

  async removeUpload(urlStorageKey: string): Promise<void> {
    this.#storage?.removeItem(urlStorageKey);
  }

  async addUpload(fingerprint: string, upload: PreviousUpload): Promise<string> {
    if (!this.#storage) return '';
    const key = `${prefix}${fingerprint}::${Math.round(Math.random() * 1e12)}`;
    const entry = { ...upload, creationTime: upload.creationTime || new Date().toString() };
    const all = this.#entries();
    // Make room: the oldest entries go first.
    for (const [oldKey] of all.slice(0, Math.max(0, all.length - this.#maxEntries + 1))) this.#storage.removeItem(oldKey);
    try {
      this.#storage.setItem(key, JSON.stringify(entry));
    } catch {
      return ''; // Storage full or refused: the upload still works, it just cannot resume.
    }
    return key;
  }

  /** Live entries under `start`, oldest first; expired and unreadable ones are removed on the way. */
  #entries(start = prefix): Array<[string, Entry]> {
    const storage = this.#storage;
    if (!storage) return [];
    const now = Date.now();
    const found: Array<[string, Entry, number]> = [];
    for (let i = storage.length - 1; i >= 0; i--) {
      const key = storage.key(i);
      if (!key?.startsWith(start)) continue;
      let entry: Entry | undefined;
      try {
        entry = JSON.parse(storage.getItem(key) ?? '') as Entry;
      } catch {
        entry = undefined;
      }
      const created = entry ? Date.parse(entry.creationTime) : NaN;
      if (!entry || Number.isNaN(created) || now - created > this.#maxAgeMs) {
        storage.removeItem(key);
        continue;
      }
      found.push([key, { ...entry, urlStorageKey: key }, created]);
    }
    return found.sort((a, b) => a[2] - b[2]).map(([key, entry]) => [key, entry]);
  }
}

/** The page's store: every uploader (and every copy of the library) reads the same entries. */
export const resumeStore = new ResumeStore();
