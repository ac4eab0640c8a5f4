import type { ReactiveControllerHost } from 'lit';
import { listContributions, type ContributionQuery } from '../api/contributions.js';
import type { CallSource } from '../api/source.js';
import type { Contribution } from '../api/types.js';

/** A contribution another builds on, as a reviewer reads it. */
export interface BasedOnTitle {
  title?: string;
  creditName: string;
}

/** Pages of 50 read, at most, for each campaign (or call) looked through. */
const mostPages = 4;

/**
 * The titles and credit names of the published contributions that the items in review build
 * on. The contract has no route for one contribution, so they are found in the public listing
 * of each item's campaign (or call, without one), newest first, through the same fetch layer
 * and cache as the gallery's. One not found there, or not readable, stays its id.
 */
export class BasedOnTitles {
  readonly #host: ReactiveControllerHost;
  /** What was found for each id; null once looked for and not found. */
  readonly #found = new Map<string, BasedOnTitle | null>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** The contribution `id`, when it has been read; undefined while looked for or not found. */
  of(id: string): BasedOnTitle | undefined {
    return this.#found.get(id) ?? undefined;
  }

  /** A contribution seen published (in the queue, or just published here): it needs no request. */
  learn(item: Contribution): void {
    if (item.status === 'published') this.#found.set(item.id, { title: item.title, creditName: item.creditName });
  }

  /** Looks for what `items` build on and is not known yet; the host renders again once done. */
  async read(source: CallSource, items: readonly Contribution[], signal: AbortSignal): Promise<void> {
    items.forEach((item) => this.learn(item));
    const wanted = new Map<string, { query: ContributionQuery; ids: Set<string> }>();
    for (const item of items)
      for (const id of item.basedOn ?? []) {
        if (this.#found.has(id)) continue;
        const query = item.campaign ? { campaign: item.campaign } : { call: item.callId };
        const key = JSON.stringify(query);
        if (!wanted.has(key)) wanted.set(key, { query, ids: new Set() });
        wanted.get(key)?.ids.add(id);
      }
    if (!wanted.size) return;
    await Promise.all([...wanted.values()].map(({ query, ids }) => this.#lookThrough(source, query, ids, signal)));
    if (signal.aborted) return;
    for (const { ids } of wanted.values()) for (const id of ids) if (!this.#found.has(id)) this.#found.set(id, null);
    this.#host.requestUpdate();
  }

  async #lookThrough(source: CallSource, query: ContributionQuery, ids: Set<string>, signal: AbortSignal): Promise<void> {
    let cursor: string | undefined;
    try {
      for (let page = 0; page < mostPages; page++) {
        const listing = await listContributions(source, { ...query, limit: 50, cursor }, signal);
        for (const c of listing.items) this.#found.set(c.id, { title: c.title, creditName: c.creditName });
        if ([...ids].every((id) => this.#found.has(id)) || !listing.next) return;
        cursor = listing.next;
      }
    } catch {
      // Not readable (a backend without the public listing, a custom source): the ids stay.
    }
  }
}
