import { WordTable } from '../../../core/words.js';
import { en } from './en.js';

/** The region that holds the answer form under a list's chosen call. */
export interface AnswerRegionWords {
  /** Above the form; the call's title is just above it, on the card. */
  heading(title: string): string;
  /** The link to the call's own page, when it has one. */
  elsewhere: string;
  close: string;
}

/** The answer region's words, travelling with it: a list that nobody answers never downloads them. */
export const answerRegionWords = new WordTable<AnswerRegionWords>('call-for-contributions/answer', en);
