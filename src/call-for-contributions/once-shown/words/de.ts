import type { AnswerRegionWords } from './words.js';

export const de: AnswerRegionWords = {
  heading: (title) => `Antworten: ${title}`,
  elsewhere: 'Auf der Website des Projekts antworten',
  close: 'Schließen',
};
