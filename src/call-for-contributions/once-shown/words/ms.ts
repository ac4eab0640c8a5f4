import type { AnswerRegionWords } from './words.js';

export const ms: AnswerRegionWords = {
  heading: (title) => `Jawab: ${title}`,
  elsewhere: 'Jawab panggilan ini di laman web projek',
  close: 'Tutup',
};
