import type { AnswerRegionWords } from './words.js';

export const ar: AnswerRegionWords = {
  heading: (title) => `المشاركة في: ${title}`,
  elsewhere: 'شارك في هذه الدعوة على موقع المشروع',
  close: 'إغلاق',
};
