// A PATCH whose connection is cut while it is on its way to the upload's lock, for the tests of
// the offset a HEAD answers right after it (test/server/resume-offset, test/scale/uploads-object).
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import type { UploadStore } from '../../demo/server/stores/uploads.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A PATCH of `body` at `offset` that sends its first 64 KiB, waits `pause` ms (the server has the
 * request and is checking it), sends all but the last MiB of the rest, and loses its connection.
 */
export function cutPatch(url: string, secret: string, offset: number, body: Uint8Array, pause: number): Promise<void> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      const head = [
        `PATCH ${pathname} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        'Tus-Resumable: 1.0.0',
        `Upload-Secret: ${secret}`,
        `Upload-Offset: ${offset}`,
        'Content-Type: application/offset+octet-stream',
        `Content-Length: ${body.length}`,
        '',
        '',
      ].join('\r\n');
      socket.write(Buffer.concat([Buffer.from(head), body.subarray(0, 64 * 1024)]));
      setTimeout(() => {
        socket.write(body.subarray(64 * 1024, body.length - 1024 * 1024), () => {
          socket.destroy();
          resolve();
        });
      }, pause);
    });
    socket.on('error', () => resolve());
  });
}

/**
 * An upload store whose reads of an upload's state take `delay` ms, as on a loaded machine or a
 * remote store: a PATCH's checks before it takes the upload's lock then take a while.
 */
export function slowUploads(store: UploadStore, delay: number): UploadStore {
  return { ...store, get: async (id) => (await sleep(delay), store.get(id)) };
}

/**
 * An upload store that writes what a PATCH brought `delay` ms after its body ended or failed, as
 * an object store sends its last block after the connection went. It changes `store` itself.
 */
export function lateWrites(store: UploadStore, delay: number): UploadStore {
  const { datastore } = store;
  const write = datastore.write.bind(datastore);
  datastore.write = async (stream, id, offset) => {
    const arrived: Buffer[] = [];
    let failure: unknown;
    try {
      for await (const chunk of stream) arrived.push(chunk as Buffer);
    } catch (error) {
      failure = error;
    }
    await sleep(delay);
    const written = await write(Readable.from(arrived), id, offset);
    if (failure) throw failure;
    return written;
  };
  return store;
}
