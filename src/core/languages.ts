import type { Language, WordsOf, WordTableName } from './words.js';

/**
 * Where every table's words in each language other than English are: loaded the first time a
 * widget speaks a language that is not English, so the list's own code names no language file.
 * A table or language missing here is a type error.
 */
const tables: { [E in WordTableName]: { [L in Exclude<Language, 'en'>]: () => Promise<Record<L, WordsOf[E]>> } } = {
  'call-for-contributions': {
    ms: () => import('../call-for-contributions/words/ms.js'),
    fr: () => import('../call-for-contributions/words/fr.js'),
    es: () => import('../call-for-contributions/words/es.js'),
    pt: () => import('../call-for-contributions/words/pt.js'),
    de: () => import('../call-for-contributions/words/de.js'),
    hi: () => import('../call-for-contributions/words/hi.js'),
    zh: () => import('../call-for-contributions/words/zh.js'),
    fil: () => import('../call-for-contributions/words/fil.js'),
    ar: () => import('../call-for-contributions/words/ar.js'),
  },
  'call-for-contributions/answer': {
    ms: () => import('../call-for-contributions/once-shown/words/ms.js'),
    fr: () => import('../call-for-contributions/once-shown/words/fr.js'),
    es: () => import('../call-for-contributions/once-shown/words/es.js'),
    pt: () => import('../call-for-contributions/once-shown/words/pt.js'),
    de: () => import('../call-for-contributions/once-shown/words/de.js'),
    hi: () => import('../call-for-contributions/once-shown/words/hi.js'),
    zh: () => import('../call-for-contributions/once-shown/words/zh.js'),
    fil: () => import('../call-for-contributions/once-shown/words/fil.js'),
    ar: () => import('../call-for-contributions/once-shown/words/ar.js'),
  },
  'contribution-uploader': {
    ms: () => import('../contribution-uploader/words/ms.js'),
    fr: () => import('../contribution-uploader/words/fr.js'),
    es: () => import('../contribution-uploader/words/es.js'),
    pt: () => import('../contribution-uploader/words/pt.js'),
    de: () => import('../contribution-uploader/words/de.js'),
    hi: () => import('../contribution-uploader/words/hi.js'),
    zh: () => import('../contribution-uploader/words/zh.js'),
    fil: () => import('../contribution-uploader/words/fil.js'),
    ar: () => import('../contribution-uploader/words/ar.js'),
  },
  'contribution-recorder': {
    ms: () => import('../contribution-recorder/words/ms.js'),
    fr: () => import('../contribution-recorder/words/fr.js'),
    es: () => import('../contribution-recorder/words/es.js'),
    pt: () => import('../contribution-recorder/words/pt.js'),
    de: () => import('../contribution-recorder/words/de.js'),
    hi: () => import('../contribution-recorder/words/hi.js'),
    zh: () => import('../contribution-recorder/words/zh.js'),
    fil: () => import('../contribution-recorder/words/fil.js'),
    ar: () => import('../contribution-recorder/words/ar.js'),
  },
  'contribution-gallery': {
    ms: () => import('../contribution-gallery/words/ms.js'),
    fr: () => import('../contribution-gallery/words/fr.js'),
    es: () => import('../contribution-gallery/words/es.js'),
    pt: () => import('../contribution-gallery/words/pt.js'),
    de: () => import('../contribution-gallery/words/de.js'),
    hi: () => import('../contribution-gallery/words/hi.js'),
    zh: () => import('../contribution-gallery/words/zh.js'),
    fil: () => import('../contribution-gallery/words/fil.js'),
    ar: () => import('../contribution-gallery/words/ar.js'),
  },
  'contribution-review': {
    ms: () => import('../contribution-review/words/ms.js'),
    fr: () => import('../contribution-review/words/fr.js'),
    es: () => import('../contribution-review/words/es.js'),
    pt: () => import('../contribution-review/words/pt.js'),
    de: () => import('../contribution-review/words/de.js'),
    hi: () => import('../contribution-review/words/hi.js'),
    zh: () => import('../contribution-review/words/zh.js'),
    fil: () => import('../contribution-review/words/fil.js'),
    ar: () => import('../contribution-review/words/ar.js'),
  },
  failures: {
    ms: () => import('../failure-words/words/ms.js'),
    fr: () => import('../failure-words/words/fr.js'),
    es: () => import('../failure-words/words/es.js'),
    pt: () => import('../failure-words/words/pt.js'),
    de: () => import('../failure-words/words/de.js'),
    hi: () => import('../failure-words/words/hi.js'),
    zh: () => import('../failure-words/words/zh.js'),
    fil: () => import('../failure-words/words/fil.js'),
    ar: () => import('../failure-words/words/ar.js'),
  },
};

/** The words of `table` in `lang`, a language the widgets speak other than English. */
export async function wordsFor(table: WordTableName, lang: string): Promise<unknown> {
  const language = lang as Exclude<Language, 'en'>;
  const module: Record<string, unknown> = await tables[table][language]();
  return module[language];
}
