/// <reference types="vite/client" />
// The playground: options on the left, the live widget and the exact snippet on the right.
import { httpSource, listCalls } from '../src/index.js';

/** An element the page must have; a missing one is a broken page, said plainly. */
function required<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`playground.html has no ${selector}`);
  return found;
}

const api = import.meta.env.VITE_OC_API as string;
const cdn = 'https://cdn.example/open-call-widgets/cdn/open-call.js';
const form = required<HTMLFormElement>('#options');
const snippet = required<HTMLPreElement>('#snippet');
const preview = required<HTMLDivElement>('#preview');
const field = <T extends HTMLElement>(name: string) => form.elements.namedItem(name) as T & { value: string };

// Fill the call and campaign menus from the backend itself.
const source = httpSource(api);
const calls = (await listCalls(source, { limit: 50 })).items;
for (const call of calls) field<HTMLSelectElement>('call').add(new Option(call.title, call.id));
for (const campaign of [...new Set(calls.map((c) => c.campaign).filter(Boolean))] as string[])
  field<HTMLSelectElement>('campaign').add(new Option(campaign, campaign));

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

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
  const style = accent.toLowerCase() === '#0b57d0' ? '' : ` style="--oc-color-accent: ${accent}"`;
  const tag = `<call-for-contributions${attributes.map(([k, v]) => ` ${k}="${escape(v)}"`).join('')}${style}></call-for-contributions>`;
  // The place kept for the list while the script loads, so that the page does not jump.
  const reserve = '<style>call-for-contributions:not(:defined) { display: block; min-height: 52rem }</style>';
  snippet.textContent = `<script type="module" src="${cdn}"></script>\n${reserve}\n${tag}`;
  // The preview is built as elements, not from the snippet's text.
  const widget = document.createElement('call-for-contributions');
  for (const [k, v] of attributes) widget.setAttribute(k, v);
  if (style) widget.style.setProperty('--oc-color-accent', accent);
  preview.replaceChildren(widget);
}

form.addEventListener('input', render);
required('#copy').addEventListener('click', async () => {
  const status = required('#copied');
  try {
    await navigator.clipboard.writeText(snippet.textContent ?? '');
    status.textContent = 'Copied. Paste it into your post.';
  } catch {
    status.textContent = 'Your browser did not allow copying: select the snippet and copy it by hand.';
  }
});
render();
