import { readingKey } from '../core/reading-keys.js';
import { PagedItems } from '../core/paged-items.js';
import { isolated } from '../core/call-content.js';
import { html, nothing, type TemplateResult } from 'lit';
import { listContributions, type Listing } from '../api/contributions.js';
import type { Call, PublishedContribution } from '../api/types.js';
import { OpenCallWidget } from '../core/open-call-widget.js';
import { emit } from '../core/events.js';
import { heading } from '../core/heading.js';
import { loadOnce } from '../core/load.js';
import { themeClass, tokens } from '../core/styles/tokens.js';
import type { BuildingForm } from './building.js';
import { renderItem, skeleton } from './parts.js';
import { styles } from './styles.js';
import { galleryWords, type GalleryWords } from './words/index.js';

/**
 * What others made: the published contributions of a call (`call`) or a campaign
 * (`campaign`), newest first, with "Load more". Texts are quotes beside the call they answer,
 * images keep their place while they load, audio and video play in the browser's own players
 * and download nothing until played. Each item names who made it, its licence and what it
 * builds on; while its call is open, "Build on this" opens the answer form under it.
 *
 * @tagname contribution-gallery
 * @summary Published contributions of a call or campaign, with "Build on this".
 *
 * @event contributions-load - A page of contributions arrived and is shown. `detail: { contributions, shown, hasMore }`.
 *
 * @slot empty - Shown instead of the default text when nothing is published yet.
 *
 * @csspart base - The wrapper around everything.
 * @csspart list - The list of contributions.
 * @csspart item - Each contribution.
 * @csspart prompt - The call a contribution answers.
 * @csspart quote - A text contribution.
 * @csspart media - An image, audio or video player.
 * @csspart title - A contribution's title.
 * @csspart credit - Who made it.
 * @csspart meta - When it was published, and its licence.
 * @csspart based-on - What it builds on.
 * @csspart build-on-button - "Build on this".
 * @csspart building - The answer form opened by "Build on this".
 * @csspart load-more - The "Load more" button.
 * @csspart message - The loading, empty and error messages.
 *
 * @cssproperty --oc-font - Font of the widget (default: the page's).
 * @cssproperty --oc-color-text - Text colour.
 * @cssproperty --oc-color-muted - Secondary text colour.
 * @cssproperty --oc-color-surface - Item background.
 * @cssproperty --oc-color-subtle - Placeholders and quotes.
 * @cssproperty --oc-color-border - Borders.
 * @cssproperty --oc-color-accent - Buttons and links.
 * @cssproperty --oc-color-focus - The focus ring.
 * @cssproperty --oc-radius - Corner radius.
 * @cssproperty --oc-space - Base spacing.
 * @cssproperty --oc-gallery-column - Narrowest column of the grid (default 16rem).
 */
export class ContributionGalleryElement extends OpenCallWidget {
  static override properties = {
    call: { type: String },
    campaign: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    calls: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    building: { state: true, attribute: false },
  };

  static override styles = [tokens, styles];
  protected static override readonly wordTables = [galleryWords];

  /** Show this call's contributions (its id). */
  declare call: string | undefined;
  /** Show this campaign's contributions. */
  declare campaign: string | undefined;
  /** Contributions per page. Default 12. */
  declare pageSize: number;
  /** Level of the contributions' titles (2–6), to fit the article's outline. Default 3. */
  declare headingLevel: number;

  declare private calls: ReadonlyMap<string, Call>;
  declare private announcement: string;
  /** The item whose "Build on this" form is open. */
  declare private building: string | undefined;

