// Test harness for <contribution-gallery>: its contributions, each one's parts and buttons, and
// the gallery's states, by what they are for rather than by the gallery's classes.
import { settled, shadow, words } from './dom.js';

/** One published contribution in the gallery. */
export class GalleryItemHarness {
  /** `item` is null when the gallery shows no such contribution: every part is then null too. */
  constructor(readonly item: HTMLElement | null) {}

  #part<T extends Element = HTMLElement>(selector: string): T | null {
    return this.item?.querySelector<T>(selector) ?? null;
  }

  /** The contribution's id. */
  get id(): string {
    return this.item?.dataset.id ?? '';
  }
  get title(): HTMLElement | null {
    return this.#part('.title');
  }
  /** A text contribution's words, as a quote. */
  get quote(): HTMLElement | null {
    return this.#part('blockquote');
  }
  /** "by Nurul" */
  get credit(): HTMLElement | null {
    return this.#part('.credit');
  }
  /** Licence and what it builds on. */
  get meta(): HTMLElement | null {
    return this.#part('.meta');
  }
  /** The call's prompt beside the answer. */
  get prompt(): HTMLElement | null {
    return this.#part('.prompt');
  }
  get buildOnButton(): HTMLButtonElement | null {
    return this.#part('.build-on');
  }
  get image(): HTMLImageElement | null {
    return this.#part('img.media');
  }
  get audio(): HTMLAudioElement | null {
    return this.#part('audio');
  }
  get video(): HTMLVideoElement | null {
    return this.#part('video');
  }
  /** An image or a script in a text contribution: a hostile field let in as markup. */
  get markup(): Element | null {
    return this.#part('script, img');
  }
}

/** A `<contribution-gallery>`, driven and read the way a visitor sees it. */
export class GalleryHarness {
  constructor(readonly el: Element) {}

  get #root() {
    return shadow(this.el);
  }

  /** Settles once the gallery shows contributions or a message (empty, failed). */
  shown(): Promise<void> {
    return settled(this.el, '.list:not(.skeletons), .message');
  }

  get items(): GalleryItemHarness[] {
    return [...this.#root.querySelectorAll<HTMLElement>('article.item')].map((i) => new GalleryItemHarness(i));
  }
  /** The contribution with this id, or the first. */
  item(id?: string): GalleryItemHarness {
    return new GalleryItemHarness(
      this.#root.querySelector<HTMLElement>(id === undefined ? 'article.item' : `article.item[data-id="${id}"]`),
    );
  }
  get titles(): string[] {
    return this.items.map((i) => words(i.title));
  }
  get loadMoreButton(): HTMLButtonElement | null {
    return this.#root.querySelector('.load-more');
  }
  /** "4 contributions shown" */
  get status(): HTMLElement | null {
    return this.#root.querySelector('[role=status]');
  }
  get failure(): HTMLElement | null {
    return this.#root.querySelector('[role=alert]');
  }
  get empty(): HTMLElement | null {
    return this.#root.querySelector('.empty');
  }
  get loading(): HTMLElement | null {
    return this.#root.querySelector('.loading');
  }
  /** The heading of the answer form that "Build on this" opened. */
  get buildingHeading(): HTMLElement | null {
    return this.#root.querySelector('.building-heading');
  }
  /** The answer form that "Build on this" opened. */
  get buildingForm(): HTMLElement | null {
    return this.#root.querySelector('.building contribution-uploader');
  }
}

export const galleryOf = (el: Element) => new GalleryHarness(el);
