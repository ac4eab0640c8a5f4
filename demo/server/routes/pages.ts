import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import type { Call } from '../../../src/api/types.js';
import { isWebUrl } from '../../../src/api/validate.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { callWords, escapeHtml as e } from '../html.js';

const embedScripts = join(import.meta.dirname, '../../../src/embed');
const cdnBuild = join(import.meta.dirname, '../../../dist/cdn');

/** The frame's size where the host page does not resize it, and in oEmbed answers without a limit. */
export const embedSize = { width: 640, height: 640 };

const themes = ['light', 'dark', 'auto'];
const languageTag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
/** An id as the contract has it: some text of at most 200 characters, and nothing a URL or a page could mistake. */
const validId = (id: string) => id.trim() !== '' && id.length <= 200 && !/[\p{Cc}]/u.test(id);

/**
 * What a reader of a blog sees without the page running any script of ours:
 * - `GET /calls/{id}`: a call's public page (its `url`), with OpenGraph and Twitter card tags
 *   for the cards social networks show, the oEmbed discovery link, and the embed;
 * - `GET /oembed?url=…&format=json`: oEmbed 1.0 for those pages (`rich`, an iframe);
 * - `GET /embed?api=…&call=…|campaign=…&lang=&theme=`: the widget on a page of its own, made to be framed;
 * - `/embed.js` (the host page's optional resizer), `/embed-frame.js`, and `/cdn/*` (the built
 *   CDN bundle the embed page runs, unless the server was told of another).
 */
export function pageRoutes(deps: AppDeps): Hono<AppEnv> {
  const { catalogue, publicUrl, embedScript } = deps;
  const routes = new Hono<AppEnv>();
  const find = async (id: string) => {
    const counts = await deps.contributions.countsByCall();
    return catalogue.find(id, publicUrl, (c) => counts.get(c) ?? 0);
  };

  routes.get('/calls/:id', async (c) => {
    const lang = c.req.query('lang');
    const call = await find(c.req.param('id'));
    if (!call) return wordsPage(c, 404, 'There is no such call', 'This call does not exist, or is no longer published.');
    if (lang !== undefined && !languageTag.test(lang))
      return wordsPage(c, 400, 'This page address is not valid', 'lang must be a language tag such as en or ms-MY.');
    return c.html(publicPage(call, lang, embedUrl(deps, { call: call.id, lang })), 200, {
      'Content-Security-Policy': `default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'; script-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'`,
      'Cache-Control': 'public, max-age=60',
    });
  });

  routes.get('/oembed', async (c) => {
    const format = c.req.query('format') ?? 'json';
    if (format === 'xml') return c.text('This provider answers oEmbed in JSON only: ask with format=json.', 501);
    if (format !== 'json') return c.text('format must be json.', 400);
    const asked = c.req.query('url');
    const size = { width: limit(c.req.query('maxwidth')), height: limit(c.req.query('maxheight')) };
    if (!asked || size.width === null || size.height === null)
      return c.text('url is required; maxwidth and maxheight, when given, are whole numbers of pixels.', 400);
    const page = await pageOf(asked);
    if (!page) return c.text('This provider has no call at that address.', 404);
    const { call, lang } = page;
    const words = callWords(call, lang);
    const width = Math.min(embedSize.width, size.width ?? embedSize.width);
    const height = Math.min(embedSize.height, size.height ?? embedSize.height);
    const body: Record<string, string | number> = {
      type: 'rich',
      version: '1.0',
      title: words.title,
      provider_name: 'Open calls',
      provider_url: publicUrl,
      cache_age: 3600,
      html: iframe(embedUrl(deps, { call: call.id, lang }), words.title, width, height),
      width,
      height,
    };
    if (call.cover?.width && call.cover.height)
      Object.assign(body, {
        thumbnail_url: call.cover.url,
        thumbnail_width: call.cover.width,
        thumbnail_height: call.cover.height,
      });
    return c.json(body, 200, { 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' });
  });

  /** The call (and language) of a public page's address: ours, or the `url` a seed gave a call. */
  async function pageOf(address: string): Promise<{ call: Call; lang?: string } | undefined> {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      return undefined;
    }
    const lang = url.searchParams.get('lang') ?? undefined;
    if (lang !== undefined && !languageTag.test(lang)) return undefined;
    const ours = `${publicUrl}/calls/`;
    const path = `${url.origin}${url.pathname}`;
    if (path.startsWith(ours)) {
      const id = decodeURIComponent(path.slice(ours.length));
      const call = validId(id) ? await find(id) : undefined;
      return call && { call, lang };
    }
    const counts = await deps.contributions.countsByCall();
    const call = catalogue
      .campaigns()
      .map(({ id }) => catalogue.find(id, publicUrl, (x) => counts.get(x) ?? 0))
      .find((found) => found?.url === url.href || found?.url === path);
    return call && { call, lang };
  }

  routes.get('/embed', async (c) => {
    const query = readEmbedQuery(new URL(c.req.url).searchParams);
    if ('mistake' in query) return wordsPage(c, 400, 'This embed address is not valid', query.mistake);
    const { api, call, campaign, lang, theme } = query;
    const own = api.replace(/\/+$/, '') === `${publicUrl}/v1`;
    const shown = own && call ? await find(call) : undefined;
    if (own && call && !shown)
      return wordsPage(c, 404, 'There is no such call', 'This call does not exist, or is no longer published.');
    const page = embedPage({
      api,
      call,
      campaign,
      lang,
      theme,
      title: shown ? callWords(shown, lang).title : 'Open calls',
      publicPage: shown ? shown.url : undefined,
      script: embedScript,
    });
    const scriptOrigin = new URL(embedScript).origin;
    const apiOrigin = new URL(api).origin;
    return c.html(page, 200, {
      // Made to be framed by any page; it runs only its own scripts, and talks only to the backend
      // (and an upload endpoint the call names, which may be another https host).
      'Content-Security-Policy': [
        `default-src 'none'`,
        `script-src 'self' ${scriptOrigin}`,
        // The widgets' formats load ICU's data in a worker made from a blob (src/core/format.ts).
        `worker-src blob:`,
        `connect-src 'self' ${scriptOrigin} ${apiOrigin} https:`,
        `img-src 'self' http: https: data: blob:`,
        `media-src 'self' http: https: blob:`,
        `style-src 'self' 'unsafe-inline'`,
        `frame-ancestors *`,
        `base-uri 'none'`,
        `form-action 'none'`,
      ].join('; '),
      'Cache-Control': 'public, max-age=300',
    });
  });

  for (const [route, file] of [
    ['/embed.js', 'host.js'],
    ['/embed-frame.js', 'frame.js'],
  ] as const)
    routes.get(route, async (c) =>
      c.body(await readFile(join(embedScripts, file), 'utf8'), 200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=3600',
        'Access-Control-Allow-Origin': '*',
      }),
    );

  // The built CDN bundle (`npm run build:cdn`), for the embed page and for pages that load it from here.
  routes.get('/cdn/:file{[A-Za-z0-9_.-]+\\.(js|map|txt)}', async (c) => {
    const file = c.req.param('file');
    const body = await readFile(join(cdnBuild, file)).catch(() => undefined);
    if (!body) return c.text(`dist/cdn/${file} is not built here: run npm run build:cdn.`, 404);
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.map') ? 'application/json' : 'text/plain';
    return c.body(body, 200, {
      'Content-Type': `${type}; charset=utf-8`,
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    });
  });

  return routes;
}

