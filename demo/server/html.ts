import type { Call, CallTranslation } from '../../src/api/types.js';

/** Text or an attribute value made safe inside HTML: a call's title is the organiser's words, not markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * The translation of a call that best fits `lang`: the tag itself, then the tag shortened
 * (`zh-Hans-CN` → `zh-Hans` → `zh`), then any translation in the same language (`ms` for
 * `ms-MY`, `pt-PT` for `pt-BR`). Undefined when none fits: the call's own words are shown.
 */
export function bestTranslation(call: Pick<Call, 'translations'>, lang: string | undefined) {
  const translations = call.translations;
  if (!lang || !translations) return undefined;
  const keys = Object.keys(translations);
  const find = (tag: string) => keys.find((k) => k.toLowerCase() === tag.toLowerCase());
  const parts = lang.split('-');
  for (let n = parts.length; n > 0; n--) {
    const key = find(parts.slice(0, n).join('-'));
    if (key) return { lang: key, ...translations[key] };
  }
  const primary = parts[0].toLowerCase();
  const sameLanguage = keys.find((k) => k.split('-')[0].toLowerCase() === primary);
  return sameLanguage ? { lang: sameLanguage, ...translations[sameLanguage] } : undefined;
}

/** A call's title and summary in `lang` where it has them, and the language they are in (when known). */
export function callWords(
  call: Call,
  lang: string | undefined,
): Required<Pick<CallTranslation, 'title' | 'summary'>> & { lang?: string } {
  const translation = bestTranslation(call, lang);
  return {
    title: translation?.title ?? call.title,
    summary: translation?.summary ?? call.summary,
    ...(translation && (translation.title || translation.summary) ? { lang: translation.lang } : {}),
  };
}
