import type { FailureWords } from './words.js';

export const fr: FailureWords = {
  unreachable: 'Impossible de joindre le service des appels. Vérifiez votre connexion, puis réessayez.',
  timeout: 'Le service des appels met trop de temps à répondre. Réessayez dans un instant.',
  notFound: 'Cet appel n’existe pas, ou n’est plus publié.',
  problem: 'Le service des appels a rencontré un problème. Réessayez dans un instant.',
  invalid:
    'Les appels sont arrivés sous une forme que cette page ne sait pas lire. Le responsable du site est prévenu dans la console du navigateur.',
  noBackend: 'Ce widget n’a pas de service à interroger : indiquez son attribut api (ou sa propriété source).',
  notAllowed:
    'Ce site n’est pas autorisé à afficher ces appels. Le responsable du site est prévenu dans la console du navigateur.',
};
