import { readingKey } from '../core/reading-keys.js';
import { itemMoves, PagedItems, type ItemMoves } from '../core/paged-items.js';
import { html, nothing, type TemplateResult } from 'lit';
import { contributionStatuses, exportCall, listReceived, reviewContribution, type Listing } from '../api/contributions.js';
import { BackendError } from '../api/request.js';
import { listCalls } from '../api/source.js';
import type { Call, Contribution, ContributionStatus } from '../api/types.js';
import { OpenCallWidget } from '../core/open-call-widget.js';
import { emit } from '../core/events.js';
import { describeFailure } from '../core/failure.js';
import { themeClass, tokens } from '../core/styles/tokens.js';
import { PendingDecisions, type Decision } from './decisions.js';
import { BasedOnTitles } from './based-on.js';
import { renderReviewItem } from './parts.js';
import { styles } from './styles.js';
import { reviewWords, type ReviewWords } from './words/index.js';

/** The arrow keys, Home and End, and J and K as in mail and feed readers. */
const moves: ItemMoves = { ...itemMoves, j: itemMoves.ArrowDown, k: itemMoves.ArrowUp };

/** The keys that decide: P publishes, R rejects. */
const decisionKeys: Readonly<Partial<Record<string, Decision>>> = { p: 'published', r: 'rejected' };

/** A token the backend refused: the queue says so, rather than that it failed. */
const refused = (error: unknown): error is BackendError =>
  error instanceof BackendError && (error.status === 401 || error.status === 403);

/**
 * For organisers: the contributions a call or campaign received, with their text or files
 * playable, who sent them and what they agreed to; Publish and Reject (each can be undone for a
 * few seconds), filters by call and status, and the export zip of a call's published files.
 * Authorised by `headers` (`{ Authorization: 'Bearer …' }`); a token that is not allowed is
 * said so, never a blank.
 *
 * @tagname contribution-review
 * @summary The organiser's review queue: Publish, Reject, export.
 *
 * @event contribution-review - The backend kept a decision. `detail: { contribution, status }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart filters - The call and status filters, and the export.
 * @csspart list - The list of contributions.
 * @csspart item - Each contribution.
 * @csspart quote - A text contribution.
 * @csspart media - An image, audio or video player.
 * @csspart load-more - The "Load more" button.
 * @csspart message - The loading, empty, error and "not allowed" messages.
 *
 * @cssproperty --oc-font - Font of the widget (default: the page's).
 * @cssproperty --oc-color-text - Text colour.
 * @cssproperty --oc-color-muted - Secondary text colour.
 * @cssproperty --oc-color-surface - Item background.
 * @cssproperty --oc-color-border - Borders.
 * @cssproperty --oc-color-accent - Buttons.
 * @cssproperty --oc-color-danger - Errors.
 * @cssproperty --oc-color-focus - The focus ring.
 * @cssproperty --oc-radius - Corner radius.
 * @cssproperty --oc-space - Base spacing.
 */
export class ContributionReviewElement extends OpenCallWidget {
  static override properties = {
    call: { type: String },
    campaign: { type: String },
    status: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    undoTime: { type: Number, attribute: 'undo-time' },
    calls: { state: true, attribute: false },
    decisionFailure: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    exporting: { state: true, attribute: false },
    exportFailure: { state: true, attribute: false },
  };

  static override styles = [tokens, styles];
  protected static override readonly wordTables = [reviewWords];

  /** Review this call's contributions (its id); the filter starts on it. */
  declare call: string | undefined;
  /** Review this campaign's contributions. */
  declare campaign: string | undefined;
  /** Which contributions: `received` (default), `published` or `rejected`; the filter starts on it. */
  declare status: ContributionStatus;
  /** Contributions per page. Default 20. */
  declare pageSize: number;
  /** Level of the contributions' titles (2–6). Default 2. */
  declare headingLevel: number;
  /** Milliseconds a decision waits, with Undo, before it is sent. Default 5000. */
  declare undoTime: number;

  declare private calls: ReadonlyMap<string, Call>;
  /** Why the last decision could not be sent. */
  declare private decisionFailure: string | undefined;
  declare private announcement: string;
  declare private exporting: boolean;
  declare private exportFailure: string | undefined;

