import type { GalleryWords } from './words.js';

const rules = new Intl.PluralRules('hi');
const one = (n: number) => rules.select(n) === 'one';

export const hi: GalleryWords = {
  label: 'योगदान',
  loading: 'योगदान लोड हो रहे हैं…',
  loadingMore: 'और योगदान लोड हो रहे हैं…',
  loadMore: 'और योगदान देखें',
  retry: 'फिर से कोशिश करें',
  empty: 'यहाँ अभी तक कुछ प्रकाशित नहीं हुआ है। सबसे पहले योगदान आप दें!',
  errorTitle: 'योगदान दिखाए नहीं जा सके।',
  shown: (count, n) => (one(n) ? `${count} योगदान दिखाया गया` : `${count} योगदान दिखाए गए`),
  answers: (title) => `“${title}” के जवाब में`,
  untitled: 'बिना शीर्षक',
  by: (name) => `${name} द्वारा`,
  license: (license) => `लाइसेंस: ${license}`,
  buildsOn: 'इस पर आधारित',
  buildsOnOther: (n) => (one(n) ? 'एक और योगदान' : `${n} और योगदान`),
  published: (date) => `${date} को प्रकाशित`,
  buildOnThis: 'इसे आगे बढ़ाएँ',
  buildOnThisLabel: (title, name) => `इसे आगे बढ़ाएँ: ${name} का “${title}”`,
  closeForm: 'बंद करें',
  formHeading: (title, name) => `${name} के “${title}” को आगे बढ़ाएँ`,
  formUnavailable: 'जवाब का फ़ॉर्म लोड नहीं हो सका। अपना कनेक्शन जाँचें, फिर दोबारा कोशिश करें।',
  keyboardHint: 'योगदानों के बीच जाने के लिए तीर वाली कुंजियों का इस्तेमाल करें।',
  media: { image: 'चित्र', audio: 'ऑडियो', video: 'वीडियो' },
};
