import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { listCalls } from '../../api/source.js';
import type { CallPage } from '../../api/types.js';
import { emit } from '../../core/events.js';
import { describeFailure, type Failure } from '../../core/failure.js';
import type { SettingsController } from '../../core/settings.js';
import { listWords } from '../words/words.js';
import type { ShownCalls } from './shown-calls.js';

/** The list, as its paging needs it. */
interface List extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The cursor of the page after `page`, or null where the list ends. A cursor already followed,
 * or a later page that adds no call, would page in circles (a backend's bug): the list ends there.
 */
export function nextCursor(page: CallPage, followed: ReadonlySet<string>, added: number): string | null {
  return page.next !== null && !followed.has(page.next) && (added > 0 || followed.size === 0) ? page.next : null;
}

/**
 * "Load more" and the pages after the first: the next page's request, its failure in words, and
 * the guard against a cursor that goes in circles. It arrives once the list shows (the first
 * page's Load more is the list's own button until then), and takes over from the first page's
 * cursor.
 */
export class Paging {
  readonly #list: List;
  readonly #settings: SettingsController;
  readonly #calls: ShownCalls;
  /** The cursor of the next page, or null. */
  #next: string | null;
  /** The cursors followed since the first page. */
  readonly #followed = new Set<string>();
  #loading?: AbortController;
  #failure?: Failure;
  /** The backend offered more, but its cursor went in circles: the list says it has ended. */
  #ended = false;

  /** `next` is the first page's cursor. */
  constructor(list: List, settings: SettingsController, calls: ShownCalls, next: string | null) {
    this.#list = list;
    this.#settings = settings;
    this.#calls = calls;
    this.#next = next;
  }

  /** A first page was shown (the list's filters changed): paging starts again from its cursor. */
  restart(next: string | null): void {
    this.#loading?.abort();
    this.#loading = undefined;
    this.#followed.clear();
    this.#next = next;
    this.#failure = undefined;
    this.#ended = false;
  }

  /** Adds the next page after the calls shown (those already shown are not repeated). */
  async more(): Promise<void> {
    const cursor = this.#next;
    if (!cursor || this.#loading) return;
    const list = this.#list;
    const calls = this.#calls;
    const strings = this.#settings.words(listWords);
    const controller = (this.#loading = new AbortController());
    const signal = controller.signal;
    this.#failure = undefined;
    calls.show(calls.shown(), strings.loadingMore);
    list.requestUpdate();
    try {
      const source = this.#settings.source;
      if (!source) return;
      const page = await listCalls(source, calls.query(cursor), signal);
      if (signal.aborted) return;
      const known = new Set(calls.shown().map((c) => c.id));
      const added = page.items.filter((c) => !known.has(c.id));
      const shown = [...calls.shown(), ...added];
      this.#followed.add(cursor);
      this.#next = nextCursor(page, this.#followed, added.length);
      this.#ended = page.next !== null && this.#next === null;
      const n = shown.length;
      calls.show(shown, strings.callsShown(this.#settings.formats.count(n), n));
      emit(list, 'calls-load', { calls: added, shown: n, hasMore: this.#next !== null });
      await list.updateComplete;
      // Keyboard users continue reading at the first new call, not back at the top.
      if (added[0]) list.renderRoot.querySelector<HTMLElement>(`[data-call="${CSS.escape(added[0].id)}"]`)?.focus();
    } catch (error) {
      if (signal.aborted) return;
      const failure = await describeFailure(error, this.#settings.lang);
      if (signal.aborted) return;
      this.#failure = failure;
      calls.show(calls.shown(), '');
    } finally {
      if (this.#loading === controller) this.#loading = undefined;
      list.requestUpdate();
    }
  }

  /** Load more (with the last page's failure), or, once the backend's cursor went in circles, that every call is shown. */
  render(): TemplateResult | typeof nothing {
    const strings = this.#settings.words(listWords);
    if (this.#ended) return html`<p class="more">${strings.allShown}</p>`;
    if (!this.#next) return nothing;
    const loading = this.#loading !== undefined;
    return html`<div class="more">
      ${this.#failure ? html`<p class="message error" part="message" role="alert">${this.#failure.message}</p>` : nothing}
      <button part="load-more" class="load-more" ?disabled=${loading} @click=${() => this.more()}>
        ${loading ? strings.loadingMore : this.#failure ? strings.retry : strings.loadMore}
      </button>
    </div>`;
  }
}
