import type { AnswerRegionWords } from './words.js';

export const fr: AnswerRegionWords = {
  heading: () => 'Votre réponse',
  elsewhere: 'Répondre à cet appel sur le site du projet',
  loadingForm: 'Chargement du formulaire de réponse…',
  close: 'Fermer',
};
