import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Accepts, Call, ContributionKind } from '../api/types.js';
import type { ListWords } from './words/words.js';
import type { Formats } from '../core/format.js';
import { heading } from '../core/heading.js';
import { callText } from '../core/call-content.js';

// None points a way, so none needs mirroring right to left: the text icon's lines are centred.
const icons: Record<ContributionKind, TemplateResult> = {
  text: svg`<path d="M4 5h16M4 10h16M6 15h12M8 20h8" />`,
  image: svg`<rect x="3" y="4" width="18" height="16" rx="2" /><circle cx="9" cy="10" r="2" /><path d="m21 17-5-5-9 8" />`,
  audio: svg`<rect x="9" y="3" width="6" height="11" rx="3" /><path d="M5 11a7 7 0 0 0 14 0M12 18v3" />`,
  video: svg`<rect x="3" y="6" width="13" height="12" rx="2" /><path d="m16 10 5-3v10l-5-3z" />`,
};

export interface CardView {
  strings: ListWords;
  formats: Formats;
  headingLevel: number;
  /** The whole call, laid out for reading (single-call mode), or a card in a list. */
  single: boolean;
  /** The answer region, when it is open under this card (its Contribute button then hides). */
  answer?: TemplateResult;
  /** Why this call cannot be answered here right now, under its Contribute button. */
  notice?: string;
  /** Formats a description; plain text while the Markdown code is on its way. */
  description?: (source: string) => TemplateResult;
  onContribute(call: Call): void;
}

/** A description as plain text, line breaks kept: until Markdown arrives, or if it cannot. */
const plainDescription = (source: string) => html`<p class="plain">${source}</p>`;

/** What a call accepts, in words: "Audio, up to 30 seconds, max 50 MB". */
export function describeAccepts(accepts: Accepts, strings: ListWords, formats: Formats): string {
  const limits: string[] = [];
  if (accepts.maxLength) limits.push(strings.upToCharacters(formats.count(accepts.maxLength)));
  if (accepts.maxSeconds) limits.push(strings.upToDuration(formats.duration(accepts.maxSeconds)));
  if (accepts.maxBytes) limits.push(strings.maxSize(formats.size(accepts.maxBytes)));
  if (accepts.maxFiles && accepts.maxFiles > 1) limits.push(strings.upToFiles(formats.count(accepts.maxFiles), accepts.maxFiles));
  return [strings.kind[accepts.kind], ...limits].join(', ');
}

function deadline(call: Call, { strings, formats }: CardView): TemplateResult | typeof nothing {
  if (call.status === 'upcoming' && call.opensAt)
    return html`<div class="meta-item">
      <dt>${strings.opensLabel}</dt>
      <dd>
        <time datetime=${call.opensAt}>${formats.date(call.opensAt)}</time>
        <span class="relative">(${strings.opensRelative(formats.relativeTo(call.opensAt))})</span>
      </dd>
    </div>`;
  if (!call.closesAt) return nothing;
  const relative = formats.relativeTo(call.closesAt);
  return html`<div class="meta-item">
    <dt>${strings.deadlineLabel}</dt>
    <dd>
      <time datetime=${call.closesAt}>${formats.date(call.closesAt)}</time>
      <span class="relative"
        >(${call.status === 'closed' ? strings.closedRelative(relative) : strings.closesRelative(relative)})</span
      >
    </dd>
  </div>`;
}

