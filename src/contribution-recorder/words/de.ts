import type { RecorderWords } from './words.js';

export const de: RecorderWords = {
  regionLabel: (title) => `Nimm deine Antwort auf: ${title}`,
  loading: 'Aufruf wird geladen…',
  asking: (kind) =>
    kind === 'video'
      ? 'Erlaube Kamera und Mikrofon in der Abfrage deines Browsers…'
      : 'Erlaube das Mikrofon in der Abfrage deines Browsers…',
  promptLabel: 'Der Aufruf fragt',
  allow: (kind) => (kind === 'video' ? 'Kamera und Mikrofon einschalten' : 'Mikrofon einschalten'),
  allowHint: 'Dein Browser fragt vorher. Aufgenommen wird erst, wenn du auf Aufnehmen drückst.',
  microphone: 'Mikrofon',
  camera: 'Kamera',
  unnamedDevice: (kind, n) => (kind === 'video' ? `Kamera ${n}` : `Mikrofon ${n}`),
  level: 'Mikrofonpegel',
  preview: 'Kameravorschau',
  record: (kind) => (kind === 'video' ? 'Video aufnehmen' : 'Audio aufnehmen'),
  countdown: (seconds) => `Aufnahme in ${seconds}…`,
  cancel: 'Abbrechen',
  state: { recording: 'Aufnahme läuft', paused: 'Pausiert', stopped: 'Aufnahme beendet' },
  pause: 'Pause',
  resume: 'Fortsetzen',
  stop: 'Stopp',
  elapsed: (elapsed, limit) => (limit ? `${elapsed} von ${limit}` : elapsed),
  limitReached: 'Die Zeit ist um: Die Aufnahme wurde beendet.',
  sentWhileRecording: (size) => `${size} schon während der Aufnahme gesendet`,
  sending: (percent) => `Deine Aufnahme wird gesendet: ${percent}`,
  sent: 'Deine Aufnahme ist auf dem Server.',
  waitingForNetwork: 'Offline: Die Aufnahme bleibt hier gespeichert und wird gesendet, sobald die Verbindung zurück ist.',
  takeLabel: 'Deine Aufnahme',
  recordAgain: 'Neu aufnehmen',
  useTake: 'Diese Aufnahme verwenden',
  errors: {
    denied:
      'Der Browser darf Mikrofon oder Kamera nicht verwenden. Erlaube es über das Symbol neben der Adressleiste (Website-Einstellungen) und versuche es erneut.',
    noDevice: (kind) =>
      kind === 'video' ? 'Auf diesem Gerät wurde keine Kamera gefunden.' : 'Auf diesem Gerät wurde kein Mikrofon gefunden.',
    inUse:
      'Mikrofon oder Kamera werden von einer anderen App oder einem anderen Tab verwendet. Schließe sie und versuche es erneut.',
    insecure: 'Aufnehmen geht nur auf einer sicheren Seite (https).',
    unsupported: 'Dieser Browser kann hier nicht aufnehmen.',
    failed: 'Die Aufnahme wurde unerwartet beendet.',
    fallback: 'Du kannst mit einer anderen App aufnehmen und die Datei auswählen.',
    tryAgain: 'Erneut versuchen',
  },
};
