import { BackendError } from '../api/request.js';
import type { Call, ContributionKind, ContributionRequest } from '../api/types.js';
import type { UploaderWords } from './words/words.js';
import type { AnswerField, AnswerValues } from './checks.js';

/** The order in which fields appear, so that focus goes to the first one in error. */
export const fieldOrder: readonly AnswerField[] = ['text', 'files', 'title', 'creditName', 'email', 'language', 'consent'];

/** A finished upload, as the contribution names it. */
export interface SentUpload {
  kind: ContributionKind;
  /** The tus URL; empty if the upload has none (the backend then refuses it by name). */
  url: string | undefined;
}

/**
 * The contribution as the backend receives it: what was typed (trimmed, optional fields left
 * out when empty), the terms accepted `now`, and the uploads, in the order chosen.
 */
export function contributionRequest(
  values: AnswerValues,
  mode: 'text' | 'files',
  call: Call,
  uploads: readonly SentUpload[],
  now = new Date(),
  basedOn?: readonly string[],
): ContributionRequest {
  const request: ContributionRequest = {
    kind: mode === 'text' ? 'text' : (uploads[0]?.kind ?? 'image'),
    creditName: values.creditName.trim(),
    consent: { termsVersion: call.terms.version, acceptedAt: now.toISOString() },
    uploads: mode === 'text' ? [] : uploads.map((u) => u.url ?? ''),
  };
  if (values.title.trim()) request.title = values.title.trim();
  if (mode === 'text') request.text = values.text;
  if (values.email.trim()) request.email = values.email.trim();
  if (values.language) request.language = values.language;
  if (basedOn?.length) request.basedOn = [...basedOn];
  return request;
}

/**
 * Where a refused contribution's message goes: above the form, or beside the field it is
 * about. `termsOutdated`: the call's terms changed since they were shown (the form unticks
 * consent and shows the new version).
 */
export type Refusal = { field: 'form'; message: string } | { field: AnswerField; message: string; termsOutdated?: true };

/** Maps a failed submission (a problem+json refusal, a network failure…) onto the form. */
export function refusalOf(error: unknown, words: UploaderWords['errors']): Refusal {
  if (!(error instanceof BackendError)) return { field: 'form', message: words.submitServerProblem };
  if (error.kind === 'unreachable' || error.kind === 'timeout') return { field: 'form', message: words.submitUnreachable };
  const problem = error.problem;
  const code = problem?.type.split(':').pop();
  if (code === 'call-not-open') return { field: 'form', message: words.callClosedMeanwhile };
  if (code === 'terms-outdated') return { field: 'consent', message: words.termsChanged, termsOutdated: true };
  // Only a refusal of what was sent (4xx) says what to change, in the backend's own words; a
  // failing server, or an answer without them, leaves nothing for the visitor to fix.
  const detail = error.status >= 400 && error.status < 500 ? (problem?.detail ?? problem?.title) : undefined;
  if (!detail) return { field: 'form', message: words.submitServerProblem };
  const field = problem?.field === 'uploads' ? 'files' : problem?.field;
  if (field && (fieldOrder as readonly string[]).includes(field)) return { field: field as AnswerField, message: detail };
  return { field: 'form', message: `${words.submitFailed} ${detail}` };
}
