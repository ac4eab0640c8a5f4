import { callText, isolated } from '../core/call-content.js';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Call, ContributionMedia, PublishedContribution } from '../api/types.js';
import { heading } from '../core/heading.js';
import type { Formats } from '../core/format.js';
import type { GalleryWords } from './words/index.js';

/** A contribution's file: an image with its size reserved, or a native player that loads nothing until played. */
export function mediaOf(file: ContributionMedia, label: string, words: Pick<GalleryWords, 'media'>): TemplateResult {
  // The browser reserves the shape that width and height give; without them, the stylesheet's
  // fixed shape. No style attribute: a site's Content-Security-Policy may forbid them.
  const sized = file.width && file.height;
  if (file.type.startsWith('image/'))
    return html`<img
      class="media image"
      part="media"
      src=${file.url}
      alt=${label}
      width=${ifDefined(sized ? file.width : undefined)}
      height=${ifDefined(sized ? file.height : undefined)}
      loading="lazy"
      decoding="async"
    />`;
  if (file.type.startsWith('video/'))
    return html`<video
      class="media video"
      part="media"
      controls
      preload="none"
      src=${file.url}
      poster=${ifDefined(file.poster)}
      width=${ifDefined(sized ? file.width : undefined)}
      height=${ifDefined(sized ? file.height : undefined)}
      aria-label=${`${words.media.video}: ${label}`}
    ></video>`;
  if (file.type.startsWith('audio/'))
    return html`<audio
      class="media audio"
      part="media"
      controls
      preload="none"
      src=${file.url}
      aria-label=${`${words.media.audio}: ${label}`}
    ></audio>`;
  return html`<a class="media file" part="media" href=${file.url} target="_blank" rel="noopener noreferrer">${label}</a>`;
}

export interface ItemContext {
  words: GalleryWords;
  formats: Formats;
  headingLevel: number;
  /** The call the item answers, when the backend still has it. */
  call: Call | undefined;
  /** Whether to name the call above the item (a campaign's gallery, or a text: the prompt beside the answer). */
  showPrompt: boolean;
  /** Titles of the contributions shown, for "builds on". */
  titleOf(id: string): string | undefined;
  /** Whether this item is the one the arrow keys start from. */
  current: boolean;
  /** Set when the call is open: "Build on this". */
  buildOn?: () => void;
}

/** One published contribution: its text as a quote or its files, then who made it, its title, licence and what it builds on. */
export function renderItem(item: PublishedContribution, c: ItemContext): TemplateResult {
  const w = c.words;
  const title = item.title || w.untitled;
  const label = `${title} ${w.by(item.creditName)}`;
  const known = (item.basedOn ?? []).map((id) => ({ id, title: c.titleOf(id) }));
  const others = known.filter((k) => k.title === undefined).length;
  return html`<article
    class="item ${item.kind}"
    part="item"
    data-id=${item.id}
    tabindex=${c.current ? 0 : -1}
    aria-labelledby="title-${item.id}"
  >
    ${c.showPrompt && c.call ? html`<p class="prompt" part="prompt">${w.answers(isolated(callText(c.call, 'title', c.formats.locale)))}</p>` : nothing}
    ${
      item.text !== undefined
        ? html`<blockquote class="quote" part="quote" lang=${ifDefined(item.language)} dir="auto">
            <p>${item.text}</p>
          </blockquote>`
        : item.media.map((file) => mediaOf(file, label, w))
    }
    ${heading(c.headingLevel, `title-${item.id}`, 'title', html`<bdi>${title}</bdi>`)}
    <p class="credit" part="credit">${w.by(isolated(item.creditName))}</p>
    <p class="meta" part="meta">
      <time datetime=${item.publishedAt}>${w.published(c.formats.date(item.publishedAt))}</time>
      ${item.license ? html`<span class="license">${w.license(item.license)}</span>` : nothing}
    </p>
    ${
      known.length
        ? html`<p class="based-on" part="based-on">
            ${w.buildsOn}
            ${c.formats.list([
              ...known.filter((k) => k.title !== undefined).map((k) => `“${isolated(k.title ?? '')}”`),
              ...(others ? [w.buildsOnOther(others)] : []),
            ])}
          </p>`
        : nothing
    }
    ${item.url ? html`<a class="link" href=${item.url} target="_blank" rel="noopener noreferrer">${label}</a>` : nothing}
    ${
      c.buildOn
        ? html`<button
            class="build-on"
            part="build-on-button"
            aria-label=${w.buildOnThisLabel(title, item.creditName)}
            @click=${c.buildOn}
          >
            ${w.buildOnThis}
          </button>`
        : nothing
    }
  </article>`;
}

/**
 * A placeholder of an item's shape (its picture, title, credit, date, button) for each item a
 * page may bring, so that what follows the gallery is already out of the way when they arrive.
 */
export const skeleton = (n: number) =>
  html`${Array.from(
    { length: n },
    () =>
      html`<li class="item skeleton" aria-hidden="true">
        <div class="box"></div>
        <div class="line"></div>
        <div class="line short"></div>
        <div class="line short"></div>
        <div class="line button"></div>
      </li>`,
  )}`;
