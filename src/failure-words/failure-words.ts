import { BackendError } from '../api/request.js';
import { MissingBackend, type Failure } from '../core/failure.js';
import { en } from './words/en.js';
import type { FailureWords } from './words/words.js';
import { WordTable } from '../core/words.js';

/** The words for failures, loaded with the first one (see failure.ts). */
const failureWords = new WordTable<FailureWords>('failures', en);

/** A failed load in words for the visitor, in `lang`, and details for the site owner. */
export async function describeFailure(error: unknown, lang: string): Promise<Failure> {
  await failureWords.load(lang);
  const words = failureWords.get(lang);
  if (error instanceof MissingBackend) return { message: words.noBackend };
  if (!(error instanceof BackendError)) {
    console.error('open-call-widgets: the source failed', error);
    return { message: words.problem, details: error instanceof Error ? error.message : String(error) };
  }
  if (error.kind === 'invalid')
    console.warn(`open-call-widgets: the backend's answer does not follow the contract: ${error.message}`);
  const message = {
    unreachable: words.unreachable,
    timeout: words.timeout,
    'not-found': words.notFound,
    problem: words.problem,
    invalid: words.invalid,
  }[error.kind];
  // "Could not reach" says it all; other failures carry the backend's own words, for the owner.
  return { message, details: error.kind === 'unreachable' || error.kind === 'timeout' ? undefined : error.message };
}
