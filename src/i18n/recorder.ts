import type { RecorderStrings } from './strings.js';
import { en } from './recorder-en.js';
import { StringTable } from './table.js';

/** The recorder's words, travelling with the recorder. */
export const recorderStrings = new StringTable<RecorderStrings>(en, {
  ms: () => import('./recorder-ms.js').then((m) => m.ms),
});
