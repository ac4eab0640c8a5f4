import { WordTable } from '../../core/words.js';
import { en } from './en.js';
import type { GalleryWords } from './words.js';

export type { GalleryWords } from './words.js';

/** The gallery's words, travelling with it: a page without a gallery never downloads them. */
export const galleryWords = new WordTable<GalleryWords>('contribution-gallery', en);
