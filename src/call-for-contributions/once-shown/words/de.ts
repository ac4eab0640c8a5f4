import type { AnswerRegionWords } from './words.js';

export const de: AnswerRegionWords = {
  heading: () => 'Deine Antwort',
  elsewhere: 'Auf der Website des Projekts antworten',
  loadingForm: 'Das Formular wird geladen…',
  close: 'Schließen',
};
