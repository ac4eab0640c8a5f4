import type { AnswerRegionWords } from './words.js';

export const en: AnswerRegionWords = {
  heading: () => 'Your answer',
  elsewhere: 'Answer this call on the project’s site',
  loadingForm: 'Loading the answer form…',
  close: 'Close',
};
