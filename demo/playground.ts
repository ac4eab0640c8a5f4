/// <reference types="vite/client" />
// The playground: options on the left, the live widget and the exact snippet on the right.
import { httpSource, listCalls } from '../src/index.js';
import { version } from '../src/core/version.js';
import { embedAddress, iframeSnippet, scriptSnippet, type Release } from './snippets.js';

/** An element the page must have; a missing one is a broken page, said plainly. */
function required<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`playground.html has no ${selector}`);
  return found;
}

const api = import.meta.env.VITE_OC_API as string;
// The reference backend's pages (the embed page, each call's public page) are beside its API.
const base = api.replace(/\/v1\/?$/, '');
const form = required<HTMLFormElement>('#options');
const scriptBlock = required<HTMLPreElement>('#script-snippet');
const iframeBlock = required<HTMLPreElement>('#iframe-snippet');
const linkBlock = required<HTMLPreElement>('#link-snippet');
const preview = required<HTMLDivElement>('#preview');
const field = <T extends HTMLElement>(name: string) => form.elements.namedItem(name) as T & { value: string };

// Fill the call and campaign menus from the backend itself.
const source = httpSource(api);
const calls = (await listCalls(source, { limit: 50 })).items;
for (const call of calls) field<HTMLSelectElement>('call').add(new Option(call.title, call.id));
for (const campaign of [...new Set(calls.map((c) => c.campaign).filter(Boolean))] as string[])
  field<HTMLSelectElement>('campaign').add(new Option(campaign, campaign));

// The version and integrity of the bundle as built (`npm run build:cdn`); before a build, the
// version alone, and the snippet says why it has no integrity.
const release: Release = await fetch('/dist/cdn/release.json')
  .then((r) => (r.ok ? (r.json() as Promise<Release>) : Promise.reject(new Error(String(r.status)))))
  .catch(() => ({ version }));
required('#snippet-note').textContent = release.integrity
  ? `The script is open-call-widgets ${release.version} from jsDelivr, with its integrity hash: the browser runs it only if it is byte for byte the published file.`
  : `The script is open-call-widgets ${release.version} from jsDelivr. (No integrity hash: this copy has not been built; npm run build:cdn adds it.)`;

function render(): void {
  const single = field('mode').value === 'call';
  field<HTMLSelectElement>('call').disabled = !single;
  for (const name of ['campaign', 'kind']) field<HTMLSelectElement>(name).disabled = single;
  const attributes: Array<[string, string]> = [['api', api]];
  if (single) attributes.push(['call', field('call').value]);
  else for (const name of ['campaign', 'kind']) if (field(name).value) attributes.push([name, field(name).value]);
  if (field('lang').value) attributes.push(['lang', field('lang').value]);
  if (field('theme').value !== 'auto') attributes.push(['theme', field('theme').value]);
  attributes.push(['heading-level', field('heading-level').value]);
  const accent = field('accent').value;
  const style = accent.toLowerCase() === '#0b57d0' ? undefined : `--oc-color-accent: ${accent}`;
  const call = single ? calls.find((c) => c.id === field('call').value) : undefined;
  const embed = {
    base,
    api,
    call: call?.id,
    campaign: single ? undefined : field('campaign').value || undefined,
    lang: field('lang').value || undefined,
    theme: field('theme').value === 'auto' ? undefined : field('theme').value,
    title: call?.title ?? 'Open calls',
  };
  // A reader whose browser never runs the script can still reach the calls: the call's own page, or the embed page.
  const embeddable = Boolean(embed.call || embed.campaign);
  const fallbackUrl = call?.url ?? (embeddable ? embedAddress(embed) : undefined);
  scriptBlock.textContent = scriptSnippet({ release, attributes, style, fallbackUrl });
  iframeBlock.textContent = embeddable ? iframeSnippet(embed) : 'Pick one call or a campaign: the embed shows one of them.';
  linkBlock.textContent =
    call?.url ?? 'Pick “one call”: each call has a page of its own whose link becomes the widget where links are embedded.';
  // The preview is built as elements, not from the snippet's text.
  const widget = document.createElement('call-for-contributions');
  for (const [k, v] of attributes) widget.setAttribute(k, v);
  if (style) widget.style.setProperty('--oc-color-accent', accent);
  preview.replaceChildren(widget);
}

form.addEventListener('input', render);
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]'))
  button.addEventListener('click', async () => {
    const status = required('#copied');
    const text = required(`#${button.dataset.copy}`).textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Copied. Paste it into your post.';
    } catch {
      status.textContent = 'Your browser did not allow copying: select the text and copy it by hand.';
    }
  });
render();
