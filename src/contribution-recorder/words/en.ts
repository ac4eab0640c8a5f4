import type { RecorderWords } from './words.js';

export const en: RecorderWords = {
  regionLabel: (title) => `Record your answer: ${title}`,
  loading: 'Loading the call…',
  asking: (kind) =>
    kind === 'video'
      ? 'Allow the camera and microphone in your browser’s prompt…'
      : 'Allow the microphone in your browser’s prompt…',
  promptLabel: 'The call asks',
  allow: (kind) => (kind === 'video' ? 'Turn on the camera and microphone' : 'Turn on the microphone'),
  allowHint: 'Your browser asks first. Nothing is recorded until you press Record.',
  microphone: 'Microphone',
  camera: 'Camera',
  unnamedDevice: (kind, n) => (kind === 'video' ? `Camera ${n}` : `Microphone ${n}`),
  level: 'Microphone level',
  preview: 'Camera preview',
  record: (kind) => (kind === 'video' ? 'Record video' : 'Record audio'),
  countdown: (seconds) => `Recording in ${seconds}…`,
  cancel: 'Cancel',
  state: { recording: 'Recording', paused: 'Paused', stopped: 'Recording stopped' },
  pause: 'Pause',
  resume: 'Resume',
  stop: 'Stop',
  elapsed: (elapsed, limit) => (limit ? `${elapsed} of ${limit}` : elapsed),
  limitReached: 'Time is up: the recording has stopped.',
  sentWhileRecording: (size) => `${size} already sent while you record`,
  sending: (percent) => `Sending your take: ${percent}`,
  sent: 'Your take is on the server.',
  waitingForNetwork: 'Offline: the take is kept here and will be sent when the connection is back.',
  takeLabel: 'Your take',
  recordAgain: 'Record again',
  useTake: 'Use this take',
  errors: {
    denied:
      'The browser was not allowed to use the microphone or camera. Allow it from the icon at the left of the address bar (site settings), then try again.',
    noDevice: (kind) => (kind === 'video' ? 'No camera was found on this device.' : 'No microphone was found on this device.'),
    inUse: 'The microphone or camera is in use by another app or tab. Close it, then try again.',
    insecure: 'Recording only works on a secure page (https).',
    unsupported: 'This browser cannot record here.',
    failed: 'The recording stopped unexpectedly.',
    fallback: 'You can record with another app and choose the file instead.',
    tryAgain: 'Try again',
  },
};
