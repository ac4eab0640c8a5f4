import type { ContributionKind } from '../../api/types.js';
import { WordTable } from '../../core/words.js';
import { en } from './en.js';

/**
 * The list's words. Each language is a complete table of this type, so a missing
 * translation is a type error. Functions take values already formatted by `Intl` for the
 * locale (numbers, dates, sizes, durations, language names).
 */
export interface ListWords {
  /** The accessible name of the list of calls. */
  callsLabel: string;
  loading: string;
  /** Announced after a page loads. `count` is formatted; `n` picks the plural. */
  callsShown(count: string, n: number): string;
  empty: string;
  emptyFiltered: string;
  loadMore: string;
  loadingMore: string;
  /** Said where Load more was, once the backend has nothing more. */
  allShown: string;
  retry: string;
  errorTitle: string;
  /** "Details: …" shown under an error, with the backend's own words. */
  status: { open: string; upcoming: string; closed: string };
  kind: Record<ContributionKind, string>;
  acceptsLabel: string;
  upToCharacters(count: string): string;
  upToDuration(duration: string): string;
  maxSize(size: string): string;
  upToFiles(count: string, n: number): string;
  languagesLabel: string;
  deadlineLabel: string;
  opensLabel: string;
  closesRelative(relative: string): string;
  closedRelative(relative: string): string;
  opensRelative(relative: string): string;
  contributions(count: string, n: number): string;
  partOf: string;
  aboutCall: string;
  contribute: string;
  /** Under a call, when the code to answer it cannot be loaded (offline, a file missing on a CDN). */
  answerUnavailable: string;
  notAnswerable: { upcoming: string; closed: string };
}

/** The list's words, in every language (another language's arrives when a list first speaks it). */
export const listWords = new WordTable<ListWords>('call-for-contributions', en);
