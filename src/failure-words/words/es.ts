import type { FailureWords } from './words.js';

export const es: FailureWords = {
  unreachable: 'No pudimos conectar con el servicio de convocatorias. Comprueba tu conexión y vuelve a intentarlo.',
  timeout: 'Las convocatorias están tardando demasiado. Vuelve a intentarlo en un momento.',
  notFound: 'Esta convocatoria no existe o ya no está publicada.',
  problem: 'El servicio de convocatorias tuvo un problema. Vuelve a intentarlo en un momento.',
  invalid:
    'Las convocatorias llegaron en un formato que esta página no puede leer. Se avisó al responsable del sitio en la consola del navegador.',
  noBackend: 'Este widget no tiene a quién consultar: indica su atributo api (o su propiedad source).',
  notAllowed:
    'Este sitio no tiene permiso para mostrar estas convocatorias. Se avisó al responsable del sitio en la consola del navegador.',
};
