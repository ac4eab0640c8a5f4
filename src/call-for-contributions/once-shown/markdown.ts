import { html, nothing, type TemplateResult } from 'lit';
import { isWebUrl } from '../../api/validate.js';

type Part = TemplateResult | string;

/**
 * The limited Markdown a call's description may use: paragraphs, `*emphasis*`, `**strong**`,
 * `[links](https://…)`, and `-` or `1.` lists. Everything becomes Lit template parts, never
 * HTML: markup in the text stays text, and a link that is not http(s) stays plain words.
 */
export function renderMarkdown(source: string): TemplateResult {
  const blocks = source
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .filter((b) => b.trim() !== '');
  return html`${blocks.map(renderBlock)}`;
}

const bullet = /^\s*[-*+]\s+/;
const numbered = /^\s*\d{1,3}[.)]\s+/;

function renderBlock(block: string): TemplateResult {
  // A block may hold a paragraph followed by a list, or several lists: group runs of lines.
  const runs: Array<{ type: 'p' | 'ul' | 'ol'; lines: string[] }> = [];
  for (const line of block.split('\n')) {
    const type = bullet.test(line) ? 'ul' : numbered.test(line) ? 'ol' : 'p';
    const last = runs[runs.length - 1];
    if (last && (last.type === type || (type === 'p' && last.type !== 'p' && /^\s+/.test(line)))) {
      if (type === 'p' && last.type !== 'p') last.lines[last.lines.length - 1] += ` ${line.trim()}`;
      else last.lines.push(line);
    } else runs.push({ type, lines: [line] });
  }
  return html`${runs.map(({ type, lines }) => {
    if (type === 'ul')
      return html`<ul>
        ${lines.map((l) => html`<li>${inline(l.replace(bullet, ''))}</li>`)}
      </ul>`;
    if (type === 'ol')
      return html`<ol>
        ${lines.map((l) => html`<li>${inline(l.replace(numbered, ''))}</li>`)}
      </ol>`;
    return html`<p>${inline(lines.map((l) => l.trim()).join(' '))}</p>`;
  })}`;
}

const token =
  /\*\*(.+?)\*\*|__(.+?)__|\*(.+?)\*|(?<![\p{L}\p{N}])_(.+?)_(?![\p{L}\p{N}])|\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/gu;

function inline(text: string, depth = 0): Part[] {
  if (depth > 3) return [text];
  const parts: Part[] = [];
  let at = 0;
  for (const m of text.matchAll(token)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    const [, strongA, strongB, emA, emB, label, url] = m;
    if (strongA ?? strongB) parts.push(html`<strong>${inline(strongA ?? strongB, depth + 1)}</strong>`);
    else if (emA ?? emB) parts.push(html`<em>${inline(emA ?? emB, depth + 1)}</em>`);
    else if (label !== undefined) parts.push(link(label, url, depth));
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

function link(label: string, url: string, depth: number): Part {
  if (!isWebUrl(url)) return html`${inline(label, depth + 1)}`;
  return html`<a href=${url} target="_blank" rel="noopener noreferrer">${inline(label, depth + 1)}</a>${nothing}`;
}
