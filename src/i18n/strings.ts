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
  /** Under a call, when the code to answer it cannot be loaded (offline, a file missing on a CDN). */
  answerUnavailable: string;
  notAnswerable: { upcoming: string; closed: string };
}

/** Why a widget could not load what it shows, for the visitor (and the site owner). */
export interface FailureStrings {
  unreachable: string;
  timeout: string;
  notFound: string;
  problem: string;
  invalid: string;
  noBackend: string;
}

/** The region that holds the answer form under a list's chosen call. */
export interface AnswerRegionStrings {
  heading(title: string): string;
  /** The link to the call's own page, when it has one. */
  elsewhere: string;
  close: string;
}

/** The answer form. */
export interface UploaderStrings {
  formLabel(title: string): string;
  /** The kind as a noun inside a sentence: "This call takes images up to 25 MB". */
  kindNoun: Record<ContributionKind, string>;
  loading: string;
  answerWith: string;
  answerWithText: string;
  answerWithFiles: string;
  textLabel: string;
  /** "37 of 140 characters" */
  characterCount(count: string, max: string): string;
  filesLabel: string;
  chooseFiles(n: number): string;
  useCamera: string;
  recordAudio: string;
  /** Opens the in-browser recorder. */
  recordWith(kind: 'audio' | 'video'): string;
  recorderLoading: string;
  recorderFailed: string;
  closeRecorder: string;
  recordingAdded(name: string): string;
  unsentTake(when: string): string;
  sendTake: string;
  discardTake: string;
  dropHint: string;
  removeFile(name: string): string;
  pause(name: string): string;
  resume(name: string): string;
  cancel(name: string): string;
  retryUpload(name: string): string;
  state: {
    waiting: string;
    uploading: string;
    paused: string;
    offline: string;
    done: string;
    failed: string;
  };
  /** "42% · 3.1 MB/s · 12 seconds left" pieces. */
  speed(perSecond: string): string;
  timeLeft(duration: string): string;
  resumingFrom(percent: string): string;
  /** Announced in steps, not every percent. */
  progressAnnouncement(name: string, percent: string): string;
  uploadedAnnouncement(name: string): string;
  titleLabel: string;
  optional: string;
  creditLabel: string;
  creditHint: string;
  emailLabel: string;
  emailHint: string;
  languageLabel: string;
  consent(termsTitle: string): string;
  termsLink(version: string): string;
  license(license: string): string;
  submit: string;
  submitting: string;
  waitingForUploads: string;
  retrySubmit: string;
  thanksHeading: string;
  thanksBody(title: string): string;
  viewContribution: string;
  sendAnother: string;
  /** Above a form that builds on another contribution: before its title, between it and its credit, after. */
  buildingOn: { before: string; by: string; after: string };
  /** On the thank-you: a link to the call's page, where its published contributions are. */
  seeContributions: string;
  shareCall: string;
  linkCopied: string;
  errors: {
    fixBelow(count: string, n: number): string;
    creditMissing: string;
    consentMissing: string;
    textMissing: string;
    textTooLong(count: string, max: string): string;
    emailInvalid: string;
    filesMissing(kinds: string): string;
    typeNotAccepted(name: string, type: string, kinds: string): string;
    mixedKinds(kinds: string): string;
    tooLarge(kind: string, max: string, name: string, size: string): string;
    tooManyFiles(max: string): string;
    emptyFile(name: string): string;
    callClosed: string;
    callUpcoming(when: string): string;
    uploadRefused(name: string, detail: string): string;
    uploadServer(name: string): string;
    uploadNetwork(name: string): string;
    uploadsUnfinished: string;
    /** A kept recording could not be opened (its code did not load). */
    takeUnavailable: string;
    submitFailed: string;
    submitUnreachable: string;
    callClosedMeanwhile: string;
    termsChanged: string;
    loadFailed: string;
  };
}

/** The recorder, for calls that ask people to record themselves. */
export interface RecorderStrings {
  /** The recorder's accessible name. */
  regionLabel(title: string): string;
  loading: string;
  /** While the browser asks the visitor for the devices. */
  asking(kind: 'audio' | 'video'): string;
  promptLabel: string;
  allow(kind: 'audio' | 'video'): string;
  allowHint: string;
  microphone: string;
  camera: string;
  /** A device the browser gives no name. */
  unnamedDevice(kind: 'audio' | 'video', n: number): string;
  level: string;
  preview: string;
  record(kind: 'audio' | 'video'): string;
  countdown(seconds: string): string;
  cancel: string;
  state: { recording: string; paused: string; stopped: string };
  pause: string;
  resume: string;
  stop: string;
  /** Elapsed time, and the limit when the call has one ("0:04 of 0:30"). */
  elapsed(elapsed: string, limit?: string): string;
  limitReached: string;
  sentWhileRecording(size: string): string;
  sending(percent: string): string;
  sent: string;
  waitingForNetwork: string;
  takeLabel: string;
  recordAgain: string;
  useTake: string;
  errors: {
    denied: string;
    noDevice(kind: 'audio' | 'video'): string;
    inUse: string;
    insecure: string;
    unsupported: string;
    failed: string;
    /** What to do instead, said after each of the above. */
    fallback: string;
    tryAgain: string;
  };
}
