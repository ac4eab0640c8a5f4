import type { CallQuery } from '../../api/source.js';
import type { Call } from '../../api/types.js';

/**
 * The list's calls, as what it adds once it shows changes them: the pages after the first are
 * added to them, and a call answered in place counts its new contribution.
 */
export interface ShownCalls {
  /** The query of the page after `cursor`, with the list's filters. */
  query(cursor: string): CallQuery;
  /** The calls shown. */
  shown(): Call[];
  /** Shows these calls; with `announcement`, the list's live region says it. */
  show(calls: Call[], announcement?: string): void;
}
