import type { Call, Contribution, Problem, PublishedContribution } from '../api/types.js';
import type { FileUpload, UploadState } from '../upload/file-upload.js';

/** `calls-load`: a page of calls arrived and is shown. */
export interface CallsLoadDetail {
  /** The calls this load added. */
  calls: Call[];
  /** Every call shown now. */
  shown: number;
  /** Whether "Load more" can fetch another page. */
  hasMore: boolean;
}

/** `call-select`: a visitor chose to answer a call. */
export interface CallSelectDetail {
  call: Call;
}

/** `contribution-progress`: a file's upload moved on (or changed state). */
export interface ContributionProgressDetail {
  callId: string;
  file: { name: string; size: number; type: string };
  state: UploadState;
  bytesSent: number;
  bytesTotal: number;
  /** 0–100, whole numbers. */
  percent: number;
}

/** `contribution-error`: something stopped the contribution; the form says what, in words. */
export interface ContributionErrorDetail {
  callId: string;
  /** The message shown to the visitor. */
  message: string;
  /** The file concerned, for an upload or validation error about one. */
  fileName?: string;
  /** The backend's problem document, when it sent one. */
  problem?: Problem;
}

/** `contribution-submit`: the backend received the contribution. */
export interface ContributionSubmitDetail {
  callId: string;
  contributionId: string;
  /** The tus upload URLs the contribution names. */
  uploads: string[];
  /** Where the contribution can be seen, if the backend said. */
  url?: string;
}

/** `recording-use`: the visitor chose a take recorded in `<contribution-recorder>`. */
export interface RecordingUseDetail {
  callId: string;
  /** The recorded file. */
  file: File;
  /** Its upload, begun while recording: its `url` names it in a contribution once it is done. */
  upload: FileUpload;
}

/** `contributions-load`: a page of published contributions arrived and is shown. */
export interface ContributionsLoadDetail {
  /** The contributions this load added. */
  contributions: PublishedContribution[];
  /** Every contribution shown now. */
  shown: number;
  hasMore: boolean;
}

/** `contribution-review`: an organiser's decision was kept by the backend (after its undo time). */
export interface ContributionReviewDetail {
  contribution: Contribution;
  status: 'published' | 'rejected';
}

/** Every event the widgets send, by name. */
export interface OpenCallEventMap {
  'calls-load': CallsLoadDetail;
  'call-select': CallSelectDetail;
  'contribution-progress': ContributionProgressDetail;
  'contribution-error': ContributionErrorDetail;
  'contribution-submit': ContributionSubmitDetail;
  'recording-use': RecordingUseDetail;
  'contributions-load': ContributionsLoadDetail;
  'contribution-review': ContributionReviewDetail;
}

/** The one way an element sends an event: bubbling out of shadow roots, with a typed detail. */
export function emit<K extends keyof OpenCallEventMap>(
  from: EventTarget,
  type: K,
  detail: OpenCallEventMap[K],
  cancelable = false,
): boolean {
  return from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'calls-load': CustomEvent<CallsLoadDetail>;
    'call-select': CustomEvent<CallSelectDetail>;
    'contribution-progress': CustomEvent<ContributionProgressDetail>;
    'contribution-error': CustomEvent<ContributionErrorDetail>;
    'contribution-submit': CustomEvent<ContributionSubmitDetail>;
    'recording-use': CustomEvent<RecordingUseDetail>;
    'contributions-load': CustomEvent<ContributionsLoadDetail>;
    'contribution-review': CustomEvent<ContributionReviewDetail>;
  }
}
