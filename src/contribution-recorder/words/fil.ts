import type { RecorderWords } from './words.js';

export const fil: RecorderWords = {
  regionLabel: (title) => `I-record ang iyong sagot: ${title}`,
  loading: 'Nilo-load ang panawagan…',
  asking: (kind) =>
    kind === 'video'
      ? 'Payagan ang camera at mikropono sa tanong ng iyong browser…'
      : 'Payagan ang mikropono sa tanong ng iyong browser…',
  promptLabel: 'Ang hinihingi ng panawagan',
  allow: (kind) => (kind === 'video' ? 'Buksan ang camera at mikropono' : 'Buksan ang mikropono'),
  allowHint: 'Magtatanong muna ang iyong browser. Walang nire-record hangga’t hindi mo pinipindot ang I-record.',
  microphone: 'Mikropono',
  camera: 'Camera',
  unnamedDevice: (kind, n) => (kind === 'video' ? `Camera ${n}` : `Mikropono ${n}`),
  level: 'Lakas ng mikropono',
  preview: 'Preview ng camera',
  record: (kind) => (kind === 'video' ? 'I-record ang video' : 'I-record ang audio'),
  countdown: (seconds) => `Magre-record sa loob ng ${seconds}…`,
  cancel: 'Kanselahin',
  state: { recording: 'Nagre-record', paused: 'Naka-pause', stopped: 'Huminto ang pag-record' },
  pause: 'I-pause',
  resume: 'Ituloy',
  stop: 'Ihinto',
  elapsed: (elapsed, limit) => (limit ? `${elapsed} sa ${limit}` : elapsed),
  limitReached: 'Ubos na ang oras: huminto na ang pag-record.',
  sentWhileRecording: (size) => `${size} na ang naipadala habang nagre-record ka`,
  sending: (percent) => `Ipinapadala ang iyong recording: ${percent}`,
  sent: 'Nasa server na ang iyong recording.',
  waitingForNetwork: 'Offline: nakatabi rito ang recording at ipapadala pagbalik ng koneksyon.',
  takeLabel: 'Ang iyong recording',
  recordAgain: 'Mag-record ulit',
  useTake: 'Gamitin ang recording na ito',
  errors: {
    denied:
      'Hindi pinayagan ang browser na gamitin ang mikropono o camera. Payagan ito mula sa icon sa tabi ng address bar (site settings), saka subukan ulit.',
    noDevice: (kind) =>
      kind === 'video' ? 'Walang nakitang camera sa device na ito.' : 'Walang nakitang mikropono sa device na ito.',
    inUse: 'Ginagamit ng ibang app o tab ang mikropono o camera. Isara iyon, saka subukan ulit.',
    insecure: 'Gumagana lang ang pag-record sa secure na page (https).',
    unsupported: 'Hindi makakapag-record ang browser na ito rito.',
    failed: 'Biglang huminto ang pag-record.',
    fallback: 'Puwede kang mag-record gamit ang ibang app at piliin ang file.',
    tryAgain: 'Subukan ulit',
  },
};
