import { callText, isolated } from '../../core/call-content.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { Call, ContributionReceipt } from '../../api/types.js';
import { enclosing } from '../../core/dom.js';
import { heading } from '../../core/heading.js';
import type { UploaderWords } from '../words/words.js';

/**
 * The gallery that shows what others made for `call`, on this page: the one the form sits in
 * ("Build on this"), else one for the call (under the list's card, with `show-contributions`,
 * or anywhere on the page), else one for the call's campaign. Undefined when there is none.
 */
export function galleryFor(form: Element, call: Call): HTMLElement | undefined {
  const inside = enclosing(form, (e) => e.localName === 'contribution-gallery');
  if (inside instanceof HTMLElement) return inside;
  const root = form.getRootNode() as Document | ShadowRoot;
  const galleries = [...new Set([root, document])].flatMap((r) => [...r.querySelectorAll<HTMLElement>('contribution-gallery')]);
  const forCall = galleries.find((g) => g.getAttribute('call') === call.id);
  if (forCall) return forCall;
  return call.campaign
    ? galleries.find((g) => !g.hasAttribute('call') && g.getAttribute('campaign') === call.campaign)
    : undefined;
}

/**
 * After sending: a heading that takes focus, where to see the contribution and what others
 * made (the gallery on this page, else the call's own page), sharing the call, and "Send another".
 */
export function thanks(
  call: Call,
  receipt: ContributionReceipt | undefined,
  c: {
    words: UploaderWords;
    locale: string;
    headingLevel: number;
    gallery: HTMLElement | undefined;
    sendAnother(): void;
    announce(message: string): void;
  },
): TemplateResult {
  const s = c.words;
  const title = callText(call, 'title', c.locale);
  const link = (url: string, words: string, className: string) =>
    html`<p><a class=${className} href=${url} target="_blank" rel="noopener noreferrer">${words}</a></p>`;
  const gallery = c.gallery;
  return html`<div class="thanks" part="thanks">
    ${heading(c.headingLevel, 'thanks-heading', 'thanks-heading', s.thanksHeading, true)}
    <p>${s.thanksBody(isolated(title))}</p>
    ${receipt?.url ? link(receipt.url, s.viewContribution, 'own-page') : nothing}
    ${
      gallery
        ? html`<p>
            <button type="button" class="see-contributions" @click=${() => gallery.focus()}>${s.seeContributions}</button>
          </p>`
        : call.url
          ? link(call.url, s.seeContributions, 'see-contributions')
          : nothing
    }
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
