import type { ContributionKind } from '../api/types.js';

/**
 * Every string the widgets show. A locale is a complete table of this type, so a missing
 * translation is a type error. Functions take values already formatted by `Intl` for the
 * locale (numbers, dates, sizes, durations, language names).
 */
export interface Strings {
  /** The accessible name of the list of calls. */
  callsLabel: string;
  loading: string;
  /** Announced after a page loads. `count` is formatted; `n` picks the plural. */
  callsShown(count: string, n: number): string;
  empty: string;
  emptyFiltered: string;
  loadMore: string;
  loadingMore: string;
  retry: string;
  errorTitle: string;
  error: {
    unreachable: string;
    timeout: string;
    notFound: string;
    problem: string;
    invalid: string;
    noBackend: string;
  };
  /** "Details: …" shown under an error, with the backend's own words. */
  errorDetails(detail: string): string;
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
  closeAnswer: string;
  answerHeading(title: string): string;
  answerElsewhere: string;
  notAnswerable: { upcoming: string; closed: string };
}
