import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Call, Contribution } from '../api/types.js';
import { mediaOf } from '../contribution-gallery/parts.js';
import { heading } from '../core/heading.js';
import type { Formats } from '../core/format.js';
import type { BasedOnTitle } from './based-on.js';
import type { Decision } from './decisions.js';
import type { ReviewWords } from './words/index.js';

export interface ReviewItemContext {
  words: ReviewWords;
  formats: Formats;
  headingLevel: number;
  call: Call | undefined;
  current: boolean;
  pending: { status: Decision; seconds: number } | undefined;
  /** What the contribution `id` is, once read (for "builds on"). */
  basedOn(id: string): BasedOnTitle | undefined;
  decide(status: Decision): void;
  undo(): void;
}

/** A contribution built on, in words: its title and credit once read, else its id. */
function basedOnWords(id: string, c: ReviewItemContext): string {
  const read = c.basedOn(id);
  return read ? c.words.basedOnTitle(read.title || c.words.untitled, read.creditName) : c.words.basedOnId(id);
}

/** One contribution in review: what it is, who sent it and what they agreed to, and the decision buttons. */
export function renderReviewItem(item: Contribution, c: ReviewItemContext): TemplateResult {
  const w = c.words;
  const title = item.title || w.untitled;
  const label = `${title}, ${item.creditName}`;
  const row = (term: string, value: unknown) =>
    html`<dt>${term}</dt>
      <dd>${value}</dd>`;
  return html`<article
    class="item ${item.status}"
    part="item"
    data-id=${item.id}
    tabindex=${c.current ? 0 : -1}
    aria-labelledby="title-${item.id}"
    aria-keyshortcuts="P R U"
  >
    ${heading(c.headingLevel, `title-${item.id}`, 'title', title)}
    <p class="call">${c.call?.title ?? item.callId} · <span class="status">${w.status[item.status]}</span></p>
    ${
      item.text !== undefined
        ? html`<blockquote class="quote" part="quote" lang=${ifDefined(item.language)} dir="auto">
            <p>${item.text}</p>
          </blockquote>`
        : item.media.map((file) => mediaOf(file, label, w))
    }
    <dl class="facts">
      ${row(w.creditName, item.creditName)} ${row(w.email, item.email ?? w.noEmail)}
      ${item.language ? row(w.language, c.formats.language(item.language)) : nothing}
      ${row(w.consentLabel, w.consent(item.consent.termsVersion, c.formats.date(item.consent.acceptedAt)))}
      ${item.basedOn?.length ? row(w.buildsOn, c.formats.list(item.basedOn.map((id) => basedOnWords(id, c)))) : nothing}
      ${row(w.receivedLabel, c.formats.date(item.receivedAt))}
    </dl>
    <div class="actions">
      ${
        c.pending
          ? html`<span class="pending" role="status">${w.pending(c.pending.status, c.formats.count(c.pending.seconds))}</span>
              <button class="undo" aria-keyshortcuts="U" @click=${c.undo}>${w.undo}</button>`
          : html`${
              item.status !== 'published'
                ? html`<button class="publish primary" aria-keyshortcuts="P" @click=${() => c.decide('published')}>
                    ${w.publish}
                  </button>`
                : nothing
            }
            ${
              item.status !== 'rejected'
                ? html`<button class="reject" aria-keyshortcuts="R" @click=${() => c.decide('rejected')}>${w.reject}</button>`
                : nothing
            }`
      }
    </div>
  </article>`;
}
