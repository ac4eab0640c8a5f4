import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { describeFailure, MissingBackend, type Failure } from './failure.js';
import type { SettingsController } from './settings.js';
import type { CallSource } from '../api/source.js';

/** A page of items from the backend, and the cursor of the one after it (null at the end). */
export interface ItemPage<T> {
  items: readonly T[];
  next: string | null;
}

/** What a paged list says while it loads, and once it shows. */
export interface PagingWords {
  loading: string;
  loadingMore: string;
  loadMore: string;
  retry: string;
  shown: (count: string, n: number) => string;
}

/** Keys that move between items, and where each goes from index `i` of `n`. */
export type ItemMoves = Readonly<Partial<Record<string, (i: number, n: number) => number>>>;

export const itemMoves: ItemMoves = {
  ArrowRight: (i, n) => Math.min(n - 1, i + 1),
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowLeft: (i) => Math.max(0, i - 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

interface Host extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface PagedItemsOptions<T, P extends ItemPage<T>> {
  /** Asks the backend for the page at `cursor` (undefined: the first). */
  page(source: CallSource, cursor: string | undefined, signal: AbortSignal): Promise<P>;
  words(): PagingWords;
  /** Says something in the widget's live region. */
  announce(text: string): void;
  /** A page arrived and its items are in `items`, with those it adds (not shown already); it shows next. */
  arrived?(page: P, added: T[], more: boolean, signal: AbortSignal): void;
  /** The widget's own words for a failure it knows better (a token not allowed); else the shared ones. */
  describe?(error: unknown): Failure | undefined;
}

/**
 * The items a widget shows page by page, with Load more: the gallery's contributions, the
 * organiser's queue. It owns the requests (a new first page stops every request of the old
 * one), what each failure leaves on screen (a failed first page is an error with Try again; a
 * failed Load more keeps every item shown), the guard against a backend whose cursor goes in
 * circles, and the item the arrow keys move from. The host draws it.
 */
export class PagedItems<T extends { id: string }, P extends ItemPage<T> = ItemPage<T>> implements ReactiveController {
  phase: 'loading' | 'ready' | 'error' = 'loading';
  items: readonly T[] = [];
  /** Why the first page failed. */
  failure?: Failure;
  /** The first page's failure as it was thrown, for a host that words some itself. */
  error?: unknown;
  /** Why the last Load more failed: the items stay, and Load more offers to try again. */
  moreFailure?: Failure;
  loadingMore = false;

  readonly #host: Host;
  readonly #settings: SettingsController;
  readonly #options: PagedItemsOptions<T, P>;
  #current?: string;
  #next: string | null = null;
  /** The cursors followed since the first page. */
  readonly #followed = new Set<string>();
  #loading?: AbortController;
  #reloadKey?: readonly unknown[];

  constructor(host: Host, settings: SettingsController, options: PagedItemsOptions<T, P>) {
    this.#host = host;
    this.#settings = settings;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#loading?.abort();
    this.#reloadKey = undefined;
  }

  /** Whether Load more can fetch another page. */
  get hasMore(): boolean {
    return this.#next !== null;
  }

  /** The item the arrow keys move from, and the one Tab lands on in the list. */
  get current(): string | undefined {
    return this.#current;
  }
  set current(id: string | undefined) {
    this.#current = id;
    this.#host.requestUpdate();
  }

  /** Loads the first page again whenever one of `key` changes (or the widget comes back to the page): call it from willUpdate. */
  reloadOn(key: readonly unknown[]): void {
    if (!this.#host.isConnected || (this.#reloadKey && key.every((v, i) => v === this.#reloadKey?.[i]))) return;
    this.#reloadKey = key;
    void this.load();
  }

  /** The first page, replacing what is shown; with `more`, the next page after the items shown. */
  async load(more = false): Promise<void> {
    const cursor = more ? this.#next : null;
    if (more && (!cursor || this.loadingMore)) return;
    const words = this.#options.words();
    this.#loading?.abort();
    const controller = (this.#loading = new AbortController());
    const { signal } = controller;
    if (!more) {
      this.phase = 'loading';
      this.failure = this.error = undefined;
      this.#followed.clear();
    }
    this.moreFailure = undefined;
    this.loadingMore = more;
    this.#options.announce(more ? words.loadingMore : words.loading);
    this.#host.requestUpdate();
    try {
      const source = this.#settings.source;
      if (!source) throw new MissingBackend();
      const page = await this.#options.page(source, cursor ?? undefined, signal);
      if (signal.aborted) return;
      const shown = more ? this.items : [];
      const known = new Set(shown.map((item) => item.id));
      const added = page.items.filter((item) => !known.has(item.id));
      this.items = [...shown, ...added];
      if (cursor) this.#followed.add(cursor);
      // A cursor already followed, or a later page that adds nothing, would page in circles (a
      // backend's bug): the list ends there.
      const circles = page.next !== null && (this.#followed.has(page.next) || (more && added.length === 0));
      if (circles)
        console.warn('open-call-widgets: the backend offered a next page that repeats one already shown; the list ends here.');
      this.#next = circles ? null : page.next;
      this.phase = 'ready';
      this.#options.arrived?.(page, added, more, signal);
      if (!this.items.some((item) => item.id === this.#current)) this.#current = this.items[0]?.id;
      const n = this.items.length;
      this.#options.announce(words.shown(this.#settings.formats.count(n), n));
      if (more && added[0]) {
        // Keyboard users go on at the first new item, not back at the top.
        this.#current = added[0].id;
        this.#host.requestUpdate();
        await this.#host.updateComplete;
        this.itemFor(added[0].id)?.focus();
      }
    } catch (error) {
      if (signal.aborted) return;
      const failure = this.#options.describe?.(error) ?? (await describeFailure(error, this.#settings.lang));
      if (signal.aborted) return;
      if (more) this.moreFailure = failure;
      else {
        this.failure = failure;
        this.error = error;
        this.phase = 'error';
      }
      this.#options.announce('');
    } finally {
      if (this.#loading === controller) {
        this.#loading = undefined;
        this.loadingMore = false;
      }
      this.#host.requestUpdate();
    }
  }

  /** Shows `items` in place of those shown (a decision took one out of the queue, say). */
  replace(items: readonly T[]): void {
    this.items = items;
    this.#host.requestUpdate();
  }

  /** The element of the item with this id: its `<article data-id>`. */
  itemFor(id: string): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>(`article[data-id="${CSS.escape(id)}"]`);
  }

  /**
   * Moves focus from the item `from` by `key`, a key in reading order (see readingKey), when
   * `moves` has it; says whether it did, so that the host takes the key from the page.
   */
  move(from: HTMLElement, key: string, moves = itemMoves): boolean {
    const move = moves[key];
    const i = this.items.findIndex((item) => item.id === from.dataset.id);
    const to = move && i >= 0 ? this.items[move(i, this.items.length)] : undefined;
    if (!to) return false;
    this.current = to.id;
    this.itemFor(to.id)?.focus();
    return true;
  }

  /** Load more, with the last one's failure and Try again; nothing once every page is shown. */
  renderMore(): TemplateResult | typeof nothing {
    if (!this.#next) return nothing;
    const w = this.#options.words();
    return html`<div class="more">
      ${this.moreFailure ? html`<p class="message error" part="message" role="alert">${this.moreFailure.message}</p>` : nothing}
      <button part="load-more" class="load-more" ?disabled=${this.loadingMore} @click=${() => this.load(true)}>
        ${this.loadingMore ? w.loadingMore : this.moreFailure ? w.retry : w.loadMore}
      </button>
    </div>`;
  }
}
