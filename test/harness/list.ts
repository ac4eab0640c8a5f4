// Test harness for <call-for-contributions>: its calls, each call's parts and buttons, and
// the answer region, by what they are for rather than by the list's classes.
import { shadow, words } from './dom.js';

/** One call's card. */
export class CardHarness {
  /** `card` is null when the list shows no such call: every part is then null too. */
  constructor(readonly card: HTMLElement | null) {}

  #part<T extends Element = HTMLElement>(selector: string): T | null {
    return this.card?.querySelector<T>(selector) ?? null;
  }

  /** The call's id. */
  get id(): string {
    return this.card?.dataset.call ?? '';
  }
  get title(): HTMLElement | null {
    return this.#part('.title');
  }
  get summary(): HTMLElement | null {
    return this.#part('.summary');
  }
  /** The "Closed" / "Opening soon" badge. */
  get status(): HTMLElement | null {
    return this.#part('.status');
  }
  get cover(): HTMLImageElement | null {
    return this.#part('img.cover');
  }
  /** What the call accepts. */
  get accepts(): HTMLElement | null {
    return this.#part('.accepts');
  }
  /** Deadline, languages, project. */
  get meta(): HTMLElement | null {
    return this.#part('.meta');
  }
  get deadline(): HTMLTimeElement | null {
    return this.#part('time');
  }
  get projectLink(): HTMLAnchorElement | null {
    return this.#part('.meta a');
  }
  /** "12 contributions" */
  get count(): HTMLElement | null {
    return this.#part('.count');
  }
  /** The description, collapsed in a list (a `<details>`), shown whole for one call. */
  get description(): HTMLElement | null {
    return this.#part('.description');
  }
  /** "About this call": what opens a list's description. */
  get descriptionToggle(): HTMLElement | null {
    return this.#part('summary');
  }
  /** The description as plain text, when its formatting code could not be had. */
  get plainDescription(): HTMLElement | null {
    return this.#part('.plain');
  }
  get contributeButton(): HTMLButtonElement | null {
    return this.#part('.contribute');
  }
  /** Why a call cannot be answered (not open yet, closed). */
  get notAnswerable(): HTMLElement | null {
    return this.#part('.not-answerable');
  }
  /** A message under the call: the answer form could not be loaded. */
  get errorMessage(): HTMLElement | null {
    return this.#part('.message.error');
  }
  /** The answer region under the call, while it is open. */
  get answer(): HTMLElement | null {
    return this.#part('.answer');
  }
  /** The call's latest contributions, with `show-contributions`. */
  get latest(): HTMLElement | null {
    // It follows the card rather than sitting inside it.
    const next = this.card?.nextElementSibling;
    return next?.localName === 'contribution-gallery' ? (next as HTMLElement) : null;
  }
  /** The answer form in the region. */
  get form(): (HTMLElement & { updateComplete: Promise<unknown> }) | null {
    return this.#part('contribution-uploader');
  }
  contribute(): void {
    this.contributeButton!.click();
  }
}

export class ListHarness {
  constructor(readonly element: Element) {}

  #one<T extends Element = HTMLElement>(selector: string): T | null {
    return shadow(this.element).querySelector<T>(selector);
  }

  /** The widget's themed wrapper. */
  get root(): HTMLElement | null {
    return this.#one('.root');
  }
  /** The placeholders shown while loading. */
  get loading(): HTMLElement | null {
    return this.#one('.loading');
  }
  /** The placeholder cards shown while loading. */
  get placeholders(): HTMLElement[] {
    return [...shadow(this.element).querySelectorAll<HTMLElement>('.loading .skeleton')];
  }
  get cards(): CardHarness[] {
    return [...shadow(this.element).querySelectorAll<HTMLElement>('.card')].map((card) => new CardHarness(card));
  }
  /** The card of the call `id`; without an id, the first card (its parts are null while there is none). */
  card(id?: string): CardHarness {
    return new CardHarness(this.#one(id === undefined ? '.card' : `[data-call="${CSS.escape(id)}"]`));
  }
  /** The calls' titles, as shown. */
  get titles(): string[] {
    return this.cards.map((c) => words(c.title));
  }
  get loadMoreButton(): HTMLButtonElement | null {
    return this.#one('.load-more');
  }
  /** What shows where Load more was once there is nothing more. */
  get endOfList(): HTMLElement | null {
    return this.#one('.more');
  }
  /** The loading, empty and error messages. */
  get message(): HTMLElement | null {
    return this.#one('.message');
  }
  get errorMessage(): HTMLElement | null {
    return this.#one('.message.error');
  }
  get retryButton(): HTMLButtonElement | null {
    return this.#one('button.retry');
  }
  /** What the live region says. */
  get liveRegion(): HTMLElement | null {
    return this.#one('[role="status"]');
  }
  /** The open answer region, under whichever call. */
  get answer(): HTMLElement | null {
    return this.#one('.answer');
  }
  get answers(): HTMLElement[] {
    return [...shadow(this.element).querySelectorAll<HTMLElement>('.answer')];
  }
  get answerHeading(): HTMLElement | null {
    return this.#one('.answer-heading');
  }
  get closeAnswerButton(): HTMLButtonElement | null {
    return this.#one('.answer .close');
  }
  /** The answer form in the open region. */
  get answerForm(): (HTMLElement & { updateComplete: Promise<unknown> }) | null {
    return this.#one('contribution-uploader');
  }
  /** What holds the form's place in the open region while its code is on its way. */
  get answerFormPlaceholder(): HTMLElement | null {
    return this.#one('.answer .form-placeholder');
  }
  /** What the region shows when the form's code cannot be had (the `answer` slot's default). */
  get answerFallback(): HTMLSlotElement | null {
    return this.#one('.answer slot[name="answer"]');
  }
}

/** The harness of a list. */
export const listOf = (element: Element) => new ListHarness(element);
