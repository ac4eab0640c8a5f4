import type { ContributionKind } from '../../api/types.js';
import { WordTable } from '../../core/words.js';
import { en } from './en.js';

/** The answer form. */
export interface UploaderWords {
  formLabel(title: string): string;
  /** The kind as a noun inside a sentence: "This call takes images up to 25 MB". */
  kindNoun: Record<ContributionKind, string>;
  loading: string;
  retry: string;
  /** "Details: …" under a failure, with the backend's own words. */
  /** When a call that is not open yet says no date. */
  opensSoon: string;
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
  /** The short visible text of a file's buttons; the longer words above, with the file's name, are their labels. */
  fileActions: { pause: string; resume: string; cancel: string; remove: string };
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
    /** The same file was picked again. */
    alreadyChosen(name: string): string;
    callClosed: string;
    callUpcoming(when: string): string;
    uploadRefused(name: string, detail: string): string;
    uploadServer(name: string): string;
    uploadNetwork(name: string): string;
    uploadsUnfinished: string;
    /** A kept recording could not be opened (its code did not load). */
    takeUnavailable: string;
    submitFailed: string;
    /** The server failed (5xx, an unreadable answer): nothing for the visitor to fix. */
    submitServerProblem: string;
    submitUnreachable: string;
    callClosedMeanwhile: string;
    termsChanged: string;
    loadFailed: string;
  };
}

/** The answer form's words, travelling with the form. */
export const uploaderWords = new WordTable<UploaderWords>('contribution-uploader', en);
