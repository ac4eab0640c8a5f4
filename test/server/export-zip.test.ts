import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { unzipSync, strFromU8 } from 'fflate';
import { creditsCsv, exportZip, fileNames, nameSafe, type ExportedContribution } from '../../demo/server/export-zip.js';

/** A file as the uploads store reads it: a web stream. */
const web = (stream: Readable) => Readable.toWeb(stream) as ReadableStream<Uint8Array>;

const dir = mkdtempSync(join(tmpdir(), 'oc-export-'));
function stored(name: string, size: number): { path: string; bytes: Uint8Array } {
  const bytes = new Uint8Array(size).map((_, i) => (i * 13 + name.length) % 256);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, bytes };
}

async function collect(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

const song = stored('song', 200_000);
const photo = stored('photo', 3_000);
const second = stored('second', 1_000);

const contributions: ExportedContribution[] = [
  {
    id: '6f1c2d3e-aaaa-bbbb-cccc-000000000001',
    kind: 'audio',
    title: 'Puisi untuk ibu',
    creditName: 'Aisyah R.',
    language: 'ms',
    license: 'CC BY-SA 4.0',
    publishedAt: '2026-11-30T08:00:00.000Z',
    files: [{ filetype: 'audio/ogg', size: song.bytes.length, open: async () => web(createReadStream(song.path)) }],
  },
  {
    id: '7a2b3c4d-aaaa-bbbb-cccc-000000000002',
    kind: 'image',
    title: '../../etc/passwd',
    creditName: '=HYPERLINK("http://evil.example")',
    license: 'CC BY-SA 4.0',
    basedOn: ['6f1c2d3e-aaaa-bbbb-cccc-000000000001'],
    publishedAt: '2026-11-30T09:00:00.000Z',
    files: [
      { filetype: 'image/png', size: photo.bytes.length, open: async () => web(createReadStream(photo.path)) },
      { filetype: 'text/html', size: second.bytes.length, open: async () => web(createReadStream(second.path)) },
    ],
  },
  {
    id: '8b3c4d5e-aaaa-bbbb-cccc-000000000003',
    kind: 'text',
    text: 'Bulan, adakah kau rindu padaku? "Ya," katanya, dan\nberlalu.',
    creditName: 'தமிழ் செல்வி',
    language: 'ta',
    files: [],
  },
];

describe('the export zip', () => {
  it('holds every published file byte for byte, each text, and the credits, in exactly its announced size', async () => {
    const zip = exportZip(contributions);
    const bytes = await collect(zip.stream);
    assert.equal(bytes.length, zip.size, 'Content-Length can be sent before the first byte');
    const files = unzipSync(bytes);
    const names = Object.keys(files).sort();
    assert.deepEqual(names, [
      'aisyah-r-puisi-untuk-ibu-6f1c2d3e.ogg',
      'credits.csv',
      'credits.json',
      'hyperlink-http-evil-example-etc-passwd-7a2b3c4d-1.png',
      'hyperlink-http-evil-example-etc-passwd-7a2b3c4d-2.bin',
      'தமிழ்-செல்வி-8b3c4d5e.txt',
    ]);
    assert.deepEqual(files['aisyah-r-puisi-untuk-ibu-6f1c2d3e.ogg'], song.bytes);
    assert.deepEqual(files['hyperlink-http-evil-example-etc-passwd-7a2b3c4d-1.png'], photo.bytes);
    assert.deepEqual(files['hyperlink-http-evil-example-etc-passwd-7a2b3c4d-2.bin'], second.bytes);
    assert.equal(strFromU8(files['தமிழ்-செல்வி-8b3c4d5e.txt']), `${contributions[2].text}\n`);

    const json = JSON.parse(strFromU8(files['credits.json'])) as Array<Record<string, unknown>>;
    assert.equal(json.length, 4, 'one line per file');
    assert.deepEqual(json[1], {
      file: 'hyperlink-http-evil-example-etc-passwd-7a2b3c4d-1.png',
      creditName: '=HYPERLINK("http://evil.example")',
      title: '../../etc/passwd',
      license: 'CC BY-SA 4.0',
      basedOn: ['6f1c2d3e-aaaa-bbbb-cccc-000000000001'],
      contributionId: '7a2b3c4d-aaaa-bbbb-cccc-000000000002',
      language: '',
      kind: 'image',
      publishedAt: '2026-11-30T09:00:00.000Z',
    });

    assert.deepEqual([...files['credits.csv'].subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark');
    const csv = strFromU8(files['credits.csv']).replace(/^\uFEFF/, '');
    assert.ok(csv.startsWith('file,credit name,title,licence,based on,contribution id,language,kind,published at\r\n'));
    assert.match(csv, /\r\naisyah-r-puisi-untuk-ibu-6f1c2d3e\.ogg,Aisyah R\.,Puisi untuk ibu,CC BY-SA 4\.0,,6f1c2d3e-/);
    assert.match(csv, /,"'=HYPERLINK\(""http:\/\/evil\.example""\)",/, 'a formula is quoted, never run');
    assert.match(csv, /\r\nதமிழ்-செல்வி-8b3c4d5e\.txt,தமிழ் செல்வி,,,,8b3c4d5e-[^,]+,ta,text,\r\n$/);
  });

  it('ends the download broken, not short of a file, when a file cannot be read', async () => {
    const zip = exportZip([
      {
        ...contributions[0],
        files: [{ filetype: 'audio/ogg', size: 10, open: () => Promise.reject(new Error('gone from the store')) }],
      },
    ]);
    await assert.rejects(collect(zip.stream), /gone from the store/);
  });

  it('closes the file it was reading when the download is cut off', async () => {
    const opened: ReturnType<typeof createReadStream>[] = [];
    const zip = exportZip([
      {
        ...contributions[0],
        files: [
          {
            filetype: 'audio/ogg',
            size: song.bytes.length,
            open: async () => {
              const file = createReadStream(song.path, { highWaterMark: 1024 });
              opened.push(file);
              return web(file);
            },
          },
        ],
      },
    ]);
    for await (const _ of zip.stream) break; // the first chunk, then the client goes away
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(opened.length, 1);
    assert.equal(opened[0].destroyed, true, 'the file is closed');
  });

  it('ends the download broken when a file is shorter than the store said', async () => {
    const zip = exportZip([
      { ...contributions[0], files: [{ filetype: 'audio/ogg', size: 999, open: async () => web(createReadStream(photo.path)) }] },
    ]);
    await assert.rejects(collect(zip.stream));
  });
});

describe('names in the zip', () => {
  it('never climb out of the zip, hide an extension or carry controls', () => {
    for (const hostile of ['../../x', '..\\..\\x', '/etc/passwd', 'a\u0000b', 'con.exe.', ' . ', 'x'.repeat(500)]) {
      const name = nameSafe(hostile);
      assert.doesNotMatch(name, /[./\\]|^-|-$/, hostile);
      assert.ok(!name.includes(String.fromCharCode(0)), hostile);
      assert.ok([...name].length <= 40);
    }
    assert.equal(nameSafe('Ｆｕｌｌ　Ｗｉｄｔｈ'), 'full-width');
  });

  it('are unique even when two contributions would share one', () => {
    const twin = { ...contributions[0], files: [contributions[0].files[0]] };
    const names = fileNames([twin, twin, twin]).flat();
    assert.equal(new Set(names).size, 3);
    assert.deepEqual(names.slice(1), ['aisyah-r-puisi-untuk-ibu-6f1c2d3e~2.ogg', 'aisyah-r-puisi-untuk-ibu-6f1c2d3e~3.ogg']);
  });

  it('fall back to the id when the credit and title have no letters', () => {
    assert.deepEqual(fileNames([{ ...contributions[2], creditName: '!!!', id: '***' }]), [['contribution.txt']]);
  });
});

describe('the credits CSV', () => {
  it('quotes commas, quotes and line breaks', () => {
    const csv = creditsCsv([
      {
        file: 'a.txt',
        creditName: 'Lee, "Ah Kow"',
        title: 'two\nlines',
        license: '',
        basedOn: ['x', 'y'],
        contributionId: 'id',
        language: 'en',
        kind: 'text',
        publishedAt: '',
      },
    ]);
    assert.equal(csv.split('\r\n')[1], 'a.txt,"Lee, ""Ah Kow""","two\nlines",,x y,id,en,text,');
  });
});
