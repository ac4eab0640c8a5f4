import { WordTable } from '../../core/words.js';
import { en } from './en.js';
import type { ReviewWords } from './words.js';

export type { ReviewWords } from './words.js';

/** The review's words, travelling with it. */
export const reviewWords = new WordTable<ReviewWords>('contribution-review', en);
