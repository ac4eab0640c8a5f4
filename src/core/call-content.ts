import type { Call } from '../api/types.js';
import { primaryLanguage } from './words.js';

/** A call's title, summary and description as a widget shows them, and the language each is in. */
export interface CallContent {
  title: string;
  summary: string;
  description: string;
  /** The BCP 47 tag of the translation each field comes from; undefined for the call's own words. */
  lang: { title?: string; summary?: string; description?: string };
}

/**
 * The call in the language nearest `lang`: the translation with that very tag, else one of the
 * same language (`ms-MY` → `ms`, `zh-Hans-CN` → `zh`), else the call's own words. A field the
 * translation leaves out is the call's own.
 */
export function callContent(call: Call, lang: string): CallContent {
  const tags = Object.keys(call.translations ?? {});
  const tag =
    tags.find((t) => t.toLowerCase() === lang.toLowerCase()) ?? tags.find((t) => primaryLanguage(t) === primaryLanguage(lang));
  const translation = tag ? call.translations?.[tag] : undefined;
  const content: CallContent = { title: call.title, summary: call.summary, description: call.description, lang: {} };
  for (const field of ['title', 'summary', 'description'] as const) {
    const text = translation?.[field];
    if (text) [content[field], content.lang[field]] = [text, tag];
  }
  return content;
}

/**
 * Text of another direction inside a sentence (an English title in an Arabic one, an Arabic
 * title in an English one), between Unicode's isolate marks: the `<bdi>` of a string, for words
 * that are not an element of their own.
 */
export const isolated = (text: string): string => `\u2068${text}\u2069`;
