import { PassThrough, Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { ZipFile } from 'yazl';
import type { ContributionKind } from '../../src/api/types.js';
import { mediaTypeOf } from './media.js';

/** One published contribution as the export needs it; its files are opened one at a time. */
export interface ExportedContribution {
  id: string;
  kind: ContributionKind;
  title?: string;
  text?: string;
  creditName: string;
  language?: string;
  license?: string;
  basedOn?: string[];
  publishedAt?: string;
  files: Array<{ filetype?: string; size: number; open(): Promise<ReadableStream<Uint8Array>> }>;
}

/** One line of the credits: one file of the zip. */
export interface CreditLine {
  file: string;
  creditName: string;
  title: string;
  license: string;
  basedOn: string[];
  contributionId: string;
  language: string;
  kind: ContributionKind;
  publishedAt: string;
}

export interface ExportZip {
  /** The zip, produced as it is read: files are streamed from the store, never held whole. */
  stream: Readable;
  /** Its exact size in bytes, for `Content-Length`. */
  size: number;
  credits: CreditLine[];
}

/** The credits files at the zip's root; no contribution's file can take these names. */
export const creditsFiles = ['credits.csv', 'credits.json'] as const;

const mostNameCharacters = 40;

/**
 * A name part from text a contributor typed: letters and digits of any script kept, every run
 * of anything else (slashes, dots, spaces, controls) one hyphen. It can never climb out of the
 * zip's root (`..`, `/`, `\`) or hide an extension.
 */
export function nameSafe(text: string | undefined): string {
  const cleaned = (text ?? '')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return [...cleaned].slice(0, mostNameCharacters).join('').replace(/-+$/, '');
}

/**
 * The file names of the zip, one per file of each contribution, unique and safe:
 * `<credit>-<title>-<id>[-<n>].<ext>`, the extension from the file's (checked) type.
 */
export function fileNames(contributions: readonly ExportedContribution[]): string[][] {
  const taken = new Set<string>(creditsFiles);
  return contributions.map((c) => {
    const stem = [nameSafe(c.creditName), nameSafe(c.title), nameSafe(c.id).slice(0, 8) || 'contribution']
      .filter(Boolean)
      .join('-');
    const files = c.kind === 'text' ? [{ extension: 'txt' }] : c.files.map((f) => mediaTypeOf(f.filetype));
    return files.map(({ extension }, i) => {
      const base = files.length > 1 ? `${stem}-${i + 1}` : stem;
      let name = `${base}.${extension}`;
      for (let n = 2; taken.has(name); n++) name = `${base}~${n}.${extension}`;
      taken.add(name);
      return name;
    });
  });
}

/**
 * A zip of a call's published contributions with their credits (CSV for a spreadsheet, JSON
 * for a script): each media file as it was uploaded, each text as a UTF-8 `.txt`. Entries are
 * stored, not compressed (audio, video and images already are), so the size is known before
 * the first byte and files stream through without being buffered.
 */
export function exportZip(contributions: readonly ExportedContribution[]): ExportZip {
  const zip = new ZipFile();
  const stream = zip.outputStream as Readable;
  const names = fileNames(contributions);
  // The file being read: when the download is cut off, it is closed rather than left open.
  const reading = new Set<Readable>();
  const credits: CreditLine[] = [];
  contributions.forEach((c, i) => {
    const mtime = c.publishedAt ? new Date(c.publishedAt) : new Date();
    names[i].forEach((file, n) => {
      credits.push({
        file,
        creditName: c.creditName,
        title: c.title ?? '',
        license: c.license ?? '',
        basedOn: c.basedOn ?? [],
        contributionId: c.id,
        language: c.language ?? '',
        kind: c.kind,
        publishedAt: c.publishedAt ?? '',
      });
      if (c.kind === 'text') {
        zip.addBuffer(Buffer.from(`${c.text ?? ''}\n`, 'utf8'), file, { mtime, compress: false });
        return;
      }
      const source = c.files[n];
      zip.addReadStreamLazy(file, { mtime, compress: false, size: source.size }, (done) => {
        if (stream.destroyed) return done(new Error('The download was cut off.'), new PassThrough());
        Promise.resolve()
          .then(() => source.open())
          .then(
            (web) => {
              const input = Readable.fromWeb(web as NodeReadableStream<Uint8Array>);
              reading.add(input);
              input.once('close', () => reading.delete(input));
              if (stream.destroyed) input.destroy();
              done(null, input);
            },
            (error: unknown) => done(error, new PassThrough()),
          );
      });
    });
  });
  zip.addBuffer(Buffer.from(creditsCsv(credits), 'utf8'), creditsFiles[0], { compress: false });
  zip.addBuffer(Buffer.from(`${JSON.stringify(credits, null, 2)}\n`, 'utf8'), creditsFiles[1], { compress: false });

  // A file that cannot be read mid-way ends the download broken (shorter than its
  // Content-Length), never as a zip that silently lacks a file.
  zip.on('error', (error: Error) => stream.destroy(error));
  stream.once('close', () => {
    for (const input of reading) input.destroy();
  });
  let size = -1;
  // @types/yazl leaves out the callback's argument: the total size.
  const end = zip.end.bind(zip) as (options: undefined, sized: (total: number) => void) => void;
  end(undefined, (total) => (size = total));
  if (size < 0) throw new Error('The zip size was not known in advance.');
  return { stream, size, credits };
}

const csvColumns: Array<[string, (line: CreditLine) => string]> = [
  ['file', (l) => l.file],
  ['credit name', (l) => l.creditName],
  ['title', (l) => l.title],
  ['licence', (l) => l.license],
  ['based on', (l) => l.basedOn.join(' ')],
  ['contribution id', (l) => l.contributionId],
  ['language', (l) => l.language],
  ['kind', (l) => l.kind],
  ['published at', (l) => l.publishedAt],
];

/**
 * RFC 4180 CSV with a byte-order mark (so a spreadsheet reads it as UTF-8). A cell that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed with `'`.
 */
export function creditsCsv(lines: readonly CreditLine[]): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const rows = [csvColumns.map(([name]) => name), ...lines.map((l) => csvColumns.map(([, read]) => read(l)))];
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
