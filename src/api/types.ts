/**
 * The backend contract (see `openapi.yaml` beside this file): what a backend sends and
 * receives. Everything typed here arrives from the network and is checked by `validate.ts`
 * before any element sees it.
 */

/** What a call asks for. */
export type ContributionKind = 'text' | 'image' | 'audio' | 'video';

/** Whether a call can be answered now. */
export type CallStatus = 'open' | 'upcoming' | 'closed';

/** One kind of contribution a call accepts, with its limits. */
export interface Accepts {
  kind: ContributionKind;
  /** MIME types or wildcards (`audio/*`), as in an `<input accept>`. */
  types?: string[];
  maxBytes?: number;
  maxFiles?: number;
  maxSeconds?: number;
  /** For text: the most characters. */
  maxLength?: number;
}

export interface CallProject {
  title: string;
  url: string;
}

export interface CallCover {
  url: string;
  alt: string;
  width: number;
  height: number;
}

export interface CallTerms {
  url: string;
  version: string;
  license?: string;
}

/** An open call, as the backend describes it. */
export interface Call {
  id: string;
  title: string;
  /** Plain text. */
  summary: string;
  /** Limited Markdown: emphasis, links, lists. Never HTML. */
  description: string;
  status: CallStatus;
  /** ISO 8601. */
  opensAt?: string;
  /** ISO 8601. */
  closesAt?: string;
  campaign?: string;
  project?: CallProject;
  cover?: CallCover;
  /** BCP 47 tags. */
  languages: string[];
  accepts: Accepts[];
  contributionCount: number;
  url?: string;
  terms: CallTerms;
  upload: { endpoint: string };
  /** The call's own words in other UI languages, by BCP 47 tag; a widget picks the best match. */
  translations?: Record<string, CallTranslation>;
}

/** A call's title, summary and description in one UI language. */
export interface CallTranslation {
  title?: string;
  summary?: string;
  description?: string;
}

/** One page of `GET /calls`. */
export interface CallPage {
  items: Call[];
  /** Cursor of the next page, or null on the last one. */
  next: string | null;
}

/** The body of `POST /calls/{id}/contributions`. */
export interface ContributionRequest {
  kind: ContributionKind;
  title?: string;
  text?: string;
  creditName: string;
  email?: string;
  language?: string;
  consent: { termsVersion: string; acceptedAt: string };
  /** URLs of finished tus uploads; empty for a text contribution. */
  uploads: string[];
  /** Ids of published contributions this one builds on. */
  basedOn?: string[];
}

/** The answer to a contribution that was accepted (201). */
export interface ContributionReceipt {
  id: string;
  status: string;
  url?: string;
}

/** Where a contribution is in an organiser's review. */
export type ContributionStatus = 'received' | 'published' | 'rejected';

/** One file of a contribution, served by the backend's own media route. */
export interface ContributionMedia {
  url: string;
  /** Its media type, as the backend serves it. */
  type: string;
  bytes: number;
  width?: number;
  height?: number;
  seconds?: number;
  /** An image to show before a video plays. */
  poster?: string;
}

/** A contribution anyone may see: never the email, never the upload URL. */
export interface PublishedContribution {
  id: string;
  callId: string;
  kind: ContributionKind;
  title?: string;
  text?: string;
  creditName: string;
  language?: string;
  media: ContributionMedia[];
  basedOn?: string[];
  /** ISO 8601. */
  publishedAt: string;
  license?: string;
  url?: string;
}

/** One page of `GET /contributions`, newest first. */
export interface PublishedContributionPage {
  items: PublishedContribution[];
  next: string | null;
}

/**
 * A contribution as an organiser reviews it: the full record, email included. Its media URLs
 * play for a limited time without a token (an `<audio>` cannot send one), whatever the status.
 */
export interface Contribution {
  id: string;
  callId: string;
  campaign?: string;
  kind: ContributionKind;
  title?: string;
  text?: string;
  creditName: string;
  email?: string;
  language?: string;
  consent: { termsVersion: string; acceptedAt: string };
  basedOn?: string[];
  status: ContributionStatus;
  /** ISO 8601. */
  receivedAt: string;
  /** ISO 8601; set when it was published. */
  publishedAt?: string;
  media: Array<ContributionMedia & { filename?: string }>;
}

/** One page of `GET /organiser/contributions`, newest first. */
export interface ContributionPage {
  items: Contribution[];
  next: string | null;
  /** With a `call` filter: that call's export zip as a link that works without the token for a while. */
  export?: string;
}

/** The body of `PATCH /organiser/contributions/{id}`: an organiser's decision. */
export interface ContributionReview {
  status: Exclude<ContributionStatus, 'received'>;
}

/** An RFC 9457 problem, as every error of the contract is sent. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The request field the problem is about, where there is one. */
  field?: string;
}

export const contributionKinds: readonly ContributionKind[] = ['text', 'image', 'audio', 'video'];
export const callStatuses: readonly CallStatus[] = ['open', 'upcoming', 'closed'];
