// Classes and types only: importing this module defines no tag (the `define` entries do).
export type * from './api/types.js';
export type { CallQuery, CallSource, HttpSourceOptions } from './api/source.js';
export type {
  CallSelectDetail,
  CallsLoadDetail,
  ContributionErrorDetail,
  ContributionReviewDetail,
  ContributionsLoadDetail,
  ContributionProgressDetail,
  ContributionSubmitDetail,
  OpenCallEventMap,
  RecordingUseDetail,
} from './core/events.js';
export type { OpenCallConfig, Theme } from './core/context.js';
export type { ListWords, ListWords as Strings } from './call-for-contributions/words/words.js';
export type { UploaderWords, UploaderWords as UploaderStrings } from './contribution-uploader/words/words.js';
export type { RecorderWords, RecorderWords as RecorderStrings } from './contribution-recorder/words/words.js';
export type { AnswerRegionWords } from './call-for-contributions/once-shown/words/words.js';
export type { GalleryWords } from './contribution-gallery/words/words.js';
export type { ReviewWords } from './contribution-review/words/words.js';
export type { FailureWords } from './failure-words/words/words.js';
export { httpSource, listCalls, getCall } from './api/source.js';
export { submitContribution, parseReceipt } from './api/submit.js';
export { BackendError, type BackendErrorKind } from './api/request.js';
export { ContractError, parseCall, parseCallPage, parseProblem, isWebUrl } from './api/validate.js';
export { acceptsType, characterCount } from './api/accepts.js';
export {
  contributionStatuses,
  exportCall,
  listContributions,
  listReceived,
  reviewContribution,
  type ContributionQuery,
  type Listing,
  type ReviewQuery,
} from './api/contributions.js';
export { configContext } from './core/context.js';
export { CallForContributionsElement } from './call-for-contributions/call-for-contributions.js';
export { OpenCallConfigElement } from './open-call-config/open-call-config.js';
export { ContributionUploaderElement } from './contribution-uploader/contribution-uploader.js';
export { ContributionRecorderElement } from './contribution-recorder/contribution-recorder.js';
export { ContributionGalleryElement } from './contribution-gallery/contribution-gallery.js';
export { ContributionReviewElement } from './contribution-review/contribution-review.js';
export { ResumeStore, resumeStore, type ResumeStoreOptions } from './upload/resume-store.js';
export type { FileUpload, UploadState } from './upload/file-upload.js';
export { define } from './core/define.js';
export { registerWords, type Language, type WordsOf, type WordTableName } from './core/words.js';
export { version } from './core/version.js';
