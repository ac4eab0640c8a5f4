import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

type Heading = (id: string, className: string, focusable: boolean, content: unknown) => TemplateResult;

// One template per level rather than lit/static-html: five short templates weigh less than it.
const headings: Record<number, Heading> = {
  2: (id, c, f, content) => html`<h2 id=${id} class=${c} part=${c} tabindex=${ifDefined(f ? -1 : undefined)}>${content}</h2>`,
  3: (id, c, f, content) => html`<h3 id=${id} class=${c} part=${c} tabindex=${ifDefined(f ? -1 : undefined)}>${content}</h3>`,
  4: (id, c, f, content) => html`<h4 id=${id} class=${c} part=${c} tabindex=${ifDefined(f ? -1 : undefined)}>${content}</h4>`,
  5: (id, c, f, content) => html`<h5 id=${id} class=${c} part=${c} tabindex=${ifDefined(f ? -1 : undefined)}>${content}</h5>`,
  6: (id, c, f, content) => html`<h6 id=${id} class=${c} part=${c} tabindex=${ifDefined(f ? -1 : undefined)}>${content}</h6>`,
};

/**
 * A heading at `level` (2–6), so the widget fits the outline of the article it sits in.
 * Focusable headings take focus when the region they title opens.
 */
export function heading(level: number, id: string, className: string, content: unknown, focusable = false): TemplateResult {
  const render = headings[Math.min(6, Math.max(2, Math.round(level) || 2))];
  return render(id, className, focusable, content);
}
