import type { AnswerRegionStrings } from './strings.js';

export const en: AnswerRegionStrings = {
  heading: (title) => `Answer: ${title}`,
  elsewhere: 'Answer this call on the project’s site',
  close: 'Close',
};
