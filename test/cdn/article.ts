// The demo article (demo/index.html) as a blog serves it with the CDN bundle (dist/cdn, built):
// the list pasted above the article text, in the middle of it (as the demo has it), or not at
// all, on a static server of its own beside the reference backend. Script and API can be slowed
// down, as on a phone on a slow connection. For the layout-shift check and the Lighthouse bench.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { startServer } from '../../demo/server/app.js';
import { reserveStyle } from '../../demo/snippets.js';

const root = resolve(import.meta.dirname, '../..');
const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.html': 'text/html',
};

/** Where the list sits in the article: above its text, in the middle of it, or nowhere; `form`: a standalone answer form above the text. */
export type Placement = 'above' | 'mid' | 'none' | 'form';

/** The call the standalone form answers. */
export const formCall = 'puisi-voices';

/** The demo article with the list where `placement` says; the gallery is measured by gallery.ts. */
export function article(placement: Placement, api: string): string {
  let page = readFileSync(join(root, 'demo/index.html'), 'utf8')
    .replace('<script type="module" src="/src/cdn.ts"></script>', '<script type="module" src="/cdn/open-call.js"></script>')
    .replaceAll('%VITE_OC_API%', api);
  const section = (id: string) => new RegExp(`\\s*<section class="embed-section" aria-labelledby="${id}">[\\s\\S]*?</section>`);
  page = page.replace(section('made-heading'), '');
  const calls = section('calls-heading').exec(page)?.[0];
  if (!calls) throw new Error('demo/index.html has no list section');
  page = page.replace(calls, '');
  if (placement === 'above') page = page.replace(/(<p class="entry-meta">.*?<\/p>)/, `$1${calls}`);
  if (placement === 'mid') page = page.replace(/(\s*<blockquote>)/, `${calls}$1`);
  if (placement === 'form')
    page = page.replace(
      /(<p class="entry-meta">.*?<\/p>)/,
      `$1\n<section class="embed-section" aria-labelledby="form-heading"><h2 id="form-heading">Say “puisi”</h2>` +
        `${reserveStyle('contribution-uploader')}<contribution-uploader api="${api}" call="${formCall}"></contribution-uploader></section>`,
    );
  return page;
}

export interface ArticleSite {
  origin: string;
  close(): Promise<void>;
}

/** Serves `/{placement}.html`, the bundle at `/cdn/`, the demo's theme and images, and the API at `/v1/`. */
export async function serveArticle(delays: { scriptMs?: number; apiMs?: number } = {}): Promise<ArticleSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'oc-article-'));
  const backend = await startServer({ port: 0, dataDir });
  const wait = (ms = 0) => new Promise((r) => setTimeout(r, ms));
  let origin = '';
  const site: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const placement = /^\/(above|mid|none|form)\.html$/.exec(path)?.[1] as Placement | undefined;
    if (placement) return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(article(placement, `${origin}/v1`));
    if (path.startsWith('/v1/')) {
      await wait(delays.apiMs);
      const answer = await fetch(`${backend.api}${path.slice(3)}${url.search}`, { headers: { Accept: 'application/json' } });
      const headers: Record<string, string> = { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' };
      for (const name of ['access-control-allow-origin', 'etag', 'cache-control'])
        if (answer.headers.has(name)) headers[name] = answer.headers.get(name)!;
      return void res.writeHead(answer.status, headers).end(Buffer.from(await answer.arrayBuffer()));
    }
    const file = path.startsWith('/cdn/')
      ? join(root, 'dist/cdn', path.slice(5))
      : /^\/(blog-theme\.css|images\/[\w.-]+)$/.test(path)
        ? join(root, 'demo', path)
        : '';
    try {
      const body = readFileSync(file || '-');
      if (path.startsWith('/cdn/')) await wait(delays.scriptMs);
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
  return {
    origin,
    async close() {
      site.closeAllConnections();
      await new Promise((r) => site.close(r));
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
