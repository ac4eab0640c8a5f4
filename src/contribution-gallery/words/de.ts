import type { GalleryWords } from './words.js';

const rules = new Intl.PluralRules('de');
const one = (n: number) => rules.select(n) === 'one';

export const de: GalleryWords = {
  label: 'Beiträge',
  loading: 'Beiträge werden geladen…',
  loadingMore: 'Weitere Beiträge werden geladen…',
  loadMore: 'Weitere Beiträge laden',
  retry: 'Erneut versuchen',
  empty: 'Hier ist noch nichts veröffentlicht. Mach den Anfang!',
  errorTitle: 'Die Beiträge konnten nicht angezeigt werden.',
  shown: (count, n) => (one(n) ? `${count} Beitrag angezeigt` : `${count} Beiträge angezeigt`),
  answers: (title) => `Antwort auf „${title}“`,
  untitled: 'Ohne Titel',
  by: (name) => `von ${name}`,
  license: (license) => `Lizenz: ${license}`,
  buildsOn: 'Baut auf',
  buildsOnOther: (n) => (one(n) ? 'einem anderen Beitrag' : `${n} anderen Beiträgen`),
  published: (date) => `Veröffentlicht am ${date}`,
  buildOnThis: 'Daran weiterarbeiten',
  buildOnThisLabel: (title, name) => `Daran weiterarbeiten: „${title}“ von ${name}`,
  closeForm: 'Schließen',
  formHeading: (title, name) => `Weiterarbeiten an „${title}“ von ${name}`,
  formUnavailable: 'Das Formular konnte nicht geladen werden. Prüfe deine Verbindung und versuche es erneut.',
  keyboardHint: 'Mit den Pfeiltasten wechselst du zwischen den Beiträgen.',
  media: { image: 'Bild', audio: 'Audio', video: 'Video' },
};
