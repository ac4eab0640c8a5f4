import type { ListWords } from './words.js';

// Français. French counts 0 and 1 as singular: Intl.PluralRules says which.
const rules = new Intl.PluralRules('fr');
const one = (n: number) => rules.select(n) === 'one';

export const fr: ListWords = {
  callsLabel: 'Appels à contributions',
  loading: 'Chargement des appels…',
  callsShown: (count, n) => (one(n) ? `${count} appel affiché` : `${count} appels affichés`),
  empty: 'Aucun appel ouvert pour le moment. Revenez bientôt : de nouveaux appels ouvrent souvent.',
  emptyFiltered: 'Aucun appel ne correspond ici pour le moment. Revenez bientôt : de nouveaux appels ouvrent souvent.',
  loadMore: 'Afficher plus d’appels',
  allShown: 'Vous avez vu tous les appels du moment.',
  loadingMore: 'Chargement d’autres appels…',
  retry: 'Réessayer',
  errorTitle: 'Les appels n’ont pas pu être chargés',
  status: { open: 'Ouvert', upcoming: 'Bientôt ouvert', closed: 'Clos' },
  kind: { text: 'Texte', image: 'Photo ou image', audio: 'Audio', video: 'Vidéo' },
  acceptsLabel: 'Accepte',
  upToCharacters: (count) => `jusqu’à ${count} caractères`,
  upToDuration: (duration) => `jusqu’à ${duration}`,
  maxSize: (size) => `${size} max.`,
  upToFiles: (count, n) => (one(n) ? `${count} fichier` : `jusqu’à ${count} fichiers`),
  languagesLabel: 'Langues',
  deadlineLabel: 'Date limite',
  opensLabel: 'Ouverture',
  closesRelative: (relative) => `se termine ${relative}`,
  closedRelative: (relative) => `terminé ${relative}`,
  opensRelative: (relative) => `ouvre ${relative}`,
  contributions: (count, n) => (one(n) ? `${count} contribution` : `${count} contributions`),
  partOf: 'Fait partie de',
  aboutCall: 'À propos de cet appel',
  contribute: 'Participer',
  answerUnavailable: 'Le formulaire de réponse n’a pas pu être chargé. Vérifiez votre connexion, puis rechargez la page.',
  notAnswerable: {
    upcoming: 'Cet appel n’est pas encore ouvert.',
    closed: 'Cet appel est clos. Merci à toutes celles et ceux qui y ont participé.',
  },
};
