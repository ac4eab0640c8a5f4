import { Problem } from './problem.js';

/**
 * The media types the reference backend knows, with the extension a file of that type gets
 * and whether a browser may show it inline. Only plain raster images, audio and video are
 * inline: they cannot run script. SVG (which can), and anything else, is always a download.
 */
const knownTypes: Record<string, { extension: string; inline: boolean }> = {
  'image/png': { extension: 'png', inline: true },
  'image/jpeg': { extension: 'jpg', inline: true },
  'image/gif': { extension: 'gif', inline: true },
  'image/webp': { extension: 'webp', inline: true },
  'image/avif': { extension: 'avif', inline: true },
  'image/svg+xml': { extension: 'svg', inline: false },
  'audio/ogg': { extension: 'ogg', inline: true },
  'audio/opus': { extension: 'opus', inline: true },
  'audio/mpeg': { extension: 'mp3', inline: true },
  'audio/mp4': { extension: 'm4a', inline: true },
  'audio/aac': { extension: 'aac', inline: true },
  'audio/flac': { extension: 'flac', inline: true },
  'audio/wav': { extension: 'wav', inline: true },
  'audio/x-wav': { extension: 'wav', inline: true },
  'audio/wave': { extension: 'wav', inline: true },
  'audio/webm': { extension: 'weba', inline: true },
  'video/mp4': { extension: 'mp4', inline: true },
  'video/webm': { extension: 'webm', inline: true },
  'video/ogg': { extension: 'ogv', inline: true },
  'video/quicktime': { extension: 'mov', inline: true },
  'text/plain': { extension: 'txt', inline: false },
  'application/pdf': { extension: 'pdf', inline: false },
};

export interface MediaType {
  /** What `Content-Type` says: a known type, or `application/octet-stream`. */
  type: string;
  extension: string;
  /** False: sent as an attachment in a sandbox, never rendered by the browser as a page. */
  inline: boolean;
}

/**
 * The media type to serve an upload as. The upload's `filetype` came from the browser that
 * made it: only a type on the known list is kept (parameters such as `codecs` dropped).
 */
export function mediaTypeOf(filetype: string | undefined): MediaType {
  const essence = (filetype ?? '').split(';')[0].trim().toLowerCase();
  const known = Object.hasOwn(knownTypes, essence) ? knownTypes[essence] : undefined;
  return known ? { type: essence, ...known } : { type: 'application/octet-stream', extension: 'bin', inline: false };
}

/** One stored file, as the uploads store hands it to the media route. */
export interface MediaFile {
  /** Exact size in bytes. */
  size: number;
  /** The upload's declared type (from its tus metadata); checked by `mediaTypeOf`. */
  filetype?: string;
  /** The name a download gets (without a path); the extension follows the served type. */
  downloadName: string;
  /** Something that changes whenever the bytes could: e.g. the upload id and size. */
  version: string;
  modified?: Date;
  /** Opens the bytes from `start` to `end` inclusive (as the uploads store's `read` does). */
  open(range: { start: number; end: number }): Promise<ReadableStream<Uint8Array>>;
}

/** A single byte range of a file of `size` bytes; undefined when the header asks for none we serve. */
export type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

/**
 * Reads a `Range` header (RFC 9110 §14). Only one `bytes=` range is served; a header that is
 * malformed, asks for another unit or for several ranges is ignored (the whole file is sent),
 * as the RFC allows. A range that starts past the end is unsatisfiable (416).
 */
export function parseRange(header: string | null, size: number): ByteRange {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  if (match[2] !== '' && Number(match[2]) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end: match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1) };
}

const problemResponse = (problem: Problem, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(problem.toJSON()), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers },
  });

const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');

/**
 * Answers a GET or HEAD for one stored file: the whole file (200), one range of it (206) so
 * audio and video can seek, 304 for a matching `If-None-Match`, or 416 for a range past its
 * end. A type that is not a plain image, audio or video is never rendered inline.
 */
export async function serveMedia(request: Request, file: MediaFile): Promise<Response> {
  const media = mediaTypeOf(file.filetype);
  const etag = `"${Buffer.from(file.version).toString('base64url')}"`;
  const headers: Record<string, string> = {
    'Content-Type': media.type,
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Cache-Control': 'public, max-age=600',
    'X-Content-Type-Options': 'nosniff',
    // A gallery on any blog shows these files, so another origin may embed them.
    'Cross-Origin-Resource-Policy': 'cross-origin',
  };
  if (file.modified) headers['Last-Modified'] = file.modified.toUTCString();
  if (!media.inline) {
    const name = `${file.downloadName.replace(/\.[^.]*$/, '')}.${media.extension}`;
    headers['Content-Disposition'] = `attachment; filename="${asciiName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;
    headers['Content-Security-Policy'] = "default-src 'none'; sandbox";
  }

  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag))
    return new Response(null, { status: 304, headers });

  // If-Range: a range only applies to the version the client already has part of.
  const ifRange = request.headers.get('if-range');
  const rangeApplies = !ifRange || ifRange === etag || (file.modified !== undefined && ifRange === headers['Last-Modified']);
  const range = rangeApplies ? parseRange(request.headers.get('range'), file.size) : undefined;
  if (range === 'unsatisfiable')
    return problemResponse(
      new Problem(416, 'range-not-satisfiable', 'The range is outside the file.', `The file has ${file.size} bytes.`),
      { 'Content-Range': `bytes */${file.size}`, 'Accept-Ranges': 'bytes' },
    );

  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  const length = end - start + 1;
  headers['Content-Length'] = String(length);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${file.size}`;
  const status = range ? 206 : 200;
  if (request.method === 'HEAD' || length === 0) return new Response(null, { status, headers });
  return new Response(await file.open({ start, end }), { status, headers });
}
