import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, existsSync, ftruncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ContributionKind } from '../../src/api/types.js';

/** One accepted contribution, as kept on disk. */
export interface StoredContribution {
  id: string;
  callId: string;
  receivedAt: string;
  kind: ContributionKind;
  title?: string;
  text?: string;
  creditName: string;
  email?: string;
  language?: string;
  consent: { termsVersion: string; acceptedAt: string };
  uploads: Array<{ url: string; uploadId: string; size: number; filename?: string; filetype?: string }>;
}

/**
 * Contributions in an append-only JSON-lines file. Each record is written and fsync'd before
 * the server answers 201, so a process killed right after answering loses nothing. Writes are
 * synchronous: a check ("is this upload already used?") and its write cannot interleave with
 * another request's.
 */
export class ContributionStore {
  readonly path: string;
  private readonly fd: number;
  private readonly byCall = new Map<string, number>();
  private readonly usedUploads = new Map<string, string>();
  readonly all: StoredContribution[] = [];

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.path = join(dataDir, 'contributions.jsonl');
    const created = !existsSync(this.path);
    for (const record of readLog(this.path)) this.index(record);
    this.fd = openSync(this.path, 'a');
    if (created) {
      // Make the new file's directory entry durable too.
      const dir = openSync(dataDir, 'r');
      fsyncSync(dir);
      closeSync(dir);
    }
  }

  countFor(callId: string): number {
    return this.byCall.get(callId) ?? 0;
  }

  /** The id of the contribution that already names this upload, if any. */
  usedBy(uploadId: string): string | undefined {
    return this.usedUploads.get(uploadId);
  }

  add(record: StoredContribution): void {
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    fsyncSync(this.fd);
    this.index(record);
  }

  close(): void {
    closeSync(this.fd);
  }

  private index(record: StoredContribution): void {
    this.all.push(record);
    this.byCall.set(record.callId, this.countFor(record.callId) + 1);
    for (const upload of record.uploads) this.usedUploads.set(upload.uploadId, record.id);
  }
}

/**
 * Reads the log. A crash in the middle of a write can leave a torn last line: it was never
 * acknowledged, so it is cut off rather than refusing to start.
 */
export function readLog(path: string): StoredContribution[] {
  if (!existsSync(path)) return [];
  const content = readFileSync(path, 'utf8');
  const records: StoredContribution[] = [];
  let good = 0;
  for (const line of content.split('\n')) {
    if (line === '') break;
    try {
      records.push(JSON.parse(line) as StoredContribution);
      good += Buffer.byteLength(line) + 1;
    } catch {
      break;
    }
  }
  if (good < Buffer.byteLength(content)) {
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, good);
    fsyncSync(fd);
    closeSync(fd);
  }
  return records;
}
