/** How many leading bytes of an image `imageSize` may need (a JPEG's EXIF comes before its size). */
export const imageHeadBytes = 256 * 1024;

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * The pixel size of a PNG, GIF, WebP or JPEG from its first bytes, so a gallery can reserve
 * the space before the image loads. Undefined for anything else, or a header that does not
 * add up: the bytes came from a visitor, and a wrong size is worse than none.
 */
export function imageSize(head: Uint8Array): ImageSize | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const ascii = (at: number, length: number) =>
    at + length <= head.length ? String.fromCharCode(...head.subarray(at, at + length)) : '';
  const size = (width: number, height: number) =>
    width > 0 && height > 0 && width <= 65_535 && height <= 65_535 ? { width, height } : undefined;

  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n' && ascii(12, 4) === 'IHDR' && head.length >= 24)
    return size(view.getUint32(16), view.getUint32(20));
  if ((ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') && head.length >= 10)
    return size(view.getUint16(6, true), view.getUint16(8, true));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return webpSize(head, view, ascii(12, 4), size);
  if (head[0] === 0xff && head[1] === 0xd8) return jpegSize(head, view, size);
  return undefined;
}

type Sized = (width: number, height: number) => ImageSize | undefined;

function webpSize(head: Uint8Array, view: DataView, chunk: string, size: Sized): ImageSize | undefined {
  if (chunk === 'VP8X' && head.length >= 30) {
    const read24 = (at: number) => head[at] | (head[at + 1] << 8) | (head[at + 2] << 16);
    return size(read24(24) + 1, read24(27) + 1);
  }
  if (chunk === 'VP8 ' && head.length >= 30 && head[23] === 0x9d && head[24] === 0x01 && head[25] === 0x2a)
    return size(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff);
  if (chunk === 'VP8L' && head.length >= 25 && head[20] === 0x2f) {
    const bits = view.getUint32(21, true);
    return size((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
  }
  return undefined;
}

/** Walks the JPEG's segments to its start-of-frame, which holds the size. */
function jpegSize(head: Uint8Array, view: DataView, size: Sized): ImageSize | undefined {
  let at = 2;
  while (at + 9 <= head.length) {
    if (head[at] !== 0xff) return undefined;
    const marker = head[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Standalone markers carry no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (length < 2) return undefined;
    const startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (startOfFrame) return size(view.getUint16(at + 7), view.getUint16(at + 5));
    if (marker === 0xd9 || marker === 0xda) return undefined;
    at += 2 + length;
  }
  return undefined;
}
