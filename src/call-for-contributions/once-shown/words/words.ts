import { WordTable } from '../../../core/words.js';
import { en } from './en.js';

/** The region that holds the answer form under a list's chosen call. */
export interface AnswerRegionWords {
  /** Above the form; the call's title is just above it, on the card. */
  heading(title: string): string;
  /** The link to the call's own page, when it has one. */
  elsewhere: string;
  /** Said while the form's code is on its way (read in its place, and by the list's live region). */
  loadingForm: string;
  close: string;
}

/**
 * The answer region's words, travelling with it: a list fetches its language's table once it
 * shows (not on its first load), so that the region speaks that language from its first frame.
 */
export const answerRegionWords = new WordTable<AnswerRegionWords>('call-for-contributions/answer', en);
