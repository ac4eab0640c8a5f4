import { cached } from './cache.js';
import { checked, requestJson, type RequestOptions } from './request.js';
import type { ContributionQuery, ReviewQuery } from './contributions.js';
import type {
  Call,
  CallPage,
  Contribution,
  ContributionKind,
  ContributionPage,
  ContributionReceipt,
  ContributionRequest,
  ContributionReview,
  PublishedContributionPage,
} from './types.js';
import { parseCall, parseCallPage } from './validate.js';

/** Filters and paging for a list of calls. */
export interface CallQuery {
  status?: 'open' | 'upcoming' | 'closed';
  campaign?: string;
  kind?: ContributionKind;
  lang?: string;
  limit?: number;
  cursor?: string;
}

/**
 * Where calls come from. The widgets use an HTTP source built from `api`; a site whose backend
 * does not speak the contract passes its own object with these methods as the `source`
 * property. Whatever a source returns is validated like an HTTP answer.
 */
export interface CallSource {
  listCalls(query: CallQuery, options: { signal?: AbortSignal }): Promise<CallPage>;
  getCall(id: string, options: { signal?: AbortSignal }): Promise<Call>;
  submitContribution(
    callId: string,
    contribution: ContributionRequest,
    options: { signal?: AbortSignal },
  ): Promise<ContributionReceipt>;
  /**
   * The origin media may come from besides a call's upload server: a contribution whose files
   * come from anywhere else is not shown. An HTTP source allows its backend's own.
   */
  readonly origin?: string;
  /** Published contributions, for `<contribution-gallery>`; an HTTP source has them from the contract. */
  listContributions?(query: ContributionQuery, options: { signal?: AbortSignal }): Promise<PublishedContributionPage>;
  /** Contributions in review, for `<contribution-review>` (authorised by the source's headers). */
  listReceived?(query: ReviewQuery, options: { signal?: AbortSignal }): Promise<ContributionPage>;
  /** An organiser's decision on a contribution. */
  reviewContribution?(id: string, review: ContributionReview, options: { signal?: AbortSignal }): Promise<Contribution>;
  /** A call's published files and credits, as a zip. */
  exportCall?(callId: string, options: { signal?: AbortSignal }): Promise<Blob>;
}

/** What an HTTP source's other routes need: its base URL, headers, and requests (GETs through the cache). */
export interface HttpParts {
  base: string;
  headers: Record<string, string>;
  timeoutMs?: number;
  request(url: string, init: RequestOptions): Promise<unknown>;
  get(url: string, signal?: AbortSignal): Promise<unknown>;
}

/**
 * Where an HTTP source keeps its parts, so that the code for contributions' routes (see
 * http-contributions.ts) can come with the first gallery or review: a list never loads it.
 */
export const httpParts = Symbol.for('open-call-widgets/http');

export interface HttpSourceOptions {
  /** Sent with every request to this API (and to its upload endpoint), e.g. an auth token. */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** A source for a backend that speaks the contract at `api`. GETs go through the shared cache. */
export function httpSource(api: string, options: HttpSourceOptions = {}): CallSource {
  const base = trimSlash(new URL(api, document.baseURI).href);
  const headers = options.headers ?? {};
  const request = (url: string, init: RequestOptions) => requestJson(url, { ...init, headers, timeoutMs: options.timeoutMs });
  // Different credentials may see different calls: they never share a cache entry.
  const scope = JSON.stringify(Object.entries(headers).sort());
  const get = (url: string, signal?: AbortSignal) => cached(`${url} ${scope}`, (s) => request(url, { signal: s }), signal);

  const source: CallSource & { [httpParts]: HttpParts } = {
    [httpParts]: { base, headers, timeoutMs: options.timeoutMs, request, get },
    async listCalls(query, { signal }) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
      return get(`${base}/calls?${params}`, signal) as Promise<CallPage>;
    },
    async getCall(id, { signal }) {
      return get(`${base}/calls/${encodeURIComponent(id)}`, signal) as Promise<Call>;
    },
    async submitContribution(callId, contribution, { signal }) {
      const url = `${base}/calls/${encodeURIComponent(callId)}/contributions`;
      return request(url, { method: 'POST', body: contribution, signal }) as Promise<ContributionReceipt>;
    },
  };
  return source;
}

/**
 * Lists calls from any source, checked against the contract. A call that does not follow it is
 * left out, and the site's developer told in the console, one line for each, which field is wrong.
 */
export async function listCalls(source: CallSource, query: CallQuery, signal?: AbortSignal): Promise<CallPage> {
  const { items, next, skipped } = checked(await source.listCalls(query, { signal }), parseCallPage);
  for (const { id, error } of skipped)
    console.warn(
      `open-call-widgets: left out ${id ? `the call "${id}"` : 'a call'}, which does not follow the contract: ${error.message}`,
    );
  return { items, next };
}

/** One call from any source, checked against the contract. */
export async function getCall(source: CallSource, id: string, signal?: AbortSignal): Promise<Call> {
  return checked(await source.getCall(id, { signal }), (v) => parseCall(v));
}
