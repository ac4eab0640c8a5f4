import { checked } from './request.js';
import type { CallSource } from './source.js';
import type { ContributionReceipt, ContributionRequest } from './types.js';
import { object, optional, text, webUrl } from './validate.js';

/** Checks the answer to a submitted contribution. */
export function parseReceipt(value: unknown): ContributionReceipt {
  return object<ContributionReceipt>({ id: text(200, true), status: text(100, true), url: optional(webUrl) })(value, 'response');
}

/** Submits a contribution through any source; the receipt is checked too. */
export async function submitContribution(
  source: CallSource,
  callId: string,
  contribution: ContributionRequest,
  signal?: AbortSignal,
): Promise<ContributionReceipt> {
  return checked(await source.submitContribution(callId, contribution, { signal }), parseReceipt);
}
