import { send, type RequestOptions } from './request.js';
import { httpParts, type CallSource, type HttpParts } from './source.js';
import type { Contribution, ContributionPage, PublishedContributionPage } from './types.js';

export type ContributionRoutes = Required<
  Pick<CallSource, 'origin' | 'listContributions' | 'listReceived' | 'reviewContribution' | 'exportCall'>
>;

/** A file from the backend (an organiser's export zip), with the same errors as `requestJson`. */
const requestFile = (url: string, options: RequestOptions): Promise<Blob> => send(url, options, '*/*', (res) => res.blob());

const search = (query: object) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params;
};

/** The contract's routes for contributions, published and in review, for an HTTP source. */
function contributionRoutes({ base, headers, timeoutMs, request, get }: HttpParts): ContributionRoutes {
  return {
    origin: new URL(base).origin,
    async listContributions(query, { signal }) {
      return get(`${base}/contributions?${search(query)}`, signal) as Promise<PublishedContributionPage>;
    },
    // An organiser's queue changes with every decision: never from the cache.
    async listReceived(query, { signal }) {
      return request(`${base}/organiser/contributions?${search(query)}`, { signal }) as Promise<ContributionPage>;
    },
    async reviewContribution(id, review, { signal }) {
      const url = `${base}/organiser/contributions/${encodeURIComponent(id)}`;
      return request(url, { method: 'PATCH', body: review, signal }) as Promise<Contribution>;
    },
    async exportCall(callId, { signal }) {
      const url = `${base}/organiser/calls/${encodeURIComponent(callId)}/export`;
      // A zip of a call's files can take a while to arrive.
      return requestFile(url, { headers, signal, timeoutMs: timeoutMs ?? 120_000 });
    },
  };
}

/**
 * A source with the contributions' methods: its own where it has them (a custom source), else
 * those of the contract when it is an HTTP source.
 */
export function withContributions(source: CallSource): CallSource {
  const parts = (source as { [httpParts]?: HttpParts })[httpParts];
  return parts ? { ...contributionRoutes(parts), ...source } : source;
}
