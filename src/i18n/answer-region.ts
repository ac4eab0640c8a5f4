import type { AnswerRegionStrings } from './strings.js';
import { en } from './answer-region-en.js';
import { StringTable } from './table.js';

/** The answer region's words, travelling with it: a list that nobody answers never downloads them. */
export const answerRegionStrings = new StringTable<AnswerRegionStrings>(en, {
  ms: () => import('./answer-region-ms.js').then((m) => m.ms),
});
