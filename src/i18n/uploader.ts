import type { UploaderStrings } from './strings.js';
import { en } from './uploader-en.js';
import { StringTable } from './table.js';

/** The answer form's words, in a module of their own so that they travel with the form. */
export const uploaderStrings = new StringTable<UploaderStrings>(en, {
  ms: () => import('./uploader-ms.js').then((m) => m.ms),
});
