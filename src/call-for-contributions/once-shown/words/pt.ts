import type { AnswerRegionWords } from './words.js';

export const pt: AnswerRegionWords = {
  heading: () => 'Sua resposta',
  elsewhere: 'Responda a esta chamada no site do projeto',
  loadingForm: 'Carregando o formulário…',
  close: 'Fechar',
};
