import type { ContributionStatus } from '../../api/types.js';

/** What `<contribution-review>` says, in one language. */
export interface ReviewWords {
  label: string;
  loading: string;
  loadMore: string;
  loadingMore: string;
  retry: string;
  empty: string;
  errorTitle: string;
  forbiddenTitle: string;
  forbidden: string;
  noToken: string;
  shown(count: string, n: number): string;
  filters: string;
  callFilter: string;
  everyCall: string;
  statusFilter: string;
  status: Record<ContributionStatus, string>;
  exportZip(callTitle: string): string;
  exporting: string;
  exportFailed: string;
  untitled: string;
  creditName: string;
  email: string;
  noEmail: string;
  language: string;
  consentLabel: string;
  consent(version: string, date: string): string;
  buildsOn: string;
  /** A contribution built on, once read: “Title” by Credit. */
  basedOnTitle(title: string, creditName: string): string;
  /** A contribution built on that could not be read (yet): its id. */
  basedOnId(id: string): string;
  receivedLabel: string;
  publish: string;
  reject: string;
  undo: string;
  /** A decision waiting for its undo time to pass. */
  pending(status: 'published' | 'rejected', seconds: string): string;
  decided(status: 'published' | 'rejected', title: string): string;
  undone(title: string): string;
  decisionFailed(title: string, reason: string): string;
  shortcuts: string;
  media: { image: string; audio: string; video: string };
}
