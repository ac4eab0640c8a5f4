import type { FailureWords } from './words.js';

export const ms: FailureWords = {
  unreachable: 'Kami tidak dapat menghubungi perkhidmatan panggilan terbuka. Semak sambungan anda, kemudian cuba lagi.',
  timeout: 'Panggilan terbuka mengambil masa terlalu lama untuk tiba. Cuba lagi sebentar lagi.',
  notFound: 'Panggilan ini tidak wujud, atau tidak lagi diterbitkan.',
  problem: 'Perkhidmatan panggilan terbuka menghadapi masalah. Cuba lagi sebentar lagi.',
  invalid:
    'Panggilan terbuka tiba dalam bentuk yang tidak dapat dibaca oleh halaman ini. Pemilik laman web telah dimaklumkan dalam konsol pelayar.',
  noBackend: 'Widget ini tiada perkhidmatan untuk dihubungi: tetapkan atribut api (atau sifat source).',
  notAllowed:
    'Laman web ini tidak dibenarkan memaparkan panggilan ini. Pemilik laman web telah dimaklumkan dalam konsol pelayar.',
};
