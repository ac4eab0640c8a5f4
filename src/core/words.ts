import { enclosing } from './dom.js';

/** The languages the widgets speak. Every table must have each of them: a missing one is a type error. */
export type Language = 'en' | 'ms';
export const languages: readonly Language[] = ['en', 'ms'];

/** The part of a BCP 47 tag that picks a table: `ms-MY` speaks from `ms`. */
export const primaryLanguage = (lang: string): string => lang.toLowerCase().split('-')[0] ?? '';

/**
 * One set of words in every language the widgets speak. English is always here; another
 * language's table is fetched the first time a widget on the page speaks it, so a page
 * downloads only the languages it shows.
 */
export class WordTable<T> {
  readonly #arrived = new Map<string, T>();
  readonly #arriving = new Map<string, Promise<void>>();
  readonly #english: T;
  readonly #translations: Record<Exclude<Language, 'en'>, () => Promise<T>>;

  constructor(english: T, translations: Record<Exclude<Language, 'en'>, () => Promise<T>>) {
    this.#english = english;
    this.#translations = translations;
  }

  /** The words for `lang`: its own table once it has arrived, else English. */
  get(lang: string): T {
    return this.#arrived.get(primaryLanguage(lang)) ?? this.#english;
  }

  /** Settles when `get(lang)` has the language's own words; undefined when it already has (or never will). */
  load(lang: string): Promise<void> | undefined {
    const primary = primaryLanguage(lang);
    if (primary === 'en' || !languages.includes(primary as Language) || this.#arrived.has(primary)) return undefined;
    const fetchTable = this.#translations[primary as Exclude<Language, 'en'>];
    let arriving = this.#arriving.get(primary);
    if (!arriving) {
      arriving = fetchTable().then(
        (table) => void this.#arrived.set(primary, table),
        // A table that cannot be fetched (offline, a missing file on a CDN) leaves English
        // in its place rather than a widget that never renders.
        (error: unknown) => console.warn(`open-call-widgets: the "${primary}" words could not be loaded`, error),
      );
      this.#arriving.set(primary, arriving);
    }
    return arriving;
  }
}

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
