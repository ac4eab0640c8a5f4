import { nothing, type TemplateResult } from 'lit';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';

const headingTags: Record<number, StaticValue> = {
  2: literal`h2`,
  3: literal`h3`,
  4: literal`h4`,
  5: literal`h5`,
  6: literal`h6`,
};

/**
 * A heading at `level` (2–6), so the widget fits the outline of the article it sits in.
 * Focusable headings take focus when the region they title opens.
 */
export function heading(level: number, id: string, className: string, content: unknown, focusable = false): TemplateResult {
  const tag = headingTags[Math.min(6, Math.max(2, Math.round(level) || 2))];
  return staticHtml`<${tag} id=${id} class=${className} part=${className} tabindex=${focusable ? '-1' : nothing}>${content}</${tag}>`;
}
