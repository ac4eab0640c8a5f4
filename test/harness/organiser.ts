// Contributions made and reviewed from a browser test, through the reference backend's own
// routes: a visitor's POST, then an organiser's decision with the token the backend plugin sets.
import type { ContributionRequest } from '../../src/api/types.js';
import { backend, reviewContribution } from './backend.js';

/** A text answer to `callId` as a visitor would send it; returns its id. */
export async function contribute(callId: string, fields: Partial<ContributionRequest> = {}): Promise<string> {
  const { api } = await backend();
  const terms = ((await (await fetch(`${api}/calls/${callId}`)).json()) as { terms: { version: string } }).terms;
  const body: ContributionRequest = {
    kind: 'text',
    text: 'A line',
    creditName: 'Aisyah',
    consent: { termsVersion: terms.version, acceptedAt: new Date().toISOString() },
    uploads: [],
    ...fields,
  };
  const res = await fetch(`${api}/calls/${callId}/contributions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`contributing answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** An organiser's decision, through the organiser API (the backend plugin's `backend-review`). */
export async function review(id: string, status: 'published' | 'rejected'): Promise<void> {
  const { status: answered, body } = await reviewContribution(id, status);
  if (answered !== 200) throw new Error(`reviewing answered ${answered}: ${JSON.stringify(body)}`);
}

/** A published text answer to `callId`; returns its id. */
export async function published(callId: string, fields: Partial<ContributionRequest> = {}): Promise<string> {
  const id = await contribute(callId, fields);
  await review(id, 'published');
  return id;
}
