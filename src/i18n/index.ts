import { enclosing } from '../dom.js';
import type { Strings } from './strings.js';
import { en } from './en.js';
import { languages, primaryLanguage, StringTable, type Language } from './table.js';

export type { RecorderStrings, Strings, UploaderStrings } from './strings.js';
export { StringTable } from './table.js';

/** The words every widget uses: the list of calls, states, failures, kinds of contribution. */
export const widgetStrings = new StringTable<Strings>(en, { ms: () => import('./ms.js').then((m) => m.ms) });

/**
 * The language an element speaks: its own `lang`, else the configured one, else the nearest
 * `lang` up the DOM (across shadow roots: a widget inside another widget inherits it), else
 * the browser's, else English.
 */
export function resolveLang(element: Element, configured?: string): string {
  const own = element.getAttribute('lang');
  if (own) return own;
  if (configured) return configured;
  return enclosing(element, (e) => Boolean(e.getAttribute('lang')))?.getAttribute('lang') || navigator.language || 'en';
}

/** The locale Intl formats with: the UI's language when it has a table, so words and numbers agree. */
export function formatLocale(lang: string): string {
  const primary = primaryLanguage(lang);
  if (!languages.includes(primary as Language)) return 'en';
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? primary;
  } catch {
    return primary;
  }
}
