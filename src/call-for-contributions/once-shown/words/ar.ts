import type { AnswerRegionWords } from './words.js';

export const ar: AnswerRegionWords = {
  heading: () => 'مشاركتك',
  elsewhere: 'شارك في هذه الدعوة على موقع المشروع',
  loadingForm: 'جارٍ تحميل نموذج المشاركة…',
  close: 'إغلاق',
};
