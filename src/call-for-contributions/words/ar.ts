import type { ListWords } from './words.js';

// العربية. Arabic has six plural forms (zero, one, two, few, many, other): Intl.PluralRules picks one.
const rules = new Intl.PluralRules('ar');
const plural = (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  forms[rules.select(n)] ?? forms.other;

export const ar: ListWords = {
  callsLabel: 'الدعوات المفتوحة',
  loading: 'جارٍ تحميل الدعوات…',
  callsShown: (count, n) =>
    plural(n, {
      one: 'تُعرض دعوة واحدة',
      two: 'تُعرض دعوتان',
      few: `تُعرض ${count} دعوات`,
      other: `تُعرض ${count} دعوة`,
    }),
  empty: 'لا توجد دعوات مفتوحة الآن. عُد قريبًا، فالدعوات الجديدة تُفتح كثيرًا.',
  emptyFiltered: 'لا توجد دعوة مفتوحة تطابق هذا الآن. عُد قريبًا، فالدعوات الجديدة تُفتح كثيرًا.',
  loadMore: 'عرض المزيد من الدعوات',
  allShown: 'هذه كل الدعوات المتاحة حاليًا.',
  loadingMore: 'جارٍ تحميل المزيد من الدعوات…',
  retry: 'أعد المحاولة',
  errorTitle: 'تعذّر تحميل الدعوات',
  status: { open: 'مفتوحة', upcoming: 'تُفتح قريبًا', closed: 'مغلقة' },
  kind: { text: 'نص', image: 'صورة', audio: 'صوت', video: 'فيديو' },
  acceptsLabel: 'تقبل',
  upToCharacters: (count) => `حتى ${count} حرف`,
  upToDuration: (duration) => `حتى ${duration}`,
  maxSize: (size) => `الحد الأقصى ${size}`,
  upToFiles: (count, n) => plural(n, { one: 'ملف واحد', two: 'حتى ملفين', few: `حتى ${count} ملفات`, other: `حتى ${count} ملف` }),
  languagesLabel: 'اللغات',
  deadlineLabel: 'آخر موعد',
  opensLabel: 'تُفتح',
  closesRelative: (relative) => `تُغلق ${relative}`,
  closedRelative: (relative) => `أُغلقت ${relative}`,
  opensRelative: (relative) => `تُفتح ${relative}`,
  contributions: (count, n) =>
    plural(n, {
      zero: 'لا مساهمات بعد',
      one: 'مساهمة واحدة',
      two: 'مساهمتان',
      few: `${count} مساهمات`,
      other: `${count} مساهمة`,
    }),
  partOf: 'جزء من',
  aboutCall: 'عن هذه الدعوة',
  contribute: 'شارك',
  answerUnavailable: 'تعذّر تحميل نموذج المشاركة. تحقّق من اتصالك، ثم أعد تحميل الصفحة.',
  notAnswerable: {
    upcoming: 'هذه الدعوة لم تُفتح بعد.',
    closed: 'أُغلقت هذه الدعوة. شكرًا لكل من شارك.',
  },
};
