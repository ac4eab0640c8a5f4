// The three snippets the playground offers, made here once: the page builds them for a blogger
// to copy, `npm run test:cdn` pastes each into a fresh page on another origin, and
// `npm run snippets` writes the README's from the same functions.

/** What `npm run build:cdn` writes to dist/cdn/release.json: the version and open-call.js's SRI. */
export interface Release {
  version: string;
  integrity?: string;
}

/** The npm CDN address of the bundle of a published version (jsDelivr serves the package's files unchanged). */
export const cdnScript = (version: string) => `https://cdn.jsdelivr.net/npm/open-call-widgets@${version}/dist/cdn/open-call.js`;

/** The same file on unpkg, for sites that prefer it. */
export const unpkgScript = (version: string) => `https://unpkg.com/open-call-widgets@${version}/dist/cdn/open-call.js`;

const escape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Attributes as HTML, in the order given. */
const attributeText = (attributes: Array<[string, string]>) => attributes.map(([k, v]) => ` ${k}="${escape(v)}"`).join('');

/**
 * The place kept for a widget while the script loads, so that the page does not jump: about the
 * height of the placeholder it then shows (the list's first two calls, in a blog's column; the
 * answer form's fields).
 */
export const reserveStyle = (tag: 'call-for-contributions' | 'contribution-uploader') =>
  `<style>${tag}:not(:defined) { display: block; min-height: ${tag === 'call-for-contributions' ? 52 : 36}rem }</style>`;

export interface ScriptSnippet {
  release: Release;
  attributes: Array<[string, string]>;
  /** `style` on the tag (a partner's accent colour), as CSS text. */
  style?: string;
  /** Where a reader whose browser never ran the script can see the calls instead. */
  fallbackUrl?: string;
}

/**
 * The script and the tag. The tag holds words for a reader whose browser never ran the script
 * (blocked, offline, stripped by the blog); the element does not show its own children, so
 * they go away once it works.
 */
export function scriptSnippet({ release, attributes, style, fallbackUrl }: ScriptSnippet): string {
  const integrity = release.integrity ? ` integrity="${release.integrity}" crossorigin="anonymous"` : '';
  const fallback = fallbackUrl
    ? `Open calls are loading… If they do not appear, <a href="${escape(fallbackUrl)}">see them here</a>.`
    : 'Open calls are loading…';
  const styled = style ? ` style="${escape(style)}"` : '';
  return (
    `<script type="module" src="${cdnScript(release.version)}"${integrity}></script>\n` +
    `${reserveStyle('call-for-contributions')}\n` +
    `<call-for-contributions${attributeText(attributes)}${styled}>${fallback}</call-for-contributions>`
  );
}

export interface EmbedSnippet {
  /** The backend's base URL (its embed page is `{base}/embed`). */
  base: string;
  api: string;
  call?: string;
  campaign?: string;
  lang?: string;
  theme?: string;
  /** What the frame shows, for screen readers. */
  title: string;
  height?: number;
}

/** The embed page's address. */
export function embedAddress({ base, api, call, campaign, lang, theme }: EmbedSnippet): string {
  const query = new URLSearchParams({ api });
  for (const [name, value] of Object.entries({ call, campaign, lang, theme })) if (value) query.set(name, value);
  return `${base}/embed?${query}`;
}

/**
 * The iframe for blogs that forbid scripts: a fixed height with scrolling inside; where the page
 * runs `{base}/embed.js` (or WordPress's own embed script), it takes the height it needs.
 */
export function iframeSnippet(options: EmbedSnippet): string {
  return (
    `<iframe class="open-call-embed" src="${escape(embedAddress(options))}" title="${escape(options.title)}"` +
    ` width="640" height="${options.height ?? 640}" style="border:0;width:100%;max-width:640px" loading="lazy" allow="microphone; camera"></iframe>`
  );
}
