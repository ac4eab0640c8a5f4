import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './harness.js';
import { bestTranslation } from '../../demo/server/html.js';

// A title an organiser (or an attacker who got into the seed) could write: every character that matters in HTML.
const hostileTitle = `"><script>alert('title')</script><img src=x onerror=alert(1)> & co`;
const hostileCall = {
  id: 'hostile-words',
  title: hostileTitle,
  summary: `A summary with </title><meta property="og:title" content="forged"> in it`,
  description: 'Plain.',
  languages: ['en', 'ms'],
  accepts: [{ kind: 'text', maxLength: 140 }],
  cover: { url: '/media/astronaut.svg', alt: 'An "astronaut" <thinking>', width: 1200, height: 675 },
  translations: {
    ms: { title: 'Tulis satu baris untuk angkasawan', summary: 'Ringkasan dalam bahasa Melayu' },
    'zh-Hans': { title: '为宇航员写一句话' },
  },
};

/** Entities as HTML decodes them in attribute values and text (the ones escapeHtml writes, and numeric ones). */
const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The page's `<meta>` tags by property or name, each tag's attributes read as a parser reads them (quoted values). */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const attributes = Object.fromEntries([...tag.matchAll(/([a-z:-]+)="([^"]*)"/g)].map(([, k, v]) => [k, decode(v)]));
    const key = attributes.property ?? attributes.name;
    if (key && attributes.content !== undefined) {
      assert.ok(!tags.has(key), `${key} appears twice`);
      tags.set(key, attributes.content);
    }
  }
  return tags;
}

/** A tag's raw text and its attributes, for the one tag matching `pattern`. */
function linkTag(html: string, pattern: RegExp): Record<string, string> {
  const tag = [...html.matchAll(/<link\b[^>]*>/g)].map(([t]) => t).find((t) => pattern.test(t));
  assert.ok(tag, `no <link> matching ${pattern}`);
  return Object.fromEntries([...tag.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, k, v]) => [k, decode(v)]));
}