  readonly #pages = new PagedItems<PublishedContribution, Listing<PublishedContribution>>(this, this.settings, {
    page: (source, cursor, signal) =>
      listContributions(
        source,
        { call: this.call || undefined, campaign: this.campaign || undefined, limit: this.pageSize, cursor },
        signal,
      ),
    words: () => this.#words,
    announce: (text) => (this.announcement = text),
    arrived: (page, added, more) => {
      this.calls = new Map([...(more ? this.calls : []), ...page.calls]);
      if (!more) this.building = undefined;
      const { items, hasMore } = this.#pages;
      emit(this, 'contributions-load', { contributions: added, shown: items.length, hasMore });
    },
  });
  #form?: BuildingForm;
  #formFailed = false;

  constructor() {
    super();
    this.pageSize = 12;
    this.headingLevel = 3;
    this.calls = new Map();
    this.announcement = '';
  }

  protected override willUpdate(): void {
    this.#pages.reloadOn([this.settings.source, this.call, this.campaign, this.pageSize]);
  }

  get #words(): GalleryWords {
    return this.settings.words(galleryWords);
  }

  /**
   * Moves focus to the contribution the arrow keys move from (the first, until someone moves),
   * scrolling it into view; with nothing shown yet, to the gallery's message. The answer form's
   * "See what others made" brings visitors here.
   */
  override focus(options?: FocusOptions): void {
    const current = this.#pages.current;
    const target = current ? this.#pages.itemFor(current) : this.renderRoot.querySelector<HTMLElement>('[part~=message]');
    if (!target) return super.focus(options);
    if (!target.matches('article')) target.tabIndex = -1;
    target.focus(options);
  }

  /** Arrow keys, Home and End move between items, when an item itself has focus (a player keeps its own keys). */
  #onKeydown(event: KeyboardEvent): void {
    const from = event.composedPath()[0];
    if (from instanceof HTMLElement && from.localName === 'article' && this.#pages.move(from, readingKey(event, from)))
      event.preventDefault();
  }

  async #buildOn(item: PublishedContribution): Promise<void> {
    this.#formFailed = false;
    this.#form ??= (await loadBuilding())?.buildingForms(this, this.settings);
    this.#formFailed = !this.#form;
    this.building = item.id;
    this.#pages.current = item.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.building-heading')?.focus();
  }

  async #closeForm(item: PublishedContribution): Promise<void> {
    this.building = undefined;
    await this.updateComplete;
    this.#pages.itemFor(item.id)?.querySelector<HTMLElement>('.build-on')?.focus();
  }

  #renderBuilding(item: PublishedContribution, call: Call): TemplateResult {
    const w = this.#words;
    const title = item.title || w.untitled;
    return html`<li class="building" part="building">
      <section aria-labelledby="building-${item.id}">
        ${heading(this.headingLevel, `building-${item.id}`, 'building-heading', w.formHeading(isolated(title), isolated(item.creditName)), true)}
        ${
          this.#form
            ? this.#form(call, { id: item.id, title, creditName: item.creditName }, this.headingLevel + 1)
            : html`<p role="alert">${w.formUnavailable}</p>`
        }
        <button class="close" @click=${() => this.#closeForm(item)}>${w.closeForm}</button>
      </section>
    </li>`;
  }

  #renderItems(): TemplateResult {
    const w = this.#words;
    const { items, current } = this.#pages;
    const titles = new Map(items.map((c) => [c.id, c.title || w.untitled]));
    return html`<ul class="list" part="list" aria-label=${w.label} @keydown=${this.#onKeydown}>
        ${items.map((item) => {
          const call = this.calls.get(item.callId);
          const open = call?.status === 'open';
          return html`<li>
              ${renderItem(item, {
                words: w,
                formats: this.settings.formats,
                headingLevel: this.headingLevel,
                call,
                showPrompt: !this.call || item.kind === 'text',
                titleOf: (id) => titles.get(id),
                current: item.id === current,
                buildOn: open ? () => void this.#buildOn(item) : undefined,
              })}
            </li>
            ${this.building === item.id && call && (this.#form || this.#formFailed) ? this.#renderBuilding(item, call) : nothing}`;
        })}
      </ul>
      ${this.#pages.renderMore()}`;
  }

  #renderBody(): TemplateResult {
    const w = this.#words;
    const pages = this.#pages;
    if (pages.phase === 'loading')
      return html`<div class="loading" aria-busy="true">
        <ul class="list skeletons" role="presentation">
          ${skeleton(Math.min(this.pageSize, 24))}
        </ul>
        <span class="visually-hidden">${w.loading}</span>
      </div>`;
    if (pages.phase === 'error' && pages.failure)
      return html`<div class="message error" part="message" role="alert">
        <p><strong>${w.errorTitle}</strong></p>
        ${pages.failure.message ? html`<p>${pages.failure.message}</p>` : nothing}
        <button class="retry" @click=${() => pages.load()}>${w.retry}</button>
      </div>`;
    if (pages.items.length === 0)
      return html`<div class="message empty" part="message">
        <slot name="empty"><p>${w.empty}</p></slot>
      </div>`;
    return html`<p class="hint">${w.keyboardHint}</p>
      ${this.#renderItems()}`;
  }

  protected override render() {
    return html`<div class=${themeClass(this.settings.theme)} part="base" lang=${this.settings.formats.locale}>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${this.#renderBody()}
    </div>`;
  }
}

/** "Build on this": the answer form and its upload code, loaded the first time someone presses it. */
const loadBuilding = loadOnce('the answer form', () =>
  Promise.all([import('./building.js'), import('../open-call-config/share.js')]).then(([building]) => building),
);
