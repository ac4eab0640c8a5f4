import type { AnswerRegionWords } from './words.js';

export const en: AnswerRegionWords = {
  heading: (title) => `Answer: ${title}`,
  elsewhere: 'Answer this call on the project’s site',
  close: 'Close',
};