describe('pages for blogs that forbid scripts: the public page, oEmbed and the embed page', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oc-embed-'));
    const seed = JSON.parse(readFileSync(new URL('../../demo/server/seed.json', import.meta.url), 'utf8'));
    seed.calls.push(hostileCall);
    writeFileSync(join(dir, 'seed.json'), JSON.stringify(seed));
    server = await startTestServer({ seed: join(dir, 'seed.json') });
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives each call a public page on this server as its url when the seed names none', async () => {
    const { body } = await server.call('GET', '/calls/astronaut-one-liner');
    assert.equal(body.url, `${server.url}/calls/astronaut-one-liner`);
    const page = await fetch(body.url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
  });

  it('carries OpenGraph and Twitter card tags, the cover with its size, and the oEmbed discovery link', async () => {
    const html = await (await fetch(`${server.url}/calls/astronaut-one-liner`)).text();
    const tags = metaTags(html);
    assert.equal(tags.get('og:title'), 'Write a one-liner for the thinking astronaut');
    assert.match(tags.get('og:description') ?? '', /^Look at this picture of an astronaut/);
    assert.equal(tags.get('og:url'), `${server.url}/calls/astronaut-one-liner`);
    assert.equal(tags.get('og:type'), 'website');
    assert.equal(tags.get('og:image'), `${server.url}/media/astronaut.svg`);
    assert.equal(tags.get('og:image:width'), '1200');
    assert.equal(tags.get('og:image:height'), '675');
    assert.match(tags.get('og:image:alt') ?? '', /astronaut in a white suit/);
    assert.equal(tags.get('twitter:card'), 'summary_large_image');
    assert.equal(tags.get('twitter:title'), tags.get('og:title'));
    assert.equal(tags.get('twitter:image'), tags.get('og:image'));
    const discovery = linkTag(html, /json\+oembed/);
    assert.equal(discovery.rel, 'alternate');
    const oembed = new URL(discovery.href);
    assert.equal(`${oembed.origin}${oembed.pathname}`, `${server.url}/oembed`);
    assert.equal(oembed.searchParams.get('url'), `${server.url}/calls/astronaut-one-liner`);
    assert.equal(oembed.searchParams.get('format'), 'json');
    // The embed itself, on the page.
    assert.match(html, /<iframe class="open-call-embed" src="[^"]*\/embed\?api=/);
  });

  it('escapes a hostile title and summary everywhere they appear', async () => {
    const res = await fetch(`${server.url}/calls/hostile-words`);
    const html = await res.text();
    assert.ok(!html.includes('<script>alert'), 'the title became a script');
    assert.ok(!html.includes('<img src=x'), 'the title became an image');
    assert.ok(!html.includes('content="forged"'), 'the summary forged a tag');
    const tags = metaTags(html);
    assert.equal(tags.get('og:title'), hostileTitle);
    assert.equal(tags.get('og:description'), hostileCall.summary);
    assert.equal(tags.get('og:image:alt'), hostileCall.cover.alt);
    assert.equal(decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? ''), hostileTitle);
    assert.equal([...html.matchAll(/<script\b/g)].length, 1, "only the page's own script tag");
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);

    const oembed = await (
      await fetch(`${server.url}/oembed?url=${encodeURIComponent(`${server.url}/calls/hostile-words`)}`)
    ).json();
    assert.equal(oembed.title, hostileTitle);
    assert.ok(!/<script|<img/.test(oembed.html), oembed.html);
    assert.match(oembed.html, /^<iframe [^<]*><\/iframe>$/);
  });

  it('shows the call in the language asked for, from its translations, best match first', async () => {
    const malay = metaTags(await (await fetch(`${server.url}/calls/hostile-words?lang=ms-MY`)).text());
    assert.equal(malay.get('og:title'), 'Tulis satu baris untuk angkasawan');
    assert.equal(malay.get('og:description'), 'Ringkasan dalam bahasa Melayu');
    assert.equal(malay.get('og:locale'), 'ms');
    assert.equal(malay.get('og:url'), `${server.url}/calls/hostile-words?lang=ms-MY`);
    // A translation with a title only keeps the call's own summary.
    const chinese = metaTags(await (await fetch(`${server.url}/calls/hostile-words?lang=zh-Hans-CN`)).text());
    assert.equal(chinese.get('og:title'), '为宇航员写一句话');
    assert.equal(chinese.get('og:description'), hostileCall.summary);
    // No translation in French: the call's own words.
    assert.equal(metaTags(await (await fetch(`${server.url}/calls/hostile-words?lang=fr`)).text()).get('og:title'), hostileTitle);
    const oembed = await (
      await fetch(`${server.url}/oembed?format=json&url=${encodeURIComponent(`${server.url}/calls/hostile-words?lang=ms`)}`)
    ).json();
    assert.equal(oembed.title, 'Tulis satu baris untuk angkasawan');
    assert.match(oembed.html, /lang=ms/);
  });

  it('picks translations as a widget does: exact, shorter, then the same language', () => {
    const call = {
      translations: { ms: { title: 'ms' }, 'pt-PT': { title: 'pt-PT' }, 'zh-Hant': { title: 'zh-Hant' }, zh: { title: 'zh' } },
    };
    assert.equal(bestTranslation(call, 'ms-MY')?.title, 'ms');
    assert.equal(bestTranslation(call, 'MS')?.title, 'ms');
    assert.equal(bestTranslation(call, 'pt-BR')?.title, 'pt-PT');
    assert.equal(bestTranslation(call, 'zh-Hant-TW')?.title, 'zh-Hant');
    assert.equal(bestTranslation(call, 'zh-Hans-CN')?.title, 'zh');
    assert.equal(bestTranslation(call, 'fr'), undefined);
    assert.equal(bestTranslation({}, 'ms'), undefined);
  });

  it('answers oEmbed 1.0: a rich type with the iframe and every required field', async () => {
    const page = `${server.url}/calls/astronaut-one-liner`;
    const res = await fetch(`${server.url}/oembed?url=${encodeURIComponent(page)}&format=json&maxwidth=500&maxheight=400`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = await res.json();
    // oEmbed 1.0, section 2.3.4: type and version always; html, width and height for rich.
    assert.equal(body.type, 'rich');
    assert.equal(body.version, '1.0');
    for (const field of ['html', 'width', 'height']) assert.ok(field in body, `no ${field}`);
    assert.ok(Number.isInteger(body.width) && body.width <= 500, `width ${body.width}`);
    assert.ok(Number.isInteger(body.height) && body.height <= 400, `height ${body.height}`);
    for (const field of ['title', 'provider_name', 'provider_url']) assert.equal(typeof body[field], 'string', field);
    assert.equal(body.provider_url, server.url);
    // Thumbnail fields come together or not at all.
    assert.equal(body.thumbnail_url, `${server.url}/media/astronaut.svg`);
    assert.equal(body.thumbnail_width, 1200);
    assert.equal(body.thumbnail_height, 675);
    const src = /src="([^"]+)"/.exec(body.html)?.[1];
    assert.ok(src, body.html);
    const embed = new URL(decode(src));
    assert.equal(`${embed.origin}${embed.pathname}`, `${server.url}/embed`);
    assert.equal(embed.searchParams.get('api'), `${server.url}/v1`);
    assert.equal(embed.searchParams.get('call'), 'astronaut-one-liner');
    assert.match(embed.hash, /^#\?secret=[A-Za-z0-9]+$/);
    assert.match(body.html, new RegExp(`data-secret="${embed.hash.slice('#?secret='.length)}"`));
    assert.match(body.html, /width="500" height="400"/);
  });

  it('answers 404 for an address that is not a call of this server, 501 for XML, 400 for a bad size', async () => {
    const oembed = (query: string) => fetch(`${server.url}/oembed?${query}`).then((r) => r.status);
    assert.equal(await oembed(`url=${encodeURIComponent(`${server.url}/calls/no-such-call`)}&format=json`), 404);
    assert.equal(await oembed(`url=${encodeURIComponent('https://elsewhere.example/calls/astronaut-one-liner')}`), 404);
    assert.equal(await oembed('url=not%20a%20url'), 404);
    assert.equal(await oembed(`url=${encodeURIComponent(`${server.url}/calls/astronaut-one-liner`)}&format=xml`), 501);
    assert.equal(await oembed(`url=${encodeURIComponent(`${server.url}/calls/astronaut-one-liner`)}&maxwidth=wide`), 400);
    assert.equal(await oembed('format=json'), 400);
    assert.equal((await fetch(`${server.url}/calls/no-such-call`)).status, 404);
  });

  it('serves the embed page to be framed anywhere, running only its own scripts', async () => {
    const res = await fetch(
      `${server.url}/embed?api=${encodeURIComponent(server.api)}&call=astronaut-one-liner&lang=ms&theme=dark`,
    );
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors \*/);
    assert.match(csp, /script-src 'self'[^;]*;/);
    assert.ok(!/script-src[^;]*unsafe-inline/.test(csp), csp);
    assert.equal(res.headers.get('x-frame-options'), null, 'X-Frame-Options would forbid framing');
    const html = await res.text();
    assert.match(html, /<html lang="ms">/);
    assert.match(html, /<call-for-contributions api="[^"]+\/v1" call="astronaut-one-liner" lang="ms" theme="dark"/);
    assert.match(html, new RegExp(`<script type="module" src="${server.url}/cdn/open-call.js">`));
    assert.match(html, /<script src="\/embed-frame.js"/);
    // Words for a reader whose browser never ran the script, and the way to the call's page.
    assert.match(html, /Open calls are loading… <a href="[^"]+\/calls\/astronaut-one-liner"/);
    // Elsewhere, the server still forbids framing.
    assert.equal((await fetch(`${server.url}/calls/astronaut-one-liner`)).headers.get('x-frame-options'), 'SAMEORIGIN');
    // Its scripts are served.
    for (const path of ['/embed.js', '/embed-frame.js']) {
      const script = await fetch(`${server.url}${path}`);
      assert.equal(script.status, 200, path);
      assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
    }
  });

  it('says in words, with a 400, what is wrong with an embed address', async () => {
    const api = encodeURIComponent(server.api);
    for (const [query, words] of [
      ['call=astronaut-one-liner', /api must be the http or https address/],
      ['api=javascript%3Aalert(1)&call=astronaut-one-liner', /api must be the http or https address/],
      [`api=${api}`, /either call .* or campaign/],
      [`api=${api}&call=a&campaign=b`, /either call .* or campaign/],
      [`api=${api}&call=astronaut-one-liner&lang=not_a_tag`, /lang must be a language tag/],
      [`api=${api}&call=astronaut-one-liner&theme=pink`, /theme must be light, dark or auto/],
      [`api=${api}&call=astronaut-one-liner&colour=red`, /a part the embed does not know: colour/],
      [`api=${api}&call=a&call=b`, /given once/],
      [`api=${api}&call=${'x'.repeat(201)}`, /at most 200 characters/],
      [`api=${api}&call=%3Cscript%3E&lang=${encodeURIComponent('"><script>')}`, /lang must be a language tag/],
    ] as const) {
      const res = await fetch(`${server.url}/embed?${query}`);
      const html = await res.text();
      assert.equal(res.status, 400, query);
      assert.match(html, words, query);
      assert.ok(!html.includes('<script'), `${query}: a script in the error page`);
    }
    const unknown = await fetch(`${server.url}/embed?api=${api}&call=no-such-call`);
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /This call does not exist/);
    // A campaign, or a call of another backend, is the widget's to show (it says itself what it finds).
    assert.equal((await fetch(`${server.url}/embed?api=${api}&campaign=this-is-malaysia`)).status, 200);
    assert.equal((await fetch(`${server.url}/embed?api=https%3A%2F%2Fcalls.example.org%2Fv1&call=other`)).status, 200);
  });

  it('keeps the CORS headers on a 304, so a page on another origin can revalidate what the embed page cached', async () => {
    for (const path of [
      '/calls/astronaut-one-liner',
      '/calls?campaign=this-is-malaysia',
      '/contributions?call=astronaut-one-liner',
    ]) {
      const first = await fetch(`${server.api}${path}`);
      const tag = first.headers.get('etag');
      assert.ok(tag, path);
      const again = await fetch(`${server.api}${path}`, { headers: { Origin: 'http://localhost:4321', 'If-None-Match': tag } });
      assert.equal(again.status, 304, path);
      assert.equal(again.headers.get('access-control-allow-origin'), 'http://localhost:4321', path);
      assert.match(again.headers.get('access-control-expose-headers') ?? '', /ETag/, path);
      assert.match(again.headers.get('vary') ?? '', /Origin/, path);
    }
  });

  it("lets the server's own embed page call its API whatever the allowed origins, sandboxed too", async () => {
    const strict = await startTestServer({ origins: ['https://blog.example'] });
    try {
      const allowed = (origin: string) =>
        fetch(`${strict.api}/calls`, { headers: { Origin: origin } }).then((r) => r.headers.get('access-control-allow-origin'));
      assert.equal(await allowed(new URL(strict.url).origin), new URL(strict.url).origin);
      assert.equal(await allowed('https://blog.example'), 'https://blog.example');
      assert.equal(await allowed('http://localhost:9999'), null);
      // WordPress frames an embed it discovered sandboxed: an opaque origin, sent as "null".
      assert.equal(await allowed('null'), 'null');
    } finally {
      await strict.close();
    }
  });
});
