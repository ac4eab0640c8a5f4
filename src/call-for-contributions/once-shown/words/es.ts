import type { AnswerRegionWords } from './words.js';

export const es: AnswerRegionWords = {
  heading: () => 'Tu respuesta',
  elsewhere: 'Responde a esta convocatoria en el sitio del proyecto',
  loadingForm: 'Cargando el formulario…',
  close: 'Cerrar',
};
