import { Readable } from 'node:stream';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { S3 } from '@aws-sdk/client-s3';
import { AzureStore } from '@tus/azure-store';
import { S3Store } from '@tus/s3-store';
import { ERRORS, Metadata, Upload, type KvStore } from '@tus/server';
import type { UploadStore } from './uploads.js';

/**
 * The object stores keep each upload's state (size, offset, metadata) in the storage service
 * itself; their default cache copies it into each instance's memory, where another instance's
 * PATCH cannot update it. Behind a load balancer every instance must read the service's own
 * copy: this cache keeps nothing.
 */
export function noCache<T>(): KvStore<T> {
  return {
    get: () => Promise.resolve(undefined),
    set: () => Promise.resolve(),
    delete: () => Promise.resolve(),
    list: () => Promise.resolve([]),
  };
}

/** An object store as the routes see it, plus the check `/readyz` makes. */
export interface ObjectUploadStore extends UploadStore {
  ping(): Promise<void>;
}

const toWeb = (body: NodeJS.ReadableStream | Readable | undefined): ReadableStream<Uint8Array> => {
  if (!body) throw new Error('The storage service sent no body.');
  return Readable.toWeb(body instanceof Readable ? body : Readable.from(body)) as ReadableStream<Uint8Array>;
};

/** Azure's largest append block (4 MiB in every service version). */
const appendBlockBytes = 4 * 1024 * 1024;

/** An upload's tus state as @tus/azure-store keeps it in the blob's metadata. */
function uploadFrom(id: string, stored: string | undefined, length: number | undefined): Upload | undefined {
  if (!stored) return undefined;
  try {
    const value = JSON.parse(stored) as Upload & { metadata?: string };
    return new Upload({
      id,
      size: value.size,
      metadata: Metadata.parse(value.metadata ?? ''),
      offset: length ?? 0,
      storage: value.storage,
      creation_date: value.creation_date,
    });
  } catch {
    return undefined;
  }
}

/**
 * @tus/azure-store, with what several instances and large files need:
 * - the offset is the blob's length, not a copy in its metadata. The store appends a PATCH and
 *   then records the new offset: an instance killed between the two left a blob longer than
 *   its offset, and the resumed upload appended the same bytes again;
 * - a PATCH is appended in blocks of 4 MiB as it arrives (each on the condition that the blob
 *   is as long as expected), not gathered in memory first, and what arrived before a dropped
 *   connection is kept, as @tus/file-store keeps it;
 * - termination (a visitor throws away a take they have not sent) and expiry (the sweep).
 */
class AzureUploads extends AzureStore {
  constructor(
    private readonly container: ContainerClient,
    private readonly expiryMs: number,
  ) {
    super({ client: container, cache: noCache<Upload>() });
    this.extensions = [...this.extensions, 'termination', 'expiration'];
  }

  override async getUpload(id: string): Promise<Upload> {
    let properties;
    try {
      properties = await this.container.getAppendBlobClient(id).getProperties();
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) throw ERRORS.FILE_NOT_FOUND;
      throw error;
    }
    const upload = uploadFrom(id, properties.metadata?.upload, properties.contentLength);
    if (!upload) throw ERRORS.FILE_NOT_FOUND;
    return upload;
  }

  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    const blob = this.container.getAppendBlobClient(id);
    let position = offset;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const append = async (block: Buffer) => {
      await blob.appendBlock(block, block.length, { conditions: { appendPosition: position } });
      position += block.length;
    };
    const flush = async (all: boolean) => {
      while (pendingBytes >= appendBlockBytes || (all && pendingBytes > 0)) {
        const joined = Buffer.concat(pending, pendingBytes);
        const block = joined.subarray(0, Math.min(appendBlockBytes, joined.length));
        pending = [joined.subarray(block.length)];
        pendingBytes = joined.length - block.length;
        await append(block);
      }
    };
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        await flush(false);
      }
    } catch (error) {
      // The connection dropped: keep what arrived, so that the client resumes after it.
      await flush(true).catch(() => undefined);
      throw error;
    }
    await flush(true);
    return position;
  }

  override async remove(id: string): Promise<void> {
    await this.container.getBlobClient(id).deleteIfExists();
  }

  override getExpiration(): number {
    return this.expiryMs;
  }
}