interface EmbedQuery {
  api: string;
  call?: string;
  campaign?: string;
  lang?: string;
  theme?: string;
}

/** The embed page's query, checked part by part; a mistake is said in words a blogger can act on. */
function readEmbedQuery(query: URLSearchParams): EmbedQuery | { mistake: string } {
  const names = ['api', 'call', 'campaign', 'lang', 'theme'];
  const unknown = [...new Set(query.keys())].filter((k) => !names.includes(k));
  if (unknown.length > 0)
    return {
      mistake: `This address has a part the embed does not know: ${unknown.join(', ')}. It takes api, call or campaign, lang and theme.`,
    };
  if (names.some((name) => query.getAll(name).length > 1)) return { mistake: 'Each part of the address may be given once.' };
  const got = (name: string) => query.get(name) ?? undefined;
  const [api, call, campaign, lang, theme] = names.map(got);
  if (!api || api.length > 2048 || !isWebUrl(api))
    return { mistake: 'api must be the http or https address of an open calls backend.' };
  if ((call === undefined) === (campaign === undefined))
    return { mistake: 'Give either call (one call) or campaign (its calls), not both and not neither.' };
  if ((call !== undefined && !validId(call)) || (campaign !== undefined && !validId(campaign)))
    return { mistake: 'call and campaign are names of at most 200 characters.' };
  if (lang !== undefined && (lang.length > 35 || !languageTag.test(lang)))
    return { mistake: 'lang must be a language tag such as en or ms-MY.' };
  if (theme !== undefined && !themes.includes(theme)) return { mistake: 'theme must be light, dark or auto.' };
  return { api, call, campaign, lang, theme };
}

