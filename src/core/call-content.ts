import type { Call } from '../api/types.js';
import { primaryLanguage } from './words.js';

/**
 * One of a call's texts in the language the widget shows (`locale`, from Formats): the
 * translation with that very tag, else one of the same language (`ms-MY` → `ms`, `zh-Hans-CN`
 * → `zh`), else the call's own words. As a translation is always in the widget's language, the
 * widget's own `lang` marks it; a field it leaves out is the call's own.
 */
export function callText(call: Call, field: 'title' | 'summary' | 'description', locale: string): string {
  const tags = Object.keys(call.translations ?? {});
  const tag =
    tags.find((t) => t.toLowerCase() === locale.toLowerCase()) ??
    tags.find((t) => primaryLanguage(t) === primaryLanguage(locale));
  return (tag && call.translations?.[tag]?.[field]) || call[field];
}

/**
 * Text of another direction inside a sentence (an English title in an Arabic one, an Arabic
 * title in an English one), between Unicode's isolate marks: the `<bdi>` of a string, for words
 * that are not an element of their own.
 */
export const isolated = (text: string): string => `\u2068${text}\u2069`;