/**
 * Uploads in Azure Blob Storage (`UPLOAD_STORE=azure`): one append blob per upload, its tus
 * state in the blob's metadata. `AZURE_STORAGE_CONNECTION_STRING` and `UPLOAD_CONTAINER`; the
 * container is created when missing.
 */
export async function azureUploadStore({
  connectionString,
  container: name,
  expiryMs,
}: {
  connectionString: string;
  container: string;
  expiryMs: number;
}): Promise<ObjectUploadStore> {
  const container = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(name);
  await container.createIfNotExists();
  const datastore = new AzureUploads(container, expiryMs);
  const get = (id: string) => datastore.getUpload(id).catch(() => undefined);
  return {
    datastore,
    get,
    async list() {
      const uploads: Upload[] = [];
      for await (const blob of container.listBlobsFlat({ includeMetadata: true })) {
        const upload = uploadFrom(blob.name, blob.metadata?.upload, blob.properties.contentLength);
        if (upload) uploads.push(upload);
      }
      return uploads;
    },
    async read(id, range) {
      const download = await container
        .getBlobClient(id)
        .download(range?.start ?? 0, range ? range.end - range.start + 1 : undefined);
      return toWeb(download.readableStreamBody);
    },
    async ping() {
      await container.getProperties();
    },
  };
}

/**
 * @tus/s3-store, except that removing a finished upload works: its own `remove` aborts the
 * multipart upload first, which S3 no longer knows once it was completed, and answers 404.
 */
class S3Uploads extends S3Store {
  override async remove(id: string): Promise<void> {
    const { 'upload-id': uploadId } = await this.getMetadata(id);
    const upload = await this.getUpload(id).catch(() => undefined);
    const finished = upload?.size !== undefined && upload.offset === upload.size;
    if (uploadId && !finished)
      await this.client.abortMultipartUpload({ Bucket: this.bucket, Key: id, UploadId: uploadId }).catch(() => undefined);
    await this.client.deleteObjects({
      Bucket: this.bucket,
      Delete: { Objects: [{ Key: id }, { Key: this.infoKey(id) }, { Key: this.partKey(id, true) }] },
    });
  }
}

/**
 * Uploads in S3 or a compatible service (`UPLOAD_STORE=s3`): @tus/s3-store's multipart uploads,
 * with each upload's state in a `<id>.info` object. `UPLOAD_BUCKET`, and the AWS SDK's own
 * `AWS_REGION`, `AWS_ENDPOINT_URL` (for a compatible service; path-style addressing then),
 * `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`.
 */
export function s3UploadStore({
  bucket,
  region,
  endpoint,
  credentials,
  expiryMs,
  partSize,
}: {
  bucket: string;
  region?: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  expiryMs: number;
  /** Bytes per multipart part, 5 MiB or more (S3's minimum). */
  partSize?: number;
}): ObjectUploadStore {
  const clientConfig = { region: region ?? 'us-east-1', endpoint, forcePathStyle: endpoint !== undefined, credentials };
  const datastore = new S3Uploads({
    partSize: partSize ?? 8 * 1024 * 1024,
    expirationPeriodInMilliseconds: expiryMs,
    cache: noCache(),
    s3ClientConfig: { ...clientConfig, bucket },
  });
  const s3 = new S3(clientConfig);
  const get = (id: string) => datastore.getUpload(id).catch(() => undefined);
  return {
    datastore,
    get,
    async list() {
      const ids: string[] = [];
      let token: string | undefined;
      do {
        const page = await s3.listObjectsV2({ Bucket: bucket, ContinuationToken: token });
        for (const object of page.Contents ?? []) if (object.Key?.endsWith('.info')) ids.push(object.Key.slice(0, -5));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      const uploads = await Promise.all(ids.map(get));
      return uploads.filter((u): u is Upload => u !== undefined);
    },
    async read(id, range) {
      const object = await s3.getObject({ Bucket: bucket, Key: id, Range: range && `bytes=${range.start}-${range.end}` });
      return toWeb(object.Body as Readable | undefined);
    },
    async ping() {
      await s3.headBucket({ Bucket: bucket });
    },
  };
}
