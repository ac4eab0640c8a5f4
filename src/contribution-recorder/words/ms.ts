import type { RecorderWords } from './words.js';

// Bahasa Melayu, for the recorder.
export const ms: RecorderWords = {
  regionLabel: (title) => `Rakam jawapan anda: ${title}`,
  loading: 'Memuatkan panggilan…',
  asking: (kind) =>
    kind === 'video' ? 'Benarkan kamera dan mikrofon pada gesaan pelayar anda…' : 'Benarkan mikrofon pada gesaan pelayar anda…',
  promptLabel: 'Panggilan ini meminta',
  allow: (kind) => (kind === 'video' ? 'Hidupkan kamera dan mikrofon' : 'Hidupkan mikrofon'),
  allowHint: 'Pelayar anda akan bertanya dahulu. Tiada apa yang dirakam sehingga anda menekan Rakam.',
  microphone: 'Mikrofon',
  camera: 'Kamera',
  unnamedDevice: (kind, n) => (kind === 'video' ? `Kamera ${n}` : `Mikrofon ${n}`),
  level: 'Paras mikrofon',
  preview: 'Pratonton kamera',
  record: (kind) => (kind === 'video' ? 'Rakam video' : 'Rakam audio'),
  countdown: (seconds) => `Merakam dalam ${seconds}…`,
  cancel: 'Batalkan',
  state: { recording: 'Sedang merakam', paused: 'Dijeda', stopped: 'Rakaman dihentikan' },
  pause: 'Jeda',
  resume: 'Sambung',
  stop: 'Henti',
  elapsed: (elapsed, limit) => (limit ? `${elapsed} daripada ${limit}` : elapsed),
  limitReached: 'Masa tamat: rakaman telah dihentikan.',
  sentWhileRecording: (size) => `${size} sudah dihantar semasa anda merakam`,
  sending: (percent) => `Menghantar rakaman anda: ${percent}`,
  sent: 'Rakaman anda sudah berada di pelayan.',
  waitingForNetwork: 'Luar talian: rakaman disimpan di sini dan akan dihantar apabila sambungan pulih.',
  takeLabel: 'Rakaman anda',
  recordAgain: 'Rakam semula',
  useTake: 'Guna rakaman ini',
  errors: {
    denied:
      'Pelayar tidak dibenarkan menggunakan mikrofon atau kamera. Benarkan melalui ikon di sebelah bar alamat (tetapan laman), kemudian cuba lagi.',
    noDevice: (kind) =>
      kind === 'video' ? 'Tiada kamera ditemui pada peranti ini.' : 'Tiada mikrofon ditemui pada peranti ini.',
    inUse: 'Mikrofon atau kamera sedang digunakan oleh aplikasi atau tab lain. Tutup aplikasi atau tab itu, kemudian cuba lagi.',
    insecure: 'Rakaman hanya berfungsi pada halaman selamat (https).',
    unsupported: 'Pelayar ini tidak boleh merakam di sini.',
    failed: 'Rakaman terhenti secara tiba-tiba.',
    fallback: 'Anda boleh merakam dengan aplikasi lain, kemudian pilih fail itu.',
    tryAgain: 'Cuba lagi',
  },
};
