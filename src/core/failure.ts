import { loadOnce } from './load.js';

/**
 * A failure as the widgets show it: words for the visitor. The request, its status and what the
 * backend said are for the site's developer, in one line of the console.
 */
export interface Failure {
  message: string;
}

/** No `api`, `source` or `callData`: a set-up mistake, explained in the widget itself. */
export class MissingBackend extends Error {}

const loadWording = loadOnce('the words for failures', () => import('../failure-words/failure-words.js'));

/**
 * The one way a widget words a failed load, in its language. The words arrive with the first
 * failure: a page where nothing fails never downloads them. When they cannot be had either
 * (offline), the message is `fallback`, and each widget's own heading still says what failed.
 */
export async function describeFailure(error: unknown, lang: string, fallback = ''): Promise<Failure> {
  const wording = await loadWording();
  return wording ? wording.describeFailure(error, lang) : { message: fallback };
}

/** Warns that another version defined `tag` first (see define.ts), in words that come with the failures'. */
export function warnTwoVersions(tag: string, version: string, other: string | undefined): void {
  void loadWording().then((wording) => wording?.warnTwoVersions(tag, version, other));
}
