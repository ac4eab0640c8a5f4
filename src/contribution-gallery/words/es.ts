import type { GalleryWords } from './words.js';

const rules = new Intl.PluralRules('es');
const one = (n: number) => rules.select(n) === 'one';

export const es: GalleryWords = {
  label: 'Aportaciones',
  loading: 'Cargando aportaciones…',
  loadingMore: 'Cargando más aportaciones…',
  loadMore: 'Ver más aportaciones',
  retry: 'Reintentar',
  empty: 'Todavía no se ha publicado nada aquí. ¡Sé la primera persona en participar!',
  errorTitle: 'No se pudieron mostrar las aportaciones.',
  shown: (count, n) => (one(n) ? `Se muestra ${count} aportación` : `Se muestran ${count} aportaciones`),
  answers: (title) => `Responde a «${title}»`,
  untitled: 'Sin título',
  by: (name) => `de ${name}`,
  license: (license) => `Licencia: ${license}`,
  buildsOn: 'Parte de',
  buildsOnOther: (n) => (one(n) ? 'otra aportación' : `otras ${n} aportaciones`),
  published: (date) => `Publicado el ${date}`,
  buildOnThis: 'Crear a partir de esto',
  buildOnThisLabel: (title, name) => `Crear a partir de esto: «${title}», de ${name}`,
  closeForm: 'Cerrar',
  formHeading: (title, name) => `A partir de «${title}», de ${name}`,
  formUnavailable: 'No se pudo cargar el formulario. Comprueba tu conexión y vuelve a intentarlo.',
  keyboardHint: 'Usa las flechas del teclado para moverte entre las aportaciones.',
  media: { image: 'Imagen', audio: 'Audio', video: 'Vídeo' },
};
