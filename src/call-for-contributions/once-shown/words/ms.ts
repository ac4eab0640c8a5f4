import type { AnswerRegionWords } from './words.js';

export const ms: AnswerRegionWords = {
  heading: () => 'Jawapan anda',
  elsewhere: 'Jawab panggilan ini di laman web projek',
  loadingForm: 'Memuatkan borang jawapan…',
  close: 'Tutup',
};
