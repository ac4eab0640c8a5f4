import type { AnswerRegionStrings } from './strings.js';

export const ms: AnswerRegionStrings = {
  heading: (title) => `Jawab: ${title}`,
  unavailable: 'Borang jawapan tidak dapat dimuatkan. Semak sambungan anda, kemudian muat semula halaman.',
  elsewhere: 'Jawab panggilan ini di laman projek',
  close: 'Tutup',
};
