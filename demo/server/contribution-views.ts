import type { Call, Contribution, ContributionMedia, PublishedContribution } from '../../src/api/types.js';
import { signPreview } from './auth.js';
import { imageHeadBytes, imageSize, type ImageSize } from './image-size.js';
import { mediaTypeOf } from './media.js';
import type { StoredContribution, StoredUpload } from './stores/contributions.js';
import type { UploadStore } from './stores/uploads.js';

/** The path of a contribution's file `n` on the media route, under the public URL. */
export const mediaPath = (contributionId: string, n: number) => `/v1/media/${encodeURIComponent(contributionId)}/${n}`;

/**
 * Image sizes, read once per upload from the first bytes of the file and kept: a finished
 * upload's bytes never change. A file that is not an image, or not one `imageSize` reads, has
 * no size.
 */
export class ImageSizes {
  private readonly known = new Map<string, Promise<ImageSize | undefined>>();
  private static readonly most = 10_000;

  constructor(private readonly uploads: UploadStore) {}

  of(upload: StoredUpload): Promise<ImageSize | undefined> {
    if (!mediaTypeOf(upload.filetype).type.startsWith('image/') || upload.size === 0) return Promise.resolve(undefined);
    let size = this.known.get(upload.uploadId);
    if (!size) {
      size = this.read(upload).catch(() => undefined);
      if (this.known.size >= ImageSizes.most) this.known.delete(this.known.keys().next().value as string);
      this.known.set(upload.uploadId, size);
    }
    return size;
  }

  private async read(upload: StoredUpload): Promise<ImageSize | undefined> {
    const stream = await this.uploads.read(upload.uploadId, { start: 0, end: Math.min(upload.size, imageHeadBytes) - 1 });
    const chunks: Uint8Array[] = [];
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    return imageSize(new Uint8Array(Buffer.concat(chunks)));
  }
}

async function mediaOf(
  record: StoredContribution,
  publicUrl: string,
  sizes: ImageSizes,
  sign?: (path: string) => string,
): Promise<Array<ContributionMedia & { filename?: string }>> {
  return Promise.all(
    record.uploads.map(async (upload, n) => {
      const path = mediaPath(record.id, n);
      const media: ContributionMedia & { filename?: string } = {
        url: `${publicUrl}${path}${sign ? `?${sign(path)}` : ''}`,
        type: mediaTypeOf(upload.filetype).type,
        bytes: upload.size,
      };
      const size = await sizes.of(upload);
      if (size) Object.assign(media, size);
      if (sign && upload.filename) media.filename = upload.filename;
      return media;
    }),
  );
}

/**
 * A published contribution as anyone may see it: built field by field, so nothing of the
 * record that is not listed here (the email, the consent, the upload URLs) can leak out.
 */
export async function publishedView(
  record: StoredContribution,
  call: Call | undefined,
  publicUrl: string,
  sizes: ImageSizes,
): Promise<PublishedContribution> {
  return {
    id: record.id,
    callId: record.callId,
    kind: record.kind,
    ...(record.title !== undefined && { title: record.title }),
    ...(record.text !== undefined && { text: record.text }),
    creditName: record.creditName,
    ...(record.language !== undefined && { language: record.language }),
    media: await mediaOf(record, publicUrl, sizes),
    ...(record.basedOn?.length && { basedOn: [...record.basedOn] }),
    publishedAt: record.publishedAt ?? record.receivedAt,
    ...(call?.terms.license && { license: call.terms.license }),
  };
}

/**
 * A contribution as an organiser reviews it: the whole record, email included, with media
 * links signed for preview (an `<audio>` cannot send the token) instead of the upload URLs.
 */
export async function organiserView(
  record: StoredContribution,
  call: Call | undefined,
  publicUrl: string,
  sizes: ImageSizes,
  previewKey: Buffer | undefined,
): Promise<Contribution> {
  const signer = previewKey && ((path: string) => signPreview(previewKey, path));
  // Fields in the order a reader of the JSON expects them; optional ones only when present.
  return {
    id: record.id,
    callId: record.callId,
    ...(call?.campaign !== undefined && { campaign: call.campaign }),
    kind: record.kind,
    ...(record.title !== undefined && { title: record.title }),
    ...(record.text !== undefined && { text: record.text }),
    creditName: record.creditName,
    ...(record.email !== undefined && { email: record.email }),
    ...(record.language !== undefined && { language: record.language }),
    consent: { termsVersion: record.consent.termsVersion, acceptedAt: record.consent.acceptedAt },
    ...(record.basedOn?.length && { basedOn: [...record.basedOn] }),
    status: record.status,
    receivedAt: record.receivedAt,
    ...(record.status === 'published' && record.publishedAt && { publishedAt: record.publishedAt }),
    media: await mediaOf(record, publicUrl, sizes, signer),
  };
}
