import type { ListWords } from './words.js';

// Deutsch.
const rules = new Intl.PluralRules('de');
const one = (n: number) => rules.select(n) === 'one';

export const de: ListWords = {
  callsLabel: 'Offene Aufrufe',
  loading: 'Aufrufe werden geladen…',
  callsShown: (count, n) => (one(n) ? `${count} Aufruf angezeigt` : `${count} Aufrufe angezeigt`),
  empty: 'Gerade gibt es keine offenen Aufrufe. Schau bald wieder vorbei: Neue kommen oft dazu.',
  emptyFiltered: 'Hier passt gerade kein offener Aufruf. Schau bald wieder vorbei: Neue kommen oft dazu.',
  loadMore: 'Weitere Aufrufe laden',
  allShown: 'Das sind vorerst alle Aufrufe.',
  loadingMore: 'Weitere Aufrufe werden geladen…',
  retry: 'Erneut versuchen',
  errorTitle: 'Die Aufrufe konnten nicht geladen werden',
  status: { open: 'Offen', upcoming: 'Startet bald', closed: 'Beendet' },
  kind: { text: 'Text', image: 'Foto oder Bild', audio: 'Audio', video: 'Video' },
  acceptsLabel: 'Nimmt an',
  upToCharacters: (count) => `bis zu ${count} Zeichen`,
  upToDuration: (duration) => `bis zu ${duration}`,
  maxSize: (size) => `max. ${size}`,
  upToFiles: (count, n) => (one(n) ? `${count} Datei` : `bis zu ${count} Dateien`),
  languagesLabel: 'Sprachen',
  deadlineLabel: 'Einsendeschluss',
  opensLabel: 'Start',
  closesRelative: (relative) => `endet ${relative}`,
  closedRelative: (relative) => `beendet ${relative}`,
  opensRelative: (relative) => `startet ${relative}`,
  contributions: (count, n) => (one(n) ? `${count} Beitrag` : `${count} Beiträge`),
  partOf: 'Teil von',
  aboutCall: 'Über diesen Aufruf',
  contribute: 'Mitmachen',
  answerUnavailable: 'Das Formular konnte nicht geladen werden. Prüfe deine Verbindung und lade die Seite neu.',
  notAnswerable: {
    upcoming: 'Dieser Aufruf ist noch nicht offen.',
    closed: 'Dieser Aufruf ist beendet. Danke an alle, die mitgemacht haben.',
  },
};
