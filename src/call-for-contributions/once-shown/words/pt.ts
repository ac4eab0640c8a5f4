import type { AnswerRegionWords } from './words.js';

export const pt: AnswerRegionWords = {
  heading: (title) => `Responder: ${title}`,
  elsewhere: 'Responda a esta chamada no site do projeto',
  close: 'Fechar',
};
