import type { ListWords } from './words.js';

// Español.
const rules = new Intl.PluralRules('es');
const one = (n: number) => rules.select(n) === 'one';

export const es: ListWords = {
  callsLabel: 'Convocatorias abiertas',
  loading: 'Cargando convocatorias…',
  callsShown: (count, n) => (one(n) ? `Se muestra ${count} convocatoria` : `Se muestran ${count} convocatorias`),
  empty: 'No hay convocatorias abiertas en este momento. Vuelve pronto: se abren nuevas a menudo.',
  emptyFiltered: 'Ninguna convocatoria coincide por ahora. Vuelve pronto: se abren nuevas a menudo.',
  loadMore: 'Ver más convocatorias',
  allShown: 'Estas son todas las convocatorias por ahora.',
  loadingMore: 'Cargando más convocatorias…',
  retry: 'Reintentar',
  errorTitle: 'No se pudieron cargar las convocatorias',
  status: { open: 'Abierta', upcoming: 'Abre pronto', closed: 'Cerrada' },
  kind: { text: 'Texto', image: 'Foto o imagen', audio: 'Audio', video: 'Vídeo' },
  acceptsLabel: 'Acepta',
  upToCharacters: (count) => `hasta ${count} caracteres`,
  upToDuration: (duration) => `hasta ${duration}`,
  maxSize: (size) => `máx. ${size}`,
  upToFiles: (count, n) => (one(n) ? `${count} archivo` : `hasta ${count} archivos`),
  languagesLabel: 'Idiomas',
  deadlineLabel: 'Fecha límite',
  opensLabel: 'Abre',
  closesRelative: (relative) => `cierra ${relative}`,
  closedRelative: (relative) => `cerró ${relative}`,
  opensRelative: (relative) => `abre ${relative}`,
  contributions: (count, n) => (one(n) ? `${count} aportación` : `${count} aportaciones`),
  partOf: 'Forma parte de',
  aboutCall: 'Sobre esta convocatoria',
  contribute: 'Participar',
  answerUnavailable: 'No se pudo cargar el formulario. Comprueba tu conexión y vuelve a cargar la página.',
  notAnswerable: {
    upcoming: 'Esta convocatoria aún no está abierta.',
    closed: 'Esta convocatoria ha cerrado. Gracias a todas las personas que participaron.',
  },
};
