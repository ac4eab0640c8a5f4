import { callText, isolated } from '../../core/call-content.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { Call, ContributionReceipt } from '../../api/types.js';
import { heading } from '../../core/heading.js';
import type { UploaderWords } from '../words/words.js';

/** After sending: a heading that takes focus, where to see the contribution, and "Send another". */
export function thanks(
  call: Call,
  receipt: ContributionReceipt | undefined,
  c: { words: UploaderWords; locale: string; headingLevel: number; sendAnother(): void; announce(message: string): void },
): TemplateResult {
  const s = c.words;
  const title = callText(call, 'title', c.locale);
  const link = (url: string, words: string) => html`<p><a href=${url} target="_blank" rel="noopener noreferrer">${words}</a></p>`;
  return html`<div class="thanks" part="thanks">
    ${heading(c.headingLevel, 'thanks-heading', 'thanks-heading', s.thanksHeading, true)}
    <p>${s.thanksBody(isolated(title))}</p>
    ${receipt?.url ? link(receipt.url, s.viewContribution) : nothing} ${call.url ? link(call.url, s.seeContributions) : nothing}
    ${call.url ? html`<button type="button" class="share" @click=${() => share(call, s, c.announce)}>${s.shareCall}</button>` : nothing}
    <button type="button" class="another" @click=${c.sendAnother}>${s.sendAnother}</button>
  </div>`;
}

/** The call's link, through the system's share sheet where there is one, else copied. */
async function share(call: Call, s: UploaderWords, announce: (message: string) => void): Promise<void> {
  const url = call.url ?? '';
  try {
    if (navigator.share) return await navigator.share({ title: call.title, url });
    await navigator.clipboard.writeText(url);
    announce(s.linkCopied);
  } catch {
    // Dismissed, or no clipboard: nothing to say.
  }
}

/** "Building on *Title* by *Credit*", above a form that answers with a contribution's remix. */
export function buildingOn(s: UploaderWords, title: string, creditName: string): TemplateResult {
  const w = s.buildingOn;
  return html`<p class="building-on">
    ${w.before}<em><bdi>${title}</bdi></em
    >${w.by}<strong><bdi>${creditName}</bdi></strong
    >${w.after}
  </p>`;
}
