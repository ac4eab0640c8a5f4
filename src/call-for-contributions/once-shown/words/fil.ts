import type { AnswerRegionWords } from './words.js';

export const fil: AnswerRegionWords = {
  heading: (title) => `Sumagot: ${title}`,
  elsewhere: 'Sagutin ang panawagang ito sa site ng proyekto',
  close: 'Isara',
};
