import type { FailureWords } from './words.js';

export const de: FailureWords = {
  unreachable: 'Der Dienst für die Aufrufe ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.',
  timeout: 'Die Aufrufe brauchen zu lange. Versuche es gleich noch einmal.',
  notFound: 'Diesen Aufruf gibt es nicht, oder er ist nicht mehr veröffentlicht.',
  problem: 'Beim Dienst für die Aufrufe ist ein Fehler aufgetreten. Versuche es gleich noch einmal.',
  invalid:
    'Die Aufrufe kamen in einer Form an, die diese Seite nicht lesen kann. Die Betreiber der Website wurden in der Browserkonsole informiert.',
  noBackend: 'Dieses Widget hat keinen Dienst, den es fragen kann: Setze das Attribut api (oder die Eigenschaft source).',
  notAllowed: 'Diese Website darf diese Aufrufe nicht zeigen. Die Betreiber der Website wurden in der Browserkonsole informiert.',
};
