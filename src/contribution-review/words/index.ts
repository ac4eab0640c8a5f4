import { StringTable } from '../../i18n/table.js';
import { en } from './en.js';
import type { ReviewWords } from './words.js';

export type { ReviewWords } from './words.js';

/** The review's words, travelling with it. */
export const reviewWords = new StringTable<ReviewWords>(en, { ms: () => import('./ms.js').then((m) => m.ms) });
