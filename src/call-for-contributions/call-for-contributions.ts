import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { describeFailure, type Failure } from '../core/failure.js';
import { loadOnce } from '../core/load.js';
import { listCalls, type CallQuery } from '../api/source.js';
import type { Call, CallPage, CallStatus, ContributionKind } from '../api/types.js';
import { OpenCallWidget } from '../core/open-call-widget.js';
import { emit } from '../core/events.js';
import { themeClass, tokens } from '../core/styles/tokens.js';
import { renderCallCard, skeletonCard } from './call-card.js';
import type { AnswerRegion } from './once-shown/answer-region.js';
import type { Paging } from './once-shown/paging.js';
import type { ShownCalls } from './once-shown/shown-calls.js';
import { styles } from './styles.js';
import { listWords, type ListWords } from './words/words.js';

type Phase = 'loading' | 'ready' | 'error';

/**
 * Open calls from a backend, on any page. With `call`, one call laid out for reading; without,
 * a list filtered by `campaign`, `kind` and `lang`, with "Load more". Each open call can be
 * answered in place.
 *
 * @tagname call-for-contributions
 * @summary Lists open calls, or shows one, and lets visitors answer them.
 *
 * @event calls-load - A page of calls arrived and is shown. `detail: { calls, shown, hasMore }`.
 * @event call-select - A visitor pressed Contribute. `detail: { call }`. Cancelable: call
 *   `preventDefault()` to handle the answer yourself (the form then does not open).
 *
 * @attr {boolean} show-contributions - Show each call's latest published contributions under it
 *   (a `<contribution-gallery>`, loaded once the list shows).
 *
 * @slot empty - Shown instead of the default text when no call matches.
 * @slot answer - Shown under the chosen call when the answer form cannot be loaded (by
 *   default, a sentence saying so, and a link to the call's own page when it has one).
 *
 * @csspart base - The wrapper around everything.
 * @csspart list - The list of calls.
 * @csspart card - Each call (also `open`, `upcoming` or `closed`).
 * @csspart cover - A call's cover image.
 * @csspart title - A call's title.
 * @csspart status - The "Closed" / "Opening soon" badge.
 * @csspart summary - A call's summary.
 * @csspart accepts - What a call accepts.
 * @csspart meta - Deadline, languages, project.
 * @csspart count - The number of contributions.
 * @csspart description - A call's description.
 * @csspart contribute-button - The Contribute button.
 * @csspart answer - The answer region under a chosen call.
 * @csspart load-more - The "Load more" button.
 * @csspart message - The loading, empty and error messages.
 * @csspart contributions - A call's latest contributions, with `show-contributions`.
 *
 * @cssproperty --oc-font - Font of the widget (default: the page's).
 * @cssproperty --oc-heading-font - Font of the titles (default: the widget's).
 * @cssproperty --oc-color-text - Text colour.
 * @cssproperty --oc-color-muted - Secondary text colour.
 * @cssproperty --oc-color-surface - Card background.
 * @cssproperty --oc-color-subtle - Background of closed calls and placeholders.
 * @cssproperty --oc-color-border - Borders.
 * @cssproperty --oc-color-accent - Buttons and links.
 * @cssproperty --oc-color-on-accent - Text on the accent colour.
 * @cssproperty --oc-color-danger - Errors.
 * @cssproperty --oc-color-focus - The focus ring.
 * @cssproperty --oc-radius - Corner radius.
 * @cssproperty --oc-space - Base spacing.
 */
export class CallForContributionsElement extends OpenCallWidget {
  static override properties = {
    call: { type: String },
    campaign: { type: String },
    kind: { type: String },
    status: { type: String },
    headingLevel: { type: Number, attribute: 'heading-level' },
    pageSize: { type: Number, attribute: 'page-size' },
    callData: { attribute: false },
    phase: { state: true, attribute: false },
    calls: { state: true, attribute: false },
    next: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    unanswerable: { state: true, attribute: false },
    renderDescription: { state: true, attribute: false },
  };

  static override styles = [tokens, styles];
  protected static override readonly wordTables = [listWords];

