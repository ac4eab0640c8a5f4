import { enclosing } from './dom.js';
import type { ListWords } from '../call-for-contributions/words/words.js';
import type { AnswerRegionWords } from '../call-for-contributions/once-shown/words/words.js';
import type { UploaderWords } from '../contribution-uploader/words/words.js';
import type { RecorderWords } from '../contribution-recorder/words/words.js';
import type { GalleryWords } from '../contribution-gallery/words/words.js';
import type { ReviewWords } from '../contribution-review/words/words.js';
import type { FailureWords } from '../failure-words/words/words.js';

/** The languages the widgets speak. Every table must have each of them: a missing one is a type error. */
export type Language = 'en' | 'ms' | 'fr' | 'es' | 'pt' | 'de' | 'hi' | 'zh' | 'fil' | 'ar';
export const languages: readonly string[] = ['en', 'ms', 'fr', 'es', 'pt', 'de', 'hi', 'zh', 'fil', 'ar'];

/** Each table of words, by the element (or part) that says them: what `registerWords` takes. */
export interface WordsOf {
  'call-for-contributions': ListWords;
  /** The region under a list's call that holds its answer form. */
  'call-for-contributions/answer': AnswerRegionWords;
  'contribution-uploader': UploaderWords;
  'contribution-recorder': RecorderWords;
  'contribution-gallery': GalleryWords;
  'contribution-review': ReviewWords;
  /** Why a widget could not load what it shows. */
  failures: FailureWords;
}
export type WordTableName = keyof WordsOf;

/** The part of a BCP 47 tag that picks a table: `ms-MY` speaks from `ms`, `tl` (Tagalog) from `fil`. */
export const primaryLanguage = (lang: string): string => {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  return primary === 'tl' ? 'fil' : primary;
};

/** The languages spoken: the built-in ones, then those a page added with `registerWords`. */
const spoken = [...languages];
/** Words a page added or changed with `registerWords`, by table, then language. */
const registered = new Map<string, Map<string, object>>();

/** The language a widget asked for `lang` shows: the nearest it speaks (`pt-BR` → `pt`), else English. */
export function nearestLanguage(lang: string): string {
  const primary = primaryLanguage(lang);
  return spoken.includes(primary) ? primary : 'en';
}

/**
 * One set of words in every language the widgets speak. English is always here; another
 * language's table is fetched the first time a widget on the page speaks it (through one lazy
 * index of every table's languages, so the list's own code names none), and a page downloads
 * only the languages it shows.
 */
export class WordTable<T> {
  readonly #arrived = new Map<string, T>();
  readonly #arriving = new Map<string, Promise<void>>();

  constructor(
    readonly name: WordTableName,
    english: T,
  ) {
    this.#arrived.set('en', english);
  }

  /** The words for `lang`: its own (with what the page registered) once they have arrived, else English. */
  get(lang: string): T {
    const shown = nearestLanguage(lang);
    const own = this.#arrived.get(shown) ?? (this.#arrived.get('en') as T);
    const changed = registered.get(this.name)?.get(shown);
    return changed ? { ...own, ...changed } : own;
  }

  /** Settles when `get(lang)` has the language's own words; undefined when it already has (or never will). */
  load(lang: string): Promise<void> | undefined {
    const shown = nearestLanguage(lang);
    // A language a page added has only the words it registered: there is no file to fetch.
    if (this.#arrived.has(shown) || !languages.includes(shown)) return undefined;
    let arriving = this.#arriving.get(shown);
    if (!arriving) {
      arriving = import('./languages.js')
        .then((index) => index.wordsFor(this.name, shown))
        .then(
          (table) => void this.#arrived.set(shown, table as T),
          // A table that cannot be fetched (offline, a missing file on a CDN) leaves English
          // in its place rather than a widget that never renders.
          (error: unknown) => console.warn(`open-call-widgets: the "${shown}" words could not be loaded`, error),
        );
      this.#arriving.set(shown, arriving);
    }
    return arriving;
  }
}

/**
 * Adds a language, or changes some words of one the widgets speak, without forking: a new
 * language needs every word of the table (a missing one is a type error); a language the widgets
 * already speak takes only the words to change. Call it before the widgets show. The language is
 * its primary subtag (`sw`, not `sw-KE`), as a widget's `lang` picks it.
 *
 * @example registerWords('sw', 'call-for-contributions', { callsLabel: 'Miito wazi', … })
 */
export function registerWords<E extends WordTableName>(lang: Language, table: E, words: Partial<WordsOf[E]>): void;
export function registerWords<E extends WordTableName>(lang: string, table: E, words: WordsOf[E]): void;
export function registerWords(lang: string, table: WordTableName, words: object): void {
  const primary = primaryLanguage(lang);
  if (!spoken.includes(primary)) spoken.push(primary);
  let tables = registered.get(table);
  if (!tables) registered.set(table, (tables = new Map()));
  tables.set(primary, { ...tables.get(primary), ...words });
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

/**
 * The language a widget shows, as the tag its text is marked with and Intl formats with: the
 * asked-for tag when its language is spoken (`ms-MY`), else the nearest spoken (`tl` → `fil`,
 * `sv` → `en`), so words, numbers and `lang` agree.
 */
export function formatLocale(lang: string): string {
  const shown = nearestLanguage(lang);
  if (shown !== lang.toLowerCase().split('-')[0]) return shown;
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? shown;
  } catch {
    return shown;
  }
}
