// A plain static site on its own origin, like a blog, for the CDN checks (smoke.ts, webkit.ts):
// its pages, and the built bundle (dist/cdn) under /cdn/ and under any other folder a check
// serves a copy of it from.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The built bundle. */
export const cdnRoot = resolve(import.meta.dirname, '../../dist/cdn');

/** What these files of the bundle weigh gzipped, at level 9 as the size budgets count them. */
export const gzipped = (names: string[]) =>
  names.reduce((sum, name) => sum + gzipSync(readFileSync(join(cdnRoot, name)), { level: 9 }).length, 0);

/** Bytes as the checks print them: "15.65 KB". */
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

export interface Blog {
  /** `http://127.0.0.1:port`, another origin than the backend's. */
  origin: string;
  close(): Promise<void>;
}

/** A post of the blog: a heading, then `body` (the scripts and tags the blogger pasted). */
export const blogPage = (body: string) =>
  `<!doctype html><html lang="en"><title>Blog</title><body><h1>My post</h1>\n${body}\n</body></html>`;

/**
 * Serves `bodyOf(path)` as the page at `path` (none where it gives undefined), and each file of
 * the bundle at `/cdn/{file}` and at `/{folder}/{file}` for every folder of `copies`, whose
 * function makes that copy's text from the file's (another release of the library, say).
 */
export async function serveBlog(
  bodyOf: (path: string) => string | undefined,
  copies: Record<string, (code: string) => string> = {},
): Promise<Blog> {
  const site = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const body = bodyOf(path);
    if (body !== undefined) return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(blogPage(body));
    const [, folder, file] = /^\/([\w-]+)\/([\w.-]+\.js)$/.exec(path) ?? [];
    const copy = folder === 'cdn' ? (code: string) => code : folder && Object.hasOwn(copies, folder) ? copies[folder] : undefined;
    try {
      if (!copy) throw new Error('not a folder of the bundle');
      const code = copy(readFileSync(join(cdnRoot, file ?? '-'), 'utf8'));
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(code);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(site.address() as { port: number }).port}`,
    async close() {
      site.closeAllConnections();
      await new Promise((r) => site.close(r));
    },
  };
}
