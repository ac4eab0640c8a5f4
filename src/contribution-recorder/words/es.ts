import type { RecorderWords } from './words.js';

export const es: RecorderWords = {
  regionLabel: (title) => `Graba tu respuesta: ${title}`,
  loading: 'Cargando la convocatoria…',
  asking: (kind) =>
    kind === 'video'
      ? 'Permite la cámara y el micrófono en el aviso del navegador…'
      : 'Permite el micrófono en el aviso del navegador…',
  promptLabel: 'La convocatoria pide',
  allow: (kind) => (kind === 'video' ? 'Activar la cámara y el micrófono' : 'Activar el micrófono'),
  allowHint: 'Tu navegador te preguntará primero. No se graba nada hasta que pulses Grabar.',
  microphone: 'Micrófono',
  camera: 'Cámara',
  unnamedDevice: (kind, n) => (kind === 'video' ? `Cámara ${n}` : `Micrófono ${n}`),
  level: 'Nivel del micrófono',
  preview: 'Vista previa de la cámara',
  record: (kind) => (kind === 'video' ? 'Grabar vídeo' : 'Grabar audio'),
  countdown: (seconds) => `Grabando en ${seconds}…`,
  cancel: 'Cancelar',
  state: { recording: 'Grabando', paused: 'En pausa', stopped: 'Grabación detenida' },
  pause: 'Pausar',
  resume: 'Continuar',
  stop: 'Detener',
  elapsed: (elapsed, limit) => (limit ? `${elapsed} de ${limit}` : elapsed),
  limitReached: 'Se acabó el tiempo: la grabación se ha detenido.',
  sentWhileRecording: (size) => `${size} ya enviados mientras grabas`,
  sending: (percent) => `Enviando tu toma: ${percent}`,
  sent: 'Tu toma ya está en el servidor.',
  waitingForNetwork: 'Sin conexión: la toma se guarda aquí y se enviará cuando vuelva la conexión.',
  takeLabel: 'Tu toma',
  recordAgain: 'Grabar de nuevo',
  useTake: 'Usar esta toma',
  errors: {
    denied:
      'El navegador no tiene permiso para usar el micrófono o la cámara. Permítelo desde el icono junto a la barra de direcciones (configuración del sitio) y vuelve a intentarlo.',
    noDevice: (kind) =>
      kind === 'video'
        ? 'No se encontró ninguna cámara en este dispositivo.'
        : 'No se encontró ningún micrófono en este dispositivo.',
    inUse: 'Otra aplicación o pestaña está usando el micrófono o la cámara. Ciérrala y vuelve a intentarlo.',
    insecure: 'Solo se puede grabar en una página segura (https).',
    unsupported: 'Este navegador no puede grabar aquí.',
    failed: 'La grabación se detuvo de forma inesperada.',
    fallback: 'Puedes grabar con otra aplicación y elegir el archivo.',
    tryAgain: 'Reintentar',
  },
};
