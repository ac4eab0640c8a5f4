import type { AnswerRegionWords } from './words.js';

export const hi: AnswerRegionWords = {
  heading: () => 'आपका जवाब',
  elsewhere: 'इस आमंत्रण का जवाब प्रोजेक्ट की साइट पर दें',
  loadingForm: 'जवाब का फ़ॉर्म लोड हो रहा है…',
  close: 'बंद करें',
};
