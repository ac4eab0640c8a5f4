import type { RecorderWords } from './words.js';

export const fr: RecorderWords = {
  regionLabel: (title) => `Enregistrez votre réponse : ${title}`,
  loading: 'Chargement de l’appel…',
  asking: (kind) =>
    kind === 'video'
      ? 'Autorisez la caméra et le micro dans la fenêtre du navigateur…'
      : 'Autorisez le micro dans la fenêtre du navigateur…',
  promptLabel: 'L’appel demande',
  allow: (kind) => (kind === 'video' ? 'Activer la caméra et le micro' : 'Activer le micro'),
  allowHint: 'Votre navigateur vous demandera d’abord. Rien n’est enregistré avant que vous appuyiez sur Enregistrer.',
  microphone: 'Micro',
  camera: 'Caméra',
  unnamedDevice: (kind, n) => (kind === 'video' ? `Caméra ${n}` : `Micro ${n}`),
  level: 'Niveau du micro',
  preview: 'Aperçu de la caméra',
  record: (kind) => (kind === 'video' ? 'Enregistrer une vidéo' : 'Enregistrer du son'),
  countdown: (seconds) => `Enregistrement dans ${seconds}…`,
  cancel: 'Annuler',
  state: { recording: 'Enregistrement', paused: 'En pause', stopped: 'Enregistrement arrêté' },
  pause: 'Pause',
  resume: 'Reprendre',
  stop: 'Arrêter',
  elapsed: (elapsed, limit) => (limit ? `${elapsed} sur ${limit}` : elapsed),
  limitReached: 'Temps écoulé : l’enregistrement s’est arrêté.',
  sentWhileRecording: (size) => `${size} déjà envoyés pendant l’enregistrement`,
  sending: (percent) => `Envoi de votre prise : ${percent}`,
  sent: 'Votre prise est bien arrivée.',
  waitingForNetwork: 'Hors ligne : la prise est gardée ici et sera envoyée dès le retour de la connexion.',
  takeLabel: 'Votre prise',
  recordAgain: 'Recommencer',
  useTake: 'Garder cette prise',
  errors: {
    denied:
      'Le navigateur n’a pas le droit d’utiliser le micro ou la caméra. Autorisez-le depuis l’icône à côté de la barre d’adresse (paramètres du site), puis réessayez.',
    noDevice: (kind) => (kind === 'video' ? 'Aucune caméra trouvée sur cet appareil.' : 'Aucun micro trouvé sur cet appareil.'),
    inUse: 'Le micro ou la caméra est utilisé par une autre application ou un autre onglet. Fermez-le, puis réessayez.',
    insecure: 'L’enregistrement ne fonctionne que sur une page sécurisée (https).',
    unsupported: 'Ce navigateur ne peut pas enregistrer ici.',
    failed: 'L’enregistrement s’est arrêté de façon inattendue.',
    fallback: 'Vous pouvez enregistrer avec une autre application, puis choisir le fichier.',
    tryAgain: 'Réessayer',
  },
};