/** maxwidth/maxheight: undefined when absent, null when not a positive whole number. */
function limit(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null;
}

/** The embed page's address for one of this server's calls. */
export function embedUrl(deps: Pick<AppDeps, 'publicUrl'>, what: { call: string; lang?: string }): string {
  const query = new URLSearchParams({ api: `${deps.publicUrl}/v1`, call: what.call });
  if (what.lang) query.set('lang', what.lang);
  return `${deps.publicUrl}/embed?${query}`;
}

/** The iframe a blogger pastes (and oEmbed hands out): a fixed size that scrolls inside, resized where the host listens. */
export function iframe(src: string, title: string, width: number, height: number): string {
  const secret = randomBytes(8).toString('hex');
  return (
    `<iframe class="open-call-embed" src="${e(`${src}#?secret=${secret}`)}" data-secret="${secret}" title="${e(title)}"` +
    ` width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy" allow="microphone; camera"></iframe>`
  );
}

interface EmbedPage {
  api: string;
  call?: string;
  campaign?: string;
  lang?: string;
  theme?: string;
  title: string;
  publicPage?: string;
  script: string;
}

function embedPage(p: EmbedPage): string {
  const attributes = Object.entries({ api: p.api, call: p.call, campaign: p.campaign, lang: p.lang, theme: p.theme })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${e(v as string)}"`)
    .join('');
  const seeThem = p.publicPage
    ? ` <a href="${e(p.publicPage)}" target="_blank" rel="noopener">See the call on its own page.</a>`
    : '';
  return `<!doctype html>
<html lang="${e(p.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="${p.theme === 'dark' ? 'dark' : p.theme === 'light' ? 'light' : 'light dark'}">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${e(p.title)}</title>
<style>html,body{margin:0;background:transparent;font:16px/1.5 system-ui,sans-serif}main{padding:8px}</style>
<script type="module" src="${e(p.script)}"></script>
<script src="/embed-frame.js" defer></script>
</head>
<body>
<main><call-for-contributions${attributes} heading-level="2">Open calls are loading…${seeThem}</call-for-contributions></main>
</body>
</html>
`;
}

function publicPage(call: Call, lang: string | undefined, embed: string): string {
  const words = callWords(call, lang);
  const url = lang ? `${call.url}?lang=${encodeURIComponent(lang)}` : (call.url as string);
  const oembed = `${new URL(embed).origin}/oembed?${new URLSearchParams({ url, format: 'json' })}`;
  const cover = call.cover;
  const meta = (property: string, content: string | number | undefined) =>
    content === undefined ? '' : `\n<meta property="${property}" content="${e(String(content))}">`;
  const named = (name: string, content: string | undefined) =>
    content === undefined ? '' : `\n<meta name="${name}" content="${e(content)}">`;
  return `<!doctype html>
<html${words.lang ? ` lang="${e(words.lang)}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${e(words.title)}</title>${named('description', words.summary)}
<link rel="canonical" href="${e(url)}">
<link rel="alternate" type="application/json+oembed" href="${e(oembed)}" title="${e(words.title)}">${meta('og:type', 'website')}${meta(
    'og:title',
    words.title,
  )}${meta('og:description', words.summary)}${meta('og:url', url)}${meta('og:locale', words.lang?.replace('-', '_'))}${
    cover
      ? `${meta('og:image', cover.url)}${meta('og:image:width', cover.width)}${meta('og:image:height', cover.height)}${meta('og:image:alt', cover.alt)}`
      : ''
  }${named('twitter:card', cover ? 'summary_large_image' : 'summary')}${named('twitter:title', words.title)}${named(
    'twitter:description',
    words.summary,
  )}${cover ? `${named('twitter:image', cover.url)}${named('twitter:image:alt', cover.alt)}` : ''}
<style>body{margin:0 auto;max-width:44rem;padding:1rem;font:17px/1.5 system-ui,sans-serif}iframe{width:100%}</style>
<script src="/embed.js" defer></script>
</head>
<body>
<main>
<h1>${e(words.title)}</h1>
<p>${e(words.summary)}</p>
${iframe(embed, words.title, embedSize.width, embedSize.height)}
</main>
</body>
</html>
`;
}

/** A page that says in words what went wrong with the address asked for. */
function wordsPage(c: Context<AppEnv>, status: 400 | 404, title: string, text: string) {
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title></head>` +
      `<body style="font:16px/1.5 system-ui,sans-serif;padding:1rem"><h1 style="font-size:1.2rem">${e(title)}</h1><p>${e(text)}</p></body></html>`,
    status,
    { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *" },
  );
}
