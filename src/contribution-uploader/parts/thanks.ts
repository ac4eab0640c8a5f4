import { html, nothing, type TemplateResult } from 'lit';
import type { Call, ContributionReceipt } from '../../api/types.js';
import { heading } from '../../heading.js';
import type { UploaderStrings } from '../../i18n/index.js';

/** After sending: a heading that takes focus, where to see the contribution, and "Send another". */
export function thanks(
  call: Call,
  receipt: ContributionReceipt | undefined,
  c: { words: UploaderStrings; headingLevel: number; sendAnother(): void },
): TemplateResult {
  const s = c.words;
  return html`<div class="thanks" part="thanks">
    ${heading(c.headingLevel, 'thanks-heading', 'thanks-heading', s.thanksHeading, true)}
    <p>${s.thanksBody(call.title)}</p>
    ${receipt?.url ? html`<p><a href=${receipt.url} target="_blank" rel="noopener noreferrer">${s.viewContribution}</a></p>` : nothing}
    <button type="button" class="another" @click=${c.sendAnother}>${s.sendAnother}</button>
  </div>`;
}
