import { BackendError } from '../api/request.js';
import { MissingBackend, type Failure } from '../core/failure.js';
import { en } from './words/en.js';
import type { FailureWords } from './words/words.js';
import { WordTable } from '../core/words.js';

/** The words for failures, loaded with the first one (see failure.ts). */
const failureWords = new WordTable<FailureWords>(en, { ms: () => import('./words/ms.js').then((m) => m.ms) });

/** A failed load in words for the visitor, in `lang`, and details for the site owner. */
export async function describeFailure(error: unknown, lang: string): Promise<Failure> {
  await failureWords.load(lang);
  const words = failureWords.get(lang);
  if (error instanceof MissingBackend) return { message: words.noBackend };
  if (!(error instanceof BackendError)) {
    console.error('open-call-widgets: the source failed', error);
    return { message: words.problem, details: error instanceof Error ? error.message : String(error) };
  }
  if (error.kind === 'unreachable' && (await refusedThisOrigin(error))) return { message: words.notAllowed };
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

/**
 * A fetch that failed with no answer may be a backend that answered, but not to this page (CORS:
 * the browser hides the answer). A second request in `no-cors` mode tells them apart: it gets an
 * (unreadable) answer from a server that is there. Only after a failure, so it costs nothing else.
 */
async function refusedThisOrigin(error: BackendError): Promise<boolean> {
  // The URL as request.ts words an unreachable backend: "Could not reach URL: reason".
  const url = /^Could not reach (\S+): /.exec(error.message)?.[1];
  if (!url || !navigator.onLine) return false;
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
  } catch {
    return false;
  }
  console.error(
    `open-call-widgets: ${new URL(url).origin} answered, but does not allow pages on ${location.origin} to read its answers (CORS). ` +
      `Ask its operator to allow ${location.origin} (the reference backend: --origins). The request was for ${url}.`,
  );
  return true;
}
