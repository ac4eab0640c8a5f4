import { BackendError } from '../api/request.js';
import { MissingBackend, type Failure } from '../core/failure.js';
import { en } from './words/en.js';
import type { FailureWords } from './words/words.js';
import { WordTable } from '../core/words.js';

/** The words for failures, loaded with the first one (see failure.ts). */
const failureWords = new WordTable<FailureWords>('failures', en);

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
  if (error.kind === 'unreachable' && (await refusedThisOrigin(error))) return { message: words.notAllowed };
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

/** A page where two versions of this library define the same tags: the first one's are used. */
export function warnTwoVersions(tag: string, version: string, other = 'unknown'): void {
  console.warn(
    `open-call-widgets ${version} was loaded on a page where version ${other} already defined <${tag}>; ` +
      `the elements of version ${other} are used. Include the script once.`,
  );
}

/**
 * A fetch that failed with no answer may be a backend that answered, but not to this page (CORS:
 * the browser hides the answer). A second request in `no-cors` mode tells them apart: it gets an
 * (unreadable) answer from a server that is there. Only after a failure, so it costs nothing else.
 */
async function refusedThisOrigin(error: BackendError): Promise<boolean> {
  // The URL as request.ts words an unreachable backend: "GET URL did not answer: reason".
  const url = /^[A-Z]+ (\S+) did not answer: /.exec(error.message)?.[1];
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
