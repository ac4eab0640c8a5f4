import type { Contribution, ContributionStatus } from '../../../src/api/types.js';

/** Where a contribution is in an organiser's review. */
export type ReviewStatus = ContributionStatus;
export const reviewStatuses: readonly ReviewStatus[] = ['received', 'published', 'rejected'];

/** A finished tus upload that a contribution names. */
export interface StoredUpload {
  url: string;
  uploadId: string;
  size: number;
  filename?: string;
  filetype?: string;
}

/**
 * One accepted contribution with its review state, as a store keeps it: the organiser's record
 * of the contract, with the uploads it claimed where the contract has the media they are served as.
 */
export type StoredContribution = Omit<Contribution, 'campaign' | 'media'> & { uploads: StoredUpload[] };

/** What the routes hand to `add`: the store sets `status: 'received'`. */
export type NewContribution = Omit<StoredContribution, 'status' | 'publishedAt'>;

export interface ContributionQuery {
  /** Only these calls (one call, or the calls of a campaign); absent: every call. */
  callIds?: readonly string[];
  status?: ReviewStatus;
  /** Page size, 1 or more. */
  limit: number;
  /** `next` of the previous page. */
  cursor?: string;
}

export interface ContributionPage {
  /** Newest first. */
  items: StoredContribution[];
  next: string | null;
}

/**
 * Contributions and their review state. The routes use only this interface, so a database can
 * take the embedded store's place. Every method may be asynchronous.
 */
export interface ContributionStore {
  /**
   * Keeps a new contribution durably and claims its uploads, atomically: when another
   * contribution already names one of them, nothing is kept and an `UploadClaimedError` is
   * thrown. Resolves only once the record would survive a crash; rejects otherwise (a full disk
   * rejects with a `StorageFullError`).
   */
  add(contribution: NewContribution): Promise<StoredContribution>;
  get(id: string): Promise<StoredContribution | undefined>;
  /** A page of contributions, newest first. An unknown cursor throws an `InvalidCursorError`. */
  list(query: ContributionQuery): Promise<ContributionPage>;
  /** Records a review decision durably; undefined when there is no such contribution. */
  setStatus(id: string, status: ReviewStatus, at?: Date): Promise<StoredContribution | undefined>;
  /** How many contributions each call has (calls with none are absent). */
  countsByCall(): Promise<ReadonlyMap<string, number>>;
  /** The id of the contribution that names this upload, if any. */
  usedBy(uploadId: string): Promise<string | undefined>;
  close(): Promise<void>;
}

export class UploadClaimedError extends Error {
  constructor(
    readonly uploadId: string,
    readonly contributionId: string,
  ) {
    super(`Upload ${uploadId} belongs to contribution ${contributionId}.`);
  }
}

export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not one this store gave out.');
  }
}

/** The disk (or database) has no room: the record was not kept. */
export class StorageFullError extends Error {
  constructor(options?: ErrorOptions) {
    super('There is no room left to keep the contribution.', options);
  }
}