  /** Show this one call (its id) instead of a list. */
  declare call: string | undefined;
  /** List only this campaign's calls. */
  declare campaign: string | undefined;
  /** List only calls that accept this kind: `text`, `image`, `audio` or `video`. */
  declare kind: ContributionKind | undefined;
  /** UI language; set on the element itself, it also lists only calls in that language. */
  declare lang: string;
  /** Which calls to list: `open` (default), `upcoming` or `closed`. */
  declare status: CallStatus | undefined;
  /** Level of the call titles (2–6), to fit the article's outline. Default 2. */
  declare headingLevel: number;
  /** Calls per page. Default 12. */
  declare pageSize: number;
  /** A call object to show without fetching it. */
  declare callData: Call | undefined;

  declare private phase: Phase;
  declare private calls: Call[];
  declare private next: string | null;
  declare private failure: Failure | undefined;
  declare private announcement: string;
  /** The call whose Contribute found neither the answer region's code nor a page of the call's own. */
  declare private unanswerable: string | undefined;
  /** Renders a description's Markdown, once that code has arrived. */
  declare private renderDescription: ((source: string) => TemplateResult) | undefined;

  /** Answering calls in place: it arrives once the list shows, with the Markdown code. */
  #answerRegion?: AnswerRegion;
  #loadKey?: unknown[];
  /** Load more and the pages after the first: it arrives once the list shows. */
  #paging?: Paging;
  #loading?: AbortController;

  constructor() {
    super();
    this.headingLevel = 2;
    this.pageSize = 12;
    this.phase = 'loading';
    this.calls = [];
    this.next = null;
    this.announcement = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed widget stops asking; put back on the page, it asks again (from the cache).
    this.#loading?.abort();
    this.#paging?.restart(null);
    this.#loadKey = undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const source = this.settings.source;
    const key = [
      source,
      this.callData,
      this.call,
      this.campaign,
      this.kind,
      this.#ownLangFilter,
      this.status,
      this.pageSize,
      this.timeout,
    ];
    if (this.isConnected && (!this.#loadKey || key.some((v, i) => v !== this.#loadKey?.[i]))) {
      this.#loadKey = key;
      void this.#load();
    }
  }

  get #words(): ListWords {
    return this.settings.words(listWords);
  }

