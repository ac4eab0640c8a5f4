import type { GalleryWords } from './words.js';

const rules = new Intl.PluralRules('fr');
const one = (n: number) => rules.select(n) === 'one';

export const fr: GalleryWords = {
  label: 'Contributions',
  loading: 'Chargement des contributions…',
  loadingMore: 'Chargement d’autres contributions…',
  loadMore: 'Afficher plus de contributions',
  retry: 'Réessayer',
  empty: 'Rien n’a encore été publié ici. Soyez la première personne à participer !',
  errorTitle: 'Les contributions n’ont pas pu être affichées.',
  shown: (count, n) => (one(n) ? `${count} contribution affichée` : `${count} contributions affichées`),
  answers: (title) => `En réponse à « ${title} »`,
  untitled: 'Sans titre',
  by: (name) => `par ${name}`,
  license: (license) => `Licence : ${license}`,
  buildsOn: 'S’appuie sur',
  buildsOnOther: (n) => (one(n) ? 'une autre contribution' : `${n} autres contributions`),
  published: (date) => `Publié le ${date}`,
  buildOnThis: 'Prolonger cette œuvre',
  buildOnThisLabel: (title, name) => `Prolonger cette œuvre : « ${title} » de ${name}`,
  closeForm: 'Fermer',
  formHeading: (title, name) => `Prolonger « ${title} » de ${name}`,
  formUnavailable: 'Le formulaire de réponse n’a pas pu être chargé. Vérifiez votre connexion, puis réessayez.',
  keyboardHint: 'Utilisez les flèches du clavier pour passer d’une contribution à l’autre.',
  media: { image: 'Image', audio: 'Audio', video: 'Vidéo' },
};
