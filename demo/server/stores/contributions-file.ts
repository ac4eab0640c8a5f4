import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  InvalidCursorError,
  reviewStatuses,
  StorageFullError,
  UploadClaimedError,
  type ContributionPage,
  type ContributionQuery,
  type ContributionStore,
  type NewContribution,
  type ReviewStatus,
  type StoredContribution,
} from './contributions.js';

/** A review decision, as a line of the log. */
interface ReviewRecord {
  review: string;
  status: ReviewStatus;
  at: string;
}

/**
 * The embedded store: contributions and review decisions in one append-only JSON-lines file,
 * durable on a single machine. Each line is written and fsync'd before `add` or `setStatus`
 * resolves; a write that does not fully reach the disk is cut off again, so the next line
 * starts clean and nothing half-written is ever acknowledged. Writes are synchronous: claiming
 * an upload and writing the record cannot interleave with another request's claim.
 */
export class FileContributionStore implements ContributionStore {
  readonly path: string;
  /** Lines that could not be read at start-up are moved here, not dropped. */
  readonly rejectedPath: string;
  private readonly fd: number;
  /** Bytes of the log that hold complete, acknowledged lines. */
  private size: number;
  private readonly all: StoredContribution[] = [];
  private readonly byId = new Map<string, StoredContribution>();
  private readonly counts = new Map<string, number>();
  private readonly usedUploads = new Map<string, string>();

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.path = join(dataDir, 'contributions.jsonl');
    this.rejectedPath = join(dataDir, 'contributions.rejected.jsonl');
    const created = !existsSync(this.path);
    if (created) {
      writeFileSync(this.path, '');
      // Make the new file's directory entry durable too.
      fsyncDirectory(dataDir);
    }
    const log = recoverLog(this.path, this.rejectedPath);
    for (const line of log.lines) this.apply(line);
    this.fd = openSync(this.path, 'r+');
    this.size = log.size;
  }

  add(contribution: NewContribution): Promise<StoredContribution> {
    try {
      for (const upload of contribution.uploads) {
        const owner = this.usedUploads.get(upload.uploadId);
        if (owner) throw new UploadClaimedError(upload.uploadId, owner);
      }
      const record: StoredContribution = { ...contribution, status: 'received' };
      this.append(record);
      this.apply(record);
      return Promise.resolve({ ...record });
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  get(id: string): Promise<StoredContribution | undefined> {
    const record = this.byId.get(id);
    return Promise.resolve(record && { ...record });
  }

  list({ callIds, status, limit, cursor }: ContributionQuery): Promise<ContributionPage> {
    let start = this.all.length - 1;
    if (cursor !== undefined) {
      const [index, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
      start = Number(index);
      if (!Number.isInteger(start) || this.all[start]?.id !== id) return Promise.reject(new InvalidCursorError());
    }
    const calls = callIds && new Set(callIds);
    const items: StoredContribution[] = [];
    let i = start;
    for (; i >= 0 && items.length < limit; i--) {
      const record = this.all[i];
      if ((!calls || calls.has(record.callId)) && (!status || record.status === status)) items.push({ ...record });
    }
    // Look ahead for one more match, so that the last page says `next: null`.
    while (i >= 0 && !((!calls || calls.has(this.all[i].callId)) && (!status || this.all[i].status === status))) i--;
    const next = i >= 0 ? Buffer.from(`${i}:${this.all[i].id}`).toString('base64url') : null;
    return Promise.resolve({ items, next });
  }

  setStatus(id: string, status: ReviewStatus, at = new Date()): Promise<StoredContribution | undefined> {
    try {
      if (!this.byId.has(id)) return Promise.resolve(undefined);
      const review: ReviewRecord = { review: id, status, at: at.toISOString() };
      this.append(review);
      this.apply(review);
      return this.get(id);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  countsByCall(): Promise<ReadonlyMap<string, number>> {
    return Promise.resolve(this.counts);
  }

  usedBy(uploadId: string): Promise<string | undefined> {
    return Promise.resolve(this.usedUploads.get(uploadId));
  }

  close(): Promise<void> {
    closeSync(this.fd);
    return Promise.resolve();
  }

  private append(line: StoredContribution | ReviewRecord): void {
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`);
    try {
      // A full disk takes part of a write and refuses the rest: loop, and fail as a whole.
      let written = 0;
      while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, this.size + written);
      fsyncSync(this.fd);
      this.size += bytes.length;
    } catch (error) {
      try {
        ftruncateSync(this.fd, this.size);
        fsyncSync(this.fd);
      } catch {
        // Cut again before the next write; at start-up a torn tail is set aside.
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') throw new StorageFullError({ cause: error });
      throw error;
    }
  }

  private apply(line: StoredContribution | ReviewRecord): void {
    if ('review' in line) {
      const record = this.byId.get(line.review);
      if (!record) return;
      record.status = line.status;
      if (line.status === 'published') record.publishedAt = line.at;
      return;
    }
    const record: StoredContribution = { ...line, status: line.status ?? 'received' };
    this.all.push(record);
    this.byId.set(record.id, record);
    this.counts.set(record.callId, (this.counts.get(record.callId) ?? 0) + 1);
    for (const upload of record.uploads)
      if (!this.usedUploads.has(upload.uploadId)) this.usedUploads.set(upload.uploadId, record.id);
  }
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function isContribution(v: Record<string, unknown>): v is Record<string, unknown> & StoredContribution {
  return (
    isText(v.id) &&
    isText(v.callId) &&
    isText(v.receivedAt) &&
    isText(v.kind) &&
    typeof v.creditName === 'string' &&
    Array.isArray(v.uploads) &&
    v.uploads.every((u: unknown) => typeof u === 'object' && u !== null && isText((u as Record<string, unknown>).uploadId))
  );
}

function isReview(v: Record<string, unknown>): v is Record<string, unknown> & ReviewRecord {
  return isText(v.review) && (reviewStatuses as readonly unknown[]).includes(v.status) && isText(v.at);
}

/**
 * Reads the log, setting aside every line that cannot be read (a torn last line after a crash,
 * a record damaged in the middle, a review of a contribution the log does not hold) into the
 * rejected file, and keeping every other line. The log is rewritten only when something was set
 * aside.
 */
function recoverLog(path: string, rejectedPath: string): { lines: Array<StoredContribution | ReviewRecord>; size: number } {
  const content = readFileSync(path, 'utf8');
  const lines: Array<StoredContribution | ReviewRecord> = [];
  const kept: string[] = [];
  const setAside: string[] = [];
  const ids = new Set<string>();
  const parts = content.split('\n');
  const tail = parts.pop() ?? '';
  for (const raw of parts) {
    if (raw === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      setAside.push(raw);
      continue;
    }
    const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    if (isReview(v) && ids.has(v.review)) lines.push(v);
    else if (isContribution(v) && !ids.has(v.id)) {
      ids.add(v.id);
      lines.push(v);
    } else {
      setAside.push(raw);
      continue;
    }
    kept.push(raw);
  }
  // A last line without its newline was never acknowledged: its write did not finish.
  if (tail !== '') setAside.push(tail);
  if (setAside.length === 0) return { lines, size: Buffer.byteLength(content) };

  appendFileSync(rejectedPath, `${setAside.join('\n')}\n`);
  const rejected = openSync(rejectedPath, 'r');
  fsyncSync(rejected);
  closeSync(rejected);
  const text = kept.map((l) => `${l}\n`).join('');
  const temporary = `${path}.recovering`;
  writeFileSync(temporary, text);
  const fd = openSync(temporary, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temporary, path);
  fsyncDirectory(join(path, '..'));
  console.error(`contributions: set ${setAside.length} unreadable line(s) aside in ${rejectedPath}`);
  return { lines, size: Buffer.byteLength(text) };
}

function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  fsyncSync(fd);
  closeSync(fd);
}

/** Every contribution in a log file, with its review state; for tests and tools. */
export function readLog(path: string): StoredContribution[] {
  if (!existsSync(path)) return [];
  const byId = new Map<string, StoredContribution>();
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (isReview(v)) {
      const record = byId.get(v.review);
      if (record) record.status = v.status;
      if (record && v.status === 'published') record.publishedAt = v.at;
    } else if (isContribution(v) && !byId.has(v.id)) byId.set(v.id, { ...v, status: v.status ?? 'received' });
  }
  return [...byId.values()];
}
