import { BackendError } from '../api/request.js';
import type { Strings } from './strings.js';

/** A failure as the widgets show it: words for the visitor, and details for the site owner. */
export interface Failure {
  message: string;
  details?: string;
}

/** No `api`, `source` or `callData`: a set-up mistake, explained in the widget itself. */
export class MissingBackend extends Error {}

/** The one way a widget words a failed load. */
export function describeFailure(error: unknown, strings: Strings): Failure {
  const words = strings.error;
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
