import type { AnswerRegionStrings } from './strings.js';

export const en: AnswerRegionStrings = {
  heading: (title) => `Answer: ${title}`,
  unavailable: 'The answer form could not be loaded. Check your connection, then reload the page.',
  elsewhere: 'Answer this call on the project’s site',
  close: 'Close',
};
