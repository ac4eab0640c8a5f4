import { BackendError } from '../api/request.js';
import { MissingBackend, type Failure } from '../core/failure.js';
import { en } from './words/en.js';
import type { FailureWords } from './words/words.js';
import { WordTable } from '../core/words.js';

/** The words for failures, loaded with the first one (see failure.ts). */
const failureWords = new WordTable<FailureWords>(en, { ms: () => import('./words/ms.js').then((m) => m.ms) });

/**
 * A failed load in words for the visitor, in `lang`. The request, the status and the backend's
 * own words go to the console, in one line for the site's developer: a visitor can do nothing
 * with a URL or a status number.
 */
export async function describeFailure(error: unknown, lang: string): Promise<Failure> {
  await failureWords.load(lang);
  const words = failureWords.get(lang);
  if (error instanceof MissingBackend) return { message: words.noBackend };
  if (!(error instanceof BackendError)) {
    console.error('open-call-widgets: the source failed', error);
    return { message: words.problem };
  }
  console.warn(
    error.kind === 'invalid'
      ? `open-call-widgets: the backend's answer does not follow the contract: ${error.message}`
      : `open-call-widgets: ${error.message}`,
  );
  const message = {
    unreachable: words.unreachable,
    timeout: words.timeout,
    'not-found': words.notFound,
    problem: words.problem,
    invalid: words.invalid,
  }[error.kind];
  return { message };
}
