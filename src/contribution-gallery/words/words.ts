/** What `<contribution-gallery>` says, in one language. */
export interface GalleryWords {
  label: string;
  loading: string;
  loadingMore: string;
  loadMore: string;
  retry: string;
  empty: string;
  errorTitle: string;
  shown(count: string, n: number): string;
  /** Above a text contribution: the call it answers. */
  answers(callTitle: string): string;
  untitled: string;
  by(creditName: string): string;
  license(license: string): string;
  buildsOn: string;
  /** A contribution this one builds on that is not on this page: its id. */
  buildsOnOther(n: number): string;
  published(date: string): string;
  buildOnThis: string;
  buildOnThisLabel(title: string, creditName: string): string;
  closeForm: string;
  formHeading(title: string, creditName: string): string;
  formUnavailable: string;
  keyboardHint: string;
  media: { image: string; audio: string; video: string };
}
