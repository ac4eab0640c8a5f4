import type { Strings } from './strings.js';
import { en } from './en.js';
import { ms } from './ms.js';

export type { Strings } from './strings.js';

const tables: Record<string, Strings> = { en, ms };

/**
 * The language an element speaks: its own `lang`, else the configured one, else the nearest
 * `lang` up the DOM (across shadow roots: a widget inside another widget inherits it), else
 * the browser's, else English.
 */
export function resolveLang(element: Element, configured?: string): string {
  const own = element.getAttribute('lang');
  if (own) return own;
  if (configured) return configured;
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang') && node.getAttribute('lang'))
      return node.getAttribute('lang') as string;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return navigator.language || 'en';
}

/** The string table for a BCP 47 tag: `ms-MY` uses Malay; an untranslated language uses English. */
export function stringsFor(lang: string): Strings {
  const primary = lang.toLowerCase().split('-')[0];
  return tables[primary] ?? en;
}

/** The locale Intl formats with: the UI's language when it has a table, so words and numbers agree. */
export function formatLocale(lang: string): string {
  const primary = lang.toLowerCase().split('-')[0];
  if (!(primary in tables)) return 'en';
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? primary;
  } catch {
    return primary;
  }
}
