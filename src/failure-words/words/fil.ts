import type { FailureWords } from './words.js';

export const fil: FailureWords = {
  unreachable: 'Hindi maabot ang serbisyo ng mga panawagan. Tingnan ang iyong koneksyon, saka subukan ulit.',
  timeout: 'Masyadong matagal dumating ang mga panawagan. Subukan ulit mamaya.',
  notFound: 'Wala ang panawagang ito, o hindi na ito nakalathala.',
  problem: 'Nagka-problema ang serbisyo ng mga panawagan. Subukan ulit mamaya.',
  invalid:
    'Dumating ang mga panawagan sa anyong hindi mabasa ng page na ito. Sinabihan na ang may-ari ng site sa console ng browser.',
  noBackend: 'Walang serbisyong matatanungan ang widget na ito: itakda ang api attribute nito (o ang source property).',
  notAllowed:
    'Hindi pinapayagan ang site na ito na ipakita ang mga panawagang ito. Sinabihan na ang may-ari ng site sa console ng browser.',
};
