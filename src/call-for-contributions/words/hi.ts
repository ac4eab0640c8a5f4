import type { ListWords } from './words.js';

// हिन्दी. Hindi counts 0 and 1 as singular: Intl.PluralRules says which.
const rules = new Intl.PluralRules('hi');
const one = (n: number) => rules.select(n) === 'one';

export const hi: ListWords = {
  callsLabel: 'खुले आमंत्रण',
  loading: 'आमंत्रण लोड हो रहे हैं…',
  callsShown: (count, n) => (one(n) ? `${count} आमंत्रण दिखाया गया` : `${count} आमंत्रण दिखाए गए`),
  empty: 'अभी कोई खुला आमंत्रण नहीं है। जल्द फिर आइए: नए आमंत्रण अक्सर खुलते हैं।',
  emptyFiltered: 'अभी यहाँ कोई मेल खाता आमंत्रण नहीं है। जल्द फिर आइए: नए आमंत्रण अक्सर खुलते हैं।',
  loadMore: 'और आमंत्रण देखें',
  allShown: 'अभी के लिए बस इतने ही आमंत्रण हैं।',
  loadingMore: 'और आमंत्रण लोड हो रहे हैं…',
  retry: 'फिर से कोशिश करें',
  errorTitle: 'आमंत्रण लोड नहीं हो सके',
  status: { open: 'खुला', upcoming: 'जल्द खुलेगा', closed: 'बंद' },
  kind: { text: 'लेख', image: 'फ़ोटो या चित्र', audio: 'ऑडियो', video: 'वीडियो' },
  acceptsLabel: 'क्या भेज सकते हैं',
  upToCharacters: (count) => `अधिकतम ${count} अक्षर`,
  upToDuration: (duration) => `अधिकतम ${duration}`,
  maxSize: (size) => `अधिकतम ${size}`,
  upToFiles: (count, n) => (one(n) ? `${count} फ़ाइल` : `अधिकतम ${count} फ़ाइलें`),
  languagesLabel: 'भाषाएँ',
  deadlineLabel: 'अंतिम तिथि',
  opensLabel: 'खुलेगा',
  closesRelative: (relative) => `${relative} बंद होगा`,
  closedRelative: (relative) => `${relative} बंद हुआ`,
  opensRelative: (relative) => `${relative} खुलेगा`,
  contributions: (count) => `${count} योगदान`,
  partOf: 'इसका हिस्सा',
  aboutCall: 'इस आमंत्रण के बारे में',
  contribute: 'भाग लें',
  answerUnavailable: 'जवाब का फ़ॉर्म लोड नहीं हो सका। अपना कनेक्शन जाँचें, फिर पेज दोबारा लोड करें।',
  notAnswerable: {
    upcoming: 'यह आमंत्रण अभी खुला नहीं है।',
    closed: 'यह आमंत्रण बंद हो चुका है। भाग लेने वाले सभी लोगों का धन्यवाद।',
  },
};
