import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ERRORS, type DataStore, type Upload } from '@tus/server';
import { FileStore } from '@tus/file-store';
import { Problem } from '../problem.js';

/**
 * Where uploaded files live. @tus/server writes through `datastore`; the routes read through the
 * other methods, so that object storage (@tus/s3-store, @tus/azure-store) can take the file
 * store's place without touching them.
 */
export interface UploadStore {
  /** The tus data store @tus/server writes to. */
  readonly datastore: DataStore;
  /** An upload's size, offset and metadata; undefined when the store does not know it. */
  get(id: string): Promise<Upload | undefined>;
  /** Every upload the store holds, finished or not (for limits recomputed at start-up). */
  list(): Promise<Upload[]>;
  /** The bytes of an upload, or of the inclusive byte range `[start, end]` of it. */
  read(id: string, range?: { start: number; end: number }): Promise<ReadableStream<Uint8Array>>;
}

/** The embedded default: files and their tus metadata in a directory (@tus/file-store). */
export function fileUploadStore({ directory, expiryMs }: { directory: string; expiryMs: number }): UploadStore {
  const datastore = new RoomAwareFileStore({ directory, expirationPeriodInMilliseconds: expiryMs });
  const get = (id: string) => datastore.getUpload(id).catch(() => undefined);
  return {
    datastore,
    get,
    async list() {
      const ids = (await datastore.configstore.list?.().catch(() => [])) ?? []; // no directory yet: none
      const uploads = await Promise.all(ids.map(get));
      return uploads.filter((u): u is Upload => u !== undefined);
    },
    read(id, range) {
      const stream = createReadStream(join(directory, id), range && { start: range.start, end: range.end });
      return Promise.resolve(Readable.toWeb(stream) as ReadableStream<Uint8Array>);
    },
  };
}

/**
 * @tus/file-store, except that a write the disk has no room for is answered 507 (a problem
 * document), not a 500 that hides why. What did reach the disk stays: the upload resumes from it.
 */
class RoomAwareFileStore extends FileStore {
  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    let received = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(readable, count, createWriteStream(join(this.directory, id), { flags: 'r+', start: offset }));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') {
        const problem = new Problem(
          507,
          'storage-full',
          'The server has no room.',
          'The server has no room for more of this file; try again later.',
        );
        throw { status_code: 507, body: JSON.stringify(problem.toJSON()) };
      }
      throw ERRORS.FILE_WRITE_ERROR;
    }
    return offset + received;
  }
}
