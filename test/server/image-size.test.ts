import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { imageSize } from '../../demo/server/image-size.js';

// 5×3 images drawn on a canvas in Chromium and saved with toDataURL (JPEG, PNG, WebP).
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));

/** The WebP's own VP8 bitstream in a simple-format file (no VP8X extension header). */
function simpleWebp(extended: Uint8Array): Uint8Array {
  const at = Buffer.from(extended).indexOf('VP8 ');
  const length = new DataView(extended.buffer).getUint32(at + 4, true);
  const chunk = extended.subarray(at, at + 8 + length + (length % 2));
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0);
  riff.writeUInt32LE(4 + chunk.length, 4);
  riff.write('WEBP', 8);
  return new Uint8Array(Buffer.concat([riff, chunk]));
}

/** A GIF89a whose screen and only image are 5×3 (one LZW-coded pixel; decoders fill the rest). */
// prettier-ignore
const gif = new Uint8Array([
  ...Buffer.from('GIF89a'), 5, 0, 3, 0, 0x80, 0, 0, // screen 5×3, a 2-colour table
  0, 0, 0, 255, 255, 255,
  0x2c, 0, 0, 0, 0, 5, 0, 3, 0, 0, // image at 0,0, 5×3
  2, 2, 0x44, 0x01, 0, 0x3b, // LZW data, trailer
]);

describe('the size of an uploaded image', () => {
  it('is read from PNG, JPEG, GIF and both kinds of WebP, width first', () => {
    assert.deepEqual(imageSize(fixture('five-by-three.png')), { width: 5, height: 3 });
    assert.deepEqual(imageSize(fixture('five-by-three.jpg')), { width: 5, height: 3 });
    assert.deepEqual(imageSize(fixture('five-by-three.webp')), { width: 5, height: 3 });
    assert.deepEqual(imageSize(simpleWebp(fixture('five-by-three.webp'))), { width: 5, height: 3 });
    assert.deepEqual(imageSize(gif), { width: 5, height: 3 });
  });

  it('is read from a lossless WebP header', () => {
    // VP8L: signature 0x2f, then width-1 and height-1 in 14 bits each (little-endian bit order).
    const bits = (5 - 1) | ((3 - 1) << 14);
    const head = Buffer.alloc(30);
    head.write('RIFF', 0);
    head.write('WEBP', 8);
    head.write('VP8L', 12);
    head[20] = 0x2f;
    head.writeUInt32LE(bits, 21);
    assert.deepEqual(imageSize(new Uint8Array(head)), { width: 5, height: 3 });
  });

  it('is unknown for other files, cut-off headers and sizes that do not add up', () => {
    const png = fixture('five-by-three.png');
    assert.equal(imageSize(png.subarray(0, 20)), undefined);
    assert.equal(imageSize(fixture('five-by-three.jpg').subarray(0, 30)), undefined);
    assert.equal(imageSize(new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))), undefined);
    assert.equal(imageSize(new Uint8Array(0)), undefined);
    const zeroWide = png.slice();
    zeroWide.set([0, 0, 0, 0], 16);
    assert.equal(imageSize(zeroWide), undefined);
    const noLength = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.equal(imageSize(noLength), undefined);
  });
});
