import type { AnswerRegionWords } from './words.js';

export const fil: AnswerRegionWords = {
  heading: () => 'Ang iyong sagot',
  elsewhere: 'Sagutin ang panawagang ito sa site ng proyekto',
  loadingForm: 'Nilo-load ang form…',
  close: 'Isara',
};
