// Test harness for <contribution-review>: the queue, each contribution's facts and decision, the
// filters and the export, by what they are for rather than by the element's classes.
import { settled, shadow, words } from './dom.js';

/** One contribution in the organiser's queue. */
export class ReviewItemHarness {
  /** `item` is null when the queue holds no such contribution: every part is then null too. */
  constructor(readonly item: HTMLElement | null) {}

  #part<T extends Element = HTMLElement>(selector: string): T | null {
    return this.item?.querySelector<T>(selector) ?? null;
  }

  get id(): string {
    return this.item?.dataset.id ?? '';
  }
  get title(): HTMLElement | null {
    return this.#part('.title');
  }
  /** A text contribution's words. */
  get quote(): HTMLElement | null {
    return this.#part('blockquote');
  }
  /** Credit, email, language, consent, what it builds on: each fact's words by its name. */
  get facts(): Record<string, string> {
    return Object.fromEntries(
      [...(this.item?.querySelectorAll('dt') ?? [])].map((dt) => [words(dt), words(dt.nextElementSibling)]),
    );
  }
  /** The first fact's value as shown (the credit name). */
  get firstFact(): HTMLElement | null {
    return this.#part('.facts dd');
  }
  /** "Waiting for review" */
  get status(): HTMLElement | null {
    return this.#part('.status');
  }
  /** "Publishing in 5 s", while a decision can still be undone. */
  get pending(): HTMLElement | null {
    return this.#part('.pending');
  }
  /** An image or a script: a hostile field let in as markup. */
  get markup(): Element | null {
    return this.#part('img, script');
  }
}

/** A `<contribution-review>`, driven and read the way an organiser sees it. */
export class ReviewHarness {
  constructor(readonly el: Element) {}

  get #root() {
    return shadow(this.el);
  }

  /** Settles once the queue or a message (empty, not allowed, failed) shows. */
  shown(): Promise<void> {
    return settled(this.el, '.list, .message:not(.loading)');
  }

  get items(): ReviewItemHarness[] {
    return [...this.#root.querySelectorAll<HTMLElement>('article.item')].map((i) => new ReviewItemHarness(i));
  }
  /** The contribution with this id; its `item` is null once it has left the queue. */
  item(id: string): ReviewItemHarness {
    return new ReviewItemHarness(this.#root.querySelector<HTMLElement>(`article.item[data-id="${id}"]`));
  }
  get titles(): string[] {
    return this.items.map((i) => words(i.title));
  }
  /** "Load more contributions", or "Try again" after it failed. */
  get loadMoreButton(): HTMLButtonElement | null {
    return this.#root.querySelector('.load-more');
  }
  /** Why the last Load more failed, above its button. */
  get moreFailure(): HTMLElement | null {
    return this.#root.querySelector('.more [role=alert]');
  }
  /** "3 contributions shown" */
  get status(): HTMLElement | null {
    return this.#root.querySelector('[role=status]');
  }
  /** "P publishes, R rejects, U undoes…" */
  get shortcuts(): HTMLElement | null {
    return this.#root.querySelector('.shortcuts');
  }
  get statusFilter(): HTMLSelectElement | null {
    return this.#root.querySelector('.status-filter');
  }
  get callFilter(): HTMLSelectElement | null {
    return this.#root.querySelector('.call-filter');
  }
  /** Picks `value` in a filter, as a person choosing from it does. */
  choose(filter: HTMLSelectElement | null, value: string): void {
    if (!filter) throw new Error('no such filter');
    filter.value = value;
    filter.dispatchEvent(new Event('change'));
  }
  get exportButton(): HTMLButtonElement | null {
    return this.#root.querySelector('.export');
  }
  /** "This token is not allowed here." and what to do. */
  get notAllowed(): HTMLElement | null {
    return this.#root.querySelector('.forbidden');
  }
}

export const reviewOf = (el: Element) => new ReviewHarness(el);
