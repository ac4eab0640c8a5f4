import type { ReviewWords } from './words.js';

const rules = new Intl.PluralRules('ar');
const plural = (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  forms[rules.select(n)] ?? forms.other;

export const ar: ReviewWords = {
  label: 'مساهمات للمراجعة',
  loading: 'جارٍ تحميل المساهمات…',
  loadMore: 'عرض المزيد من المساهمات',
  loadingMore: 'جارٍ تحميل المزيد من المساهمات…',
  retry: 'أعد المحاولة',
  empty: 'لا توجد مساهمات تطابق عوامل التصفية هذه.',
  errorTitle: 'تعذّر تحميل المساهمات.',
  forbiddenTitle: 'هذا الرمز غير مسموح به هنا.',
  forbidden: 'رمز المنظِّم هذا لا يشمل هذه المساهمات. اطلب رمزًا لهذه الحملة.',
  noToken: 'تطلب الخدمة رمز منظِّم: اضبط الخاصية headers على { Authorization: "Bearer …" }.',
  shown: (count, n) =>
    plural(n, {
      one: 'تُعرض مساهمة واحدة',
      two: 'تُعرض مساهمتان',
      few: `تُعرض ${count} مساهمات`,
      other: `تُعرض ${count} مساهمة`,
    }),
  filters: 'التصفية',
  callFilter: 'الدعوة',
  everyCall: 'كل الدعوات',
  statusFilter: 'الحالة',
  status: { received: 'بانتظار المراجعة', published: 'منشورة', rejected: 'مرفوضة' },
  exportZip: (title) => `تنزيل الملفات المنشورة لـ«${title}» (zip)`,
  exporting: 'جارٍ تجهيز ملف zip…',
  exportFailed: 'تعذّر تنزيل ملف zip.',
  untitled: 'بلا عنوان',
  creditName: 'الاسم في الشكر',
  email: 'البريد الإلكتروني',
  noEmail: 'لم يُذكر',
  language: 'اللغة',
  consentLabel: 'الموافقة',
  consent: (version, date) => `الشروط ${version}، قُبلت في ${date}`,
  buildsOn: 'مبنية على',
  basedOnTitle: (title, creditName) => `«${title}» بواسطة ${creditName}`,
  basedOnId: (id) => `المشاركة ${id}`,
  receivedLabel: 'تاريخ الاستلام',
  publish: 'نشر',
  reject: 'رفض',
  undo: 'تراجع',
  pending: (status, s) => `${status === 'published' ? 'سيُنشر' : 'سيُرفض'} خلال ${s} ث…`,
  decided: (status, title) => `${status === 'published' ? 'نُشرت' : 'رُفضت'} «${title}».`,
  undone: (title) => `أُلغي القرار بشأن «${title}».`,
  decisionFailed: (title, reason) => `لم يُحفظ القرار بشأن «${title}»: ${reason}`,
  shortcuts: 'لوحة المفاتيح: الأسهم للتنقل بين المساهمات؛ P للنشر، R للرفض، U للتراجع.',
  media: { image: 'صورة', audio: 'صوت', video: 'فيديو' },
};
