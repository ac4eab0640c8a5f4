import type { AnswerRegionStrings } from './strings.js';

export const ms: AnswerRegionStrings = {
  heading: (title) => `Jawab: ${title}`,
  elsewhere: 'Jawab panggilan ini di laman projek',
  close: 'Tutup',
};
