import { StringTable } from '../../i18n/table.js';
import { en } from './en.js';
import type { GalleryWords } from './words.js';

export type { GalleryWords } from './words.js';

/** The gallery's words, travelling with it: a page without a gallery never downloads them. */
export const galleryWords = new StringTable<GalleryWords>(en, { ms: () => import('./ms.js').then((m) => m.ms) });
