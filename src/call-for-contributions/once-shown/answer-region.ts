import { callText, isolated } from '../../core/call-content.js';
import { adoptStyles, html, nothing, type LitElement, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Call } from '../../api/types.js';
import type { SettingsController } from '../../core/settings.js';
import { heading } from '../../core/heading.js';
import { answerRegionWords } from './words/words.js';
import { listWords } from '../words/words.js';
import { loadOnce } from '../../core/load.js';
import { css } from '../../core/styles/css.js';
import type { AnswerForm, answerForms } from '../../contribution-uploader/in-list.js';
import type { ShownCalls } from './shown-calls.js';

/** The list, as the answer region needs it. */
interface List extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  headingLevel: number;
}

const styles = css`
  .card > .answer {
    grid-column: 1 / -1;
  }
  .answer {
    border-top: 1px solid var(--_oc-border);
    padding: var(--_oc-space);
    display: grid;
    gap: var(--_oc-space);
    background: var(--_oc-surface);
  }
  .answer-heading {
    font-size: 1.1em;
    margin: 0;
  }
  .answer-heading:focus {
    outline: none;
  }
  .answer p {
    margin: 0;
  }
  .answer .close {
    justify-self: start;
  }
  /* The form's place while its code is on its way, and until the form has drawn its fields: no
     taller than the shortest form, so that what follows only ever moves down, out of sight. */
  .form-placeholder,
  .answer contribution-uploader {
    display: block;
    min-height: 34rem;
  }
  .form-placeholder {
    border-radius: var(--_oc-radius);
    background: var(--_oc-subtle);
    animation: pulse 1.4s ease-in-out infinite;
  }
  /* On a phone the card's edge is the form's: most of the width goes to the fields. */
  @container (max-width: 26rem) {
    .answer {
      padding: calc(var(--_oc-space) * 0.5);
    }
  }
`;

/**
 * Answering a list's calls in place: the region under the chosen call, with a heading that takes
 * focus when it opens, the answer form (or, when the form's code cannot be had, the `answer` slot:
 * a sentence saying so, and a link to the call's own page when it has one), and Close. It arrives
 * once the list shows, with the descriptions' Markdown: nothing in it is seen before someone
 * presses Contribute.
 */
export class AnswerRegion {
  readonly #list: List;
  readonly #settings: SettingsController;
  readonly #calls: ShownCalls;
  /** The call whose region is open. */
  #open?: string;
  #form?: AnswerForm;
  /** Whether the form's code is on its way: the region is open, holding the form's place. */
  #arriving = false;
  #formReady?: Promise<AnswerForm | undefined>;
  /** With `show-contributions`: a call's latest contributions, once the gallery's code has arrived. */
  #latest?: (call: Call, settings: SettingsController, headingLevel: number) => TemplateResult;

  constructor(list: List, settings: SettingsController, calls: ShownCalls) {
    this.#list = list;
    this.#settings = settings;
    this.#calls = calls;
    adoptStyles(list.renderRoot as ShadowRoot, [...(list.constructor as typeof LitElement).elementStyles, styles]);
    // The region's words in the list's language come now, while nobody has pressed Contribute
    // yet: the region speaks that language from its first frame (English is always here).
    void settings.wordsArriving([answerRegionWords]);
    // The gallery comes only to a list that asks for it (an attribute: the list's own code stays as small).
    if (list.hasAttribute('show-contributions'))
      void loadLatest().then((latest) => {
        this.#latest = latest?.latestContributions;
        list.requestUpdate();
      });
  }

  /** A call's latest contributions under its card, with `show-contributions`. */
  latest(call: Call): TemplateResult | undefined {
    return this.#latest?.(call, this.#settings, this.#list.headingLevel + 1);
  }