/** One call: a card in the list, or the whole call in single-call mode. */
export function renderCallCard(call: Call, view: CardView): TemplateResult {
  const { strings, formats } = view;
  const renderDescription = view.description ?? plainDescription;
  const titleId = `title-${call.id}`;
  // In the widget's language when the call has it; each text isolated, as it may run the other way.
  const title = callText(call, 'title', formats.locale);
  const description = callText(call, 'description', formats.locale);
  return html`<article
    part="card ${call.status}"
    class="card ${call.status} ${view.single ? 'single' : ''}"
    aria-labelledby=${titleId}
    data-call=${call.id}
    tabindex="-1"
  >
    ${
      call.cover
        ? html`<img
            part="cover"
            class="cover"
            src=${call.cover.url}
            alt=${call.cover.alt}
            width=${call.cover.width}
            height=${call.cover.height}
            loading="lazy"
            decoding="async"
          />`
        : nothing
    }
    <div class="body">
      ${heading(view.headingLevel, titleId, 'title', html`<bdi>${title}</bdi>`)}
      ${call.status === 'open' ? nothing : html`<p part="status" class="status">${strings.status[call.status]}</p>`}
      <p part="summary" class="summary" dir="auto">${callText(call, 'summary', formats.locale)}</p>
      <ul class="accepts" part="accepts" aria-label=${strings.acceptsLabel}>
        ${call.accepts.map(
          (a) =>
            html`<li>
              <svg viewBox="0 0 24 24" aria-hidden="true" class="icon">${icons[a.kind]}</svg>
              <span>${describeAccepts(a, strings, formats)}</span>
            </li>`,
        )}
      </ul>
      <dl class="meta" part="meta">
        ${deadline(call, view)}
        ${
          call.languages.length
            ? html`<div class="meta-item">
                <dt>${strings.languagesLabel}</dt>
                <dd>${formats.list(call.languages.map((l) => formats.language(l)))}</dd>
              </div>`
            : nothing
        }
        ${
          call.project
            ? html`<div class="meta-item">
                <dt>${strings.partOf}</dt>
                <dd><a href=${call.project.url} target="_blank" rel="noopener noreferrer">${call.project.title}</a></dd>
              </div>`
            : nothing
        }
      </dl>
      <p class="count" part="count">${strings.contributions(formats.count(call.contributionCount), call.contributionCount)}</p>
      ${
        description.trim() === ''
          ? nothing
          : view.single
            ? html`<div class="description" part="description" dir="auto">${renderDescription(description)}</div>`
            : html`<details class="description" part="description" dir="auto">
                <summary>${strings.aboutCall}</summary>
                ${renderDescription(description)}
              </details>`
      }
      ${
        call.status === 'open'
          ? view.answer
            ? nothing
            : html`<button part="contribute-button" class="primary contribute" @click=${() => view.onContribute(call)}>
                  ${strings.contribute}<span class="visually-hidden">: ${title}</span>
                </button>
                ${view.notice ? html`<p class="message error" part="message" role="alert">${view.notice}</p>` : nothing}`
          : html`<p class="not-answerable">${strings.notAnswerable[call.status]}</p>`
      }
    </div>
    ${view.answer}
  </article>`;
}

/**
 * A placeholder with the shape of a card, line for line (title, summary, what it accepts,
 * deadline and languages, count, description, button), shown while calls load so that the
 * page moves as little as possible when they arrive.
 */
export function skeletonCard(single: boolean): TemplateResult {
  // Classes, not style attributes: a site's Content-Security-Policy may forbid inline styles. One
  // template, its lines written out: a page of placeholders is cheap to make on a slow phone.
  return html`<div class="card skeleton ${single ? 'single' : ''}" aria-hidden="true">
    <div class="cover-placeholder"></div>
    <div class="body">
      <div class="line long title-line"></div>
      <div class="line mid title-line"></div>
      <div class="line long"></div>
      <div class="line long"></div>
      <div class="line long"></div>
      <div class="line mid"></div>
      <div class="line mid"></div>
      <div class="line long"></div>
      <div class="line mid"></div>
      <div class="line short"></div>
      <div class="line short"></div>
      ${single ? descriptionLines : shortLine}
      <div class="line button-line"></div>
    </div>
  </div>`;
}

const shortLine = html`<div class="line short"></div>`;
/** A single call shows its description: six lines of it. */
const descriptionLines = html`<div class="line long"></div>
  <div class="line long"></div>
  <div class="line long"></div>
  <div class="line mid"></div>
  <div class="line long"></div>
  <div class="line short"></div>`;
