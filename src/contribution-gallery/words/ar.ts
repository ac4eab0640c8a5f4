import type { GalleryWords } from './words.js';

const rules = new Intl.PluralRules('ar');
const plural = (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  forms[rules.select(n)] ?? forms.other;

export const ar: GalleryWords = {
  label: 'المساهمات',
  loading: 'جارٍ تحميل المساهمات…',
  loadingMore: 'جارٍ تحميل المزيد من المساهمات…',
  loadMore: 'عرض المزيد من المساهمات',
  retry: 'أعد المحاولة',
  empty: 'لم يُنشر شيء هنا بعد. كن أول من يشارك!',
  errorTitle: 'تعذّر عرض المساهمات.',
  shown: (count, n) =>
    plural(n, {
      one: 'تُعرض مساهمة واحدة',
      two: 'تُعرض مساهمتان',
      few: `تُعرض ${count} مساهمات`,
      other: `تُعرض ${count} مساهمة`,
    }),
  answers: (title) => `ردًّا على «${title}»`,
  untitled: 'بلا عنوان',
  by: (name) => `بواسطة ${name}`,
  license: (license) => `الترخيص: ${license}`,
  buildsOn: 'مبنية على',
  buildsOnOther: (n) =>
    plural(n, { one: 'مساهمة أخرى', two: 'مساهمتين أخريين', few: `${n} مساهمات أخرى`, other: `${n} مساهمة أخرى` }),
  published: (date) => `نُشرت في ${date}`,
  buildOnThis: 'ابنِ على هذه',
  buildOnThisLabel: (title, name) => `ابنِ على هذه: «${title}» لـ${name}`,
  closeForm: 'إغلاق',
  formHeading: (title, name) => `البناء على «${title}» لـ${name}`,
  formUnavailable: 'تعذّر تحميل نموذج المشاركة. تحقّق من اتصالك، ثم أعد المحاولة.',
  keyboardHint: 'استخدم مفاتيح الأسهم للتنقل بين المساهمات.',
  media: { image: 'صورة', audio: 'صوت', video: 'فيديو' },
};