  readonly #decisions = new PendingDecisions(
    this,
    (id, status) => void this.#send(id, status),
    () => this.undoTime,
  );
  readonly #basedOn = new BasedOnTitles(this);
  /** Calls to filter by: the campaign's, and those of the contributions seen. */
  #campaignCalls: Call[] = [];
  readonly #pages = new PagedItems<Contribution, Listing<Contribution>>(this, this.settings, {
    page: async (source, cursor, signal) => {
      const status = contributionStatuses.includes(this.status) ? this.status : 'received';
      const query = { call: this.call || undefined, campaign: this.campaign || undefined, status, limit: this.pageSize, cursor };
      const [page] = await Promise.all([listReceived(source, query, signal), this.#loadCampaignCalls(signal)]);
      return page;
    },
    words: () => this.#words,
    announce: (text) => (this.announcement = text),
    arrived: (page, added, more, signal) => {
      if (!more) this.decisionFailure = undefined;
      this.calls = new Map([...this.calls, ...page.calls]);
      const source = this.settings.source;
      if (source) void this.#basedOn.read(source, added, signal);
    },
    describe: (error) => {
      if (!refused(error)) return undefined;
      console.warn(`open-call-widgets: ${error.message}`);
      return { message: error.status === 401 ? this.#words.noToken : this.#words.forbidden };
    },
  });

  constructor() {
    super();
    this.status = 'received';
    this.pageSize = 20;
    this.headingLevel = 2;
    this.undoTime = 5000;
    this.calls = new Map();
    this.announcement = '';
    this.exporting = false;
  }

  protected override willUpdate(): void {
    this.#pages.reloadOn([this.settings.source, this.call, this.campaign, this.status, this.pageSize]);
  }

  get #words(): ReviewWords {
    return this.settings.words(reviewWords);
  }

  /** The campaign's calls, for the call filter (once: the filter changing does not change them). */
  async #loadCampaignCalls(signal: AbortSignal): Promise<void> {
    const source = this.settings.source;
    if (!source || !this.campaign || this.#campaignCalls.length) return;
    try {
      this.#campaignCalls = (await listCalls(source, { campaign: this.campaign, limit: 50 }, signal)).items;
    } catch {
      // The filter then offers the calls of the contributions shown.
    }
  }

  get #callChoices(): Call[] {
    const byId = new Map<string, Call>();
    for (const call of [...this.#campaignCalls, ...this.calls.values()]) byId.set(call.id, call);
    return [...byId.values()];
  }

  #decide(item: Contribution, status: Decision): void {
    this.#decisions.decide(item.id, status);
    this.#pages.current = item.id;
    this.announcement = this.#words.pending(status, this.settings.formats.count(Math.ceil(this.undoTime / 1000)));
  }

  #undo(item: Contribution): void {
    if (this.#decisions.undo(item.id)) this.announcement = this.#words.undone(item.title || this.#words.untitled);
  }

  /** The undo time is over: the decision goes to the backend, and the item leaves a list it no longer belongs in. */
  async #send(id: string, status: Decision): Promise<void> {
    const source = this.settings.source;
    const pages = this.#pages;
    const item = pages.items.find((c) => c.id === id);
    if (!source || !item) return;
    const words = this.#words;
    const title = item.title || words.untitled;
    try {
      const updated = await reviewContribution(source, id, status);
      this.#basedOn.learn(updated);
      const focused = this.shadowRoot?.activeElement?.closest('article')?.getAttribute('data-id') === id;
      const index = pages.items.indexOf(item);
      pages.replace(pages.items.flatMap((c) => (c.id !== id ? [c] : updated.status === this.status ? [updated] : [])));
      this.announcement = words.decided(status, title);
      emit(this, 'contribution-review', { contribution: updated, status });
      const next = pages.items[Math.min(index, pages.items.length - 1)];
      if (pages.current === id) pages.current = next?.id;
      if (focused && next) {
        await this.updateComplete;
        pages.itemFor(next.id)?.focus();
      }
    } catch (error) {
      // The backend's own words when it refused (already decided…); else the failure in plain words.
      const said = error instanceof BackendError ? error.problem?.detail : undefined;
      const reason = said ?? (await describeFailure(error, this.settings.lang)).message;
      this.announcement = this.decisionFailure = words.decisionFailed(title, reason);
    }
  }

  #onKeydown(event: KeyboardEvent): void {
    const from = event.composedPath()[0];
    if (!(from instanceof HTMLElement) || from.localName !== 'article' || event.ctrlKey || event.metaKey || event.altKey) return;
    const item = this.#pages.items.find((c) => c.id === from.dataset.id);
    if (!item) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : readingKey(event, from);
    const decision = decisionKeys[key];
    if (this.#pages.move(from, key, moves)) event.preventDefault();
    else if (decision && item.status !== decision) {
      event.preventDefault();
      this.#decide(item, decision);
    } else if (key === 'u') {
      event.preventDefault();
      this.#undo(item);
    }
  }

  async #export(call: Call): Promise<void> {
    const source = this.settings.source;
    if (!source || this.exporting) return;
    this.exporting = true;
    this.exportFailure = undefined;
    this.announcement = this.#words.exporting;
    try {
      const zip = await exportCall(source, call.id);
      const link = Object.assign(document.createElement('a'), {
        href: URL.createObjectURL(zip),
        download: `${call.id}-published.zip`,
      });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      this.announcement = '';
    } catch (error) {
      this.exportFailure = `${this.#words.exportFailed} ${error instanceof Error ? error.message : ''}`.trim();
    } finally {
      this.exporting = false;
    }
  }

  #renderFilters(): TemplateResult {
    const w = this.#words;
    const calls = this.#callChoices;
    const chosen = calls.find((c) => c.id === this.call);
    return html`<form class="filters" part="filters" aria-label=${w.filters} @submit=${(e: Event) => e.preventDefault()}>
      <label
        >${w.callFilter}
        <select class="call-filter" @change=${(e: Event) => (this.call = (e.target as HTMLSelectElement).value || undefined)}>
          <option value="" ?selected=${!this.call}>${w.everyCall}</option>
          ${calls.map((c) => html`<option value=${c.id} ?selected=${c.id === this.call}>${c.title}</option>`)}
        </select>
      </label>
      <label
        >${w.statusFilter}
        <select
          class="status-filter"
          @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as ContributionStatus)}
        >
          ${contributionStatuses.map((s) => html`<option value=${s} ?selected=${s === this.status}>${w.status[s]}</option>`)}
        </select>
      </label>
      ${
        chosen
          ? html`<button type="button" class="export" ?disabled=${this.exporting} @click=${() => this.#export(chosen)}>
              ${this.exporting ? w.exporting : w.exportZip(chosen.title)}
            </button>`
          : nothing
      }
      ${this.exportFailure ? html`<p class="error" role="alert">${this.exportFailure}</p>` : nothing}
    </form>`;
  }

  #renderBody(): TemplateResult {
    const w = this.#words;
    const pages = this.#pages;
    if (pages.phase === 'loading') return html`<p class="message loading" part="message" aria-busy="true">${w.loading}</p>`;
    if (pages.phase === 'error' && pages.failure && refused(pages.error))
      return html`<div class="message forbidden" part="message" role="alert">
        <p><strong>${w.forbiddenTitle}</strong></p>
        <p>${pages.failure.message}</p>
      </div>`;
    if (pages.phase === 'error' && pages.failure)
      return html`<div class="message error" part="message" role="alert">
        <p><strong>${w.errorTitle}</strong></p>
        <p>${pages.failure.message}</p>
        <button class="retry" @click=${() => pages.load()}>${w.retry}</button>
      </div>`;
    const list = pages.items.length
      ? html`<ul class="list" part="list" aria-label=${w.label} @keydown=${this.#onKeydown}>
          ${pages.items.map(
            (item) =>
              html`<li>
                ${renderReviewItem(item, {
                  words: w,
                  formats: this.settings.formats,
                  headingLevel: this.headingLevel,
                  call: this.calls.get(item.callId),
                  current: item.id === pages.current,
                  pending: this.#decisions.of(item.id),
                  decide: (status) => this.#decide(item, status),
                  undo: () => this.#undo(item),
                  basedOn: (id) => this.#basedOn.of(id),
                })}
              </li>`,
          )}
        </ul>`
      : html`<p class="message empty" part="message">${w.empty}</p>`;
    return html`${this.#renderFilters()}
      <p class="shortcuts" id="shortcuts">${w.shortcuts}</p>
      ${this.decisionFailure ? html`<p class="error" role="alert">${this.decisionFailure}</p>` : nothing} ${list}
      ${pages.renderMore()}`;
  }

  protected override render() {
    return html`<div class=${themeClass(this.settings.theme)} part="base" lang=${this.settings.formats.locale}>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${this.#renderBody()}
    </div>`;
  }
}