  /** The `lang` filter applies only when set on this element: a page's `<html lang>` picks the UI language, not the calls. */
  get #ownLangFilter(): string | undefined {
    return this.getAttribute('lang') || undefined;
  }

  #query(cursor: string | undefined): CallQuery {
    return {
      status: this.status,
      campaign: this.campaign || undefined,
      kind: this.kind || undefined,
      lang: this.#ownLangFilter,
      limit: this.pageSize,
      cursor,
    };
  }

  /** Loads the first page (or the one call), replacing what is shown (Paging adds the pages after it). */
  async #load(): Promise<void> {
    const strings = this.#words;
    this.#loading?.abort();
    const controller = (this.#loading = new AbortController());
    this.phase = 'loading';
    this.failure = undefined;
    void this.#answerRegion?.close();
    this.unanswerable = undefined;
    this.announcement = strings.loading;
    const signal = controller.signal;
    try {
      // Asking, checking the answer and drawing the calls are each a task of their own: on a slow
      // phone, any two of them (or asking and drawing the placeholders) take longer than a frame.
      await new Promise((resolve) => setTimeout(resolve));
      const source = this.settings.source;
      const single = Boolean(this.callData || this.call);
      const page = single || !source ? await this.#oneCall(signal) : await listCalls(source, this.#query(undefined), signal);
      await new Promise((resolve) => setTimeout(resolve));
      if (signal.aborted) return;
      const calls = (this.calls = page.items);
      this.next = page.next;
      this.#paging?.restart(page.next);
      this.phase = 'ready';
      const n = calls.length;
      this.announcement = strings.callsShown(this.settings.formats.count(n), n);
      emit(this, 'calls-load', { calls, shown: n, hasMore: page.next !== null });
      await this.updateComplete;
      // A list's descriptions start collapsed, and nobody has pressed Contribute yet: that code loads once the list shows.
      void this.#loadShown();
    } catch (error) {
      if (signal.aborted) return;
      const failure = await describeFailure(error, this.settings.lang);
      if (signal.aborted) return;
      this.failure = failure;
      this.phase = 'error';
      this.announcement = '';
    }
  }

  /** The one call (`call` or `callData`) as a page. It shows its description at once: it waits for the Markdown code. */
  async #oneCall(signal: AbortSignal): Promise<CallPage> {
    const [call] = await Promise.all([this.settings.call(this.callData, this.call, signal), this.#loadShown()]);
    return { items: [call], next: null };
  }

  /** Sets up what the list adds once it shows (`renderDescription` is set once it has). Without that code, it stays as it is. */
  async #loadShown(): Promise<void> {
    if (this.renderDescription) return;
    const shown = await loadShown();
    if (!shown || this.renderDescription) return;
    const calls: ShownCalls = {
      query: (cursor) => this.#query(cursor),
      shown: () => this.calls,
      show: (calls, announcement = this.announcement) => {
        this.calls = calls;
        this.announcement = announcement;
      },
    };
    this.#answerRegion = new shown.AnswerRegion(this, this.settings, calls);
    this.#paging = new shown.Paging(this, this.settings, calls, this.next);
    this.renderDescription = shown.renderMarkdown;
  }

  async #contribute(call: Call): Promise<void> {
    if (!emit(this, 'call-select', { call }, true)) return;
    this.unanswerable = undefined;
    await this.#loadShown();
    if (this.#answerRegion) return this.#answerRegion.open(call);
    // Without the region's code (offline since the list showed), the card says why nothing opened.
    this.unanswerable = call.id;
  }

  /** Load more, pressed before paging's code arrived: it pages once that has (or says it cannot). */
  async #more(): Promise<void> {
    await this.#loadShown();
    if (this.#paging) return this.#paging.more();
    this.failure = { message: this.#words.errorTitle };
  }

  #renderCard(call: Call, single: boolean): TemplateResult {
    return html`${renderCallCard(call, {
      strings: this.#words,
      formats: this.settings.formats,
      headingLevel: this.headingLevel,
      single,
      answer: this.#answerRegion?.render(call),
      notice: this.unanswerable === call.id ? this.#words.answerUnavailable : undefined,
      description: this.renderDescription,
      onContribute: (c) => void this.#contribute(c),
    })}${this.#answerRegion?.latest(call)}`;
  }

  #renderBody(): TemplateResult {
    const strings = this.#words;
    const single = Boolean(this.call || this.callData);
    // Placeholders for the first screen, at most two calls: a whole page of them (twelve) costs
    // the slow phone's first render more than a frame, and the calls past the first screen are
    // out of sight either way.
    if (this.phase === 'loading')
      return html`<div class="loading" aria-busy="true">
        ${single ? skeletonCard(true) : Array.from({ length: Math.min(2, this.pageSize) }, () => skeletonCard(false))}
        <span class="visually-hidden">${strings.loading}</span>
      </div>`;
    if (this.phase === 'error' && this.failure)
      return html`<div class="message error" part="message" role="alert">
        <p><strong>${strings.errorTitle}</strong></p>
        ${this.failure.message ? html`<p>${this.failure.message}</p>` : nothing}
        <button class="retry" @click=${() => this.#load()}>${strings.retry}</button>
      </div>`;
    if (this.calls.length === 0)
      return html`<div class="message empty" part="message">
        <slot name="empty"
          ><p>${this.campaign || this.kind || this.#ownLangFilter ? strings.emptyFiltered : strings.empty}</p></slot
        >
      </div>`;
    if (single) return this.#renderCard(this.calls[0], true);
    return html`<ul class="list" part="list" aria-label=${strings.callsLabel}>
        ${this.calls.map((call) => html`<li>${this.#renderCard(call, false)}</li>`)}
      </ul>
      ${
        this.#paging?.render() ??
        (this.next
          ? html`<div class="more">
              ${this.failure ? html`<p class="message error" part="message" role="alert">${this.failure.message}</p>` : nothing}
              <button part="load-more" class="load-more" @click=${() => this.#more()}>${strings.loadMore}</button>
            </div>`
          : nothing)
      }`;
  }

  protected override render() {
    return html`<div class=${themeClass(this.settings.theme)} part="base" lang=${this.settings.formats.locale}>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${this.#renderBody()}
    </div>`;
  }
}

/** What a list adds once it shows (see once-shown/shown.ts), loaded once for the page: nothing in it is seen before then. */
const loadShown = loadOnce(
  "descriptions' formatting, answering in place and Load more (descriptions stay plain text)",
  () => import('./once-shown/shown.js'),
);