  /**
   * Opens the region under `call` (closing any other) and moves focus to its heading, where it
   * stays when the form arrives: the visitor goes on into the form with Tab. The list's live
   * region says that the form is on its way, and when it could not be loaded.
   */
  async open(call: Call): Promise<void> {
    // Arrived for another list on the page (or a list made before this one), the form shows at
    // once: no placeholder, and nothing said about it being on its way.
    this.#form ??= answering?.answerForms(this.#list, this.#settings);
    // The form and tus-js-client load only now: a page that only lists calls never downloads them.
    if (!this.#form)
      this.#formReady ??= loadAnswering().then((arrived) => {
        // Without it, the region offers the `answer` slot instead; the next Contribute asks again
        // (a browser that keeps a failed module until the page reloads fails again: the words say to reload).
        if (!arrived) this.#formReady = undefined;
        return arrived?.answerForms(this.#list, this.#settings);
      });
    // Asked for when the list showed, the region's words have nearly always arrived by now.
    await this.#settings.wordsArriving([answerRegionWords]);
    // The region opens at once, holding the form's place, and focus goes to its heading: opened
    // later (a slow network), it would push the page down long after the click.
    this.#open = call.id;
    this.#arriving = !this.#form;
    if (this.#arriving) this.#announce(this.#settings.words(answerRegionWords).loadingForm);
    this.#list.requestUpdate();
    await this.#list.updateComplete;
    this.#list.renderRoot.querySelector<HTMLElement>('.answer-heading')?.focus();
    if (!this.#arriving) return;
    this.#form = await this.#formReady;
    this.#arriving = false;
    // Once it is there, the live region no longer says it is on its way.
    if (this.#open === call.id) this.#announce(this.#form ? '' : this.#settings.words(listWords).answerUnavailable);
    this.#list.requestUpdate();
  }

  /** Says `text` through the list's live region (the one that says how many calls are shown). */
  #announce(text: string): void {
    this.#calls.show(this.#calls.shown(), text);
  }

  /** Closes the region; with `call`, focus goes back to that call's Contribute button. */
  async close(call?: Call): Promise<void> {
    if (this.#open === undefined) return;
    this.#open = undefined;
    this.#list.requestUpdate();
    if (!call) return;
    await this.#list.updateComplete;
    this.#list.renderRoot.querySelector<HTMLElement>(`[data-call="${CSS.escape(call.id)}"] .contribute`)?.focus();
  }

  /** A contribution to `call` arrived: its card counts it at once, without asking the backend again. */
  #counted(call: Call): void {
    const calls = this.#calls;
    calls.show(calls.shown().map((c) => (c.id === call.id ? { ...c, contributionCount: c.contributionCount + 1 } : c)));
  }

  /** The region under `call`, when it is the open one. */
  render(call: Call): TemplateResult | undefined {
    if (call.id !== this.#open) return undefined;
    const words = this.#settings.words(answerRegionWords);
    const level = this.#list.headingLevel;
    return html`<section class="answer" part="answer" aria-labelledby="answer-${call.id}">
      ${heading(level + 1, `answer-${call.id}`, 'answer-heading', words.heading(isolated(callText(call, 'title', this.#settings.formats.locale))), true)}
      ${
        this.#form
          ? this.#form(call, level + 2, () => this.#counted(call))
          : this.#arriving
            ? // Not aria-busy: a screen reader may pass over what a busy element holds, and its words are for them.
              html`<div class="form-placeholder"><p class="visually-hidden">${words.loadingForm}</p></div>`
            : html`<slot name="answer">
                <p>${this.#settings.words(listWords).answerUnavailable}</p>
                ${
                  call.url
                    ? html`<p><a href=${call.url} target="_blank" rel="noopener noreferrer">${words.elsewhere}</a></p>`
                    : nothing
                }
              </slot>`
      }
      <button class="close" @click=${() => this.close(call)}>${words.close}</button>
    </section>`;
  }
}

const loadLatest = loadOnce('the gallery of contributions', () => import('../../contribution-gallery/latest.js'));

/** The form's code, once it has arrived: kept for the page, so that every list knows it has it without waiting. */
let answering: { answerForms: typeof answerForms } | undefined;

const loadAnswering = loadOnce('the answer form', () =>
  // The form's chunk imports the sharing code's: asking for both at once saves a round trip.
  Promise.all([import('../../contribution-uploader/in-list.js'), import('../../open-call-config/share.js')]).then(
    ([arrived]) => (answering = arrived),
  ),
);
