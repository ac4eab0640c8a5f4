// The stories read their calls from the reference backend's seed (demo/server/seed.json), in
// the browser: a Storybook published as static files shows every call without a backend. What
// is sent (files by tus, contributions) goes to the reference backend at ./v1 beside the
// stories, which only `npm run storybook` and `npm run test:stories` run: the stories that
// send say so, and are tagged `needs-backend`.
import seed from '../demo/server/seed.json';
import { BackendError } from '../src/api/request.js';
import { httpSource, type CallQuery, type CallSource } from '../src/api/source.js';
import type { Call, CallStatus } from '../src/api/types.js';

type SeedCall = Partial<Call> & { id: string };

/** Beside the stories, wherever they are hosted (a sub-path of a site too). */
export const here = (path: string) => new URL(path.replace(/^\//, ''), document.baseURI).href;

/** The reference backend's base URL, beside the stories (see .storybook/main.ts). */
export const api = here('v1');

/** As the reference backend says it: the seed's "closed" wins, then the dates decide. */
function statusOf(call: SeedCall, now: number): CallStatus {
  if (call.status === 'closed') return 'closed';
  if (call.opensAt && now < Date.parse(call.opensAt)) return 'upcoming';
  if (call.closesAt && now >= Date.parse(call.closesAt)) return 'closed';
  return call.status === 'upcoming' ? 'upcoming' : 'open';
}

/** A seed call as the reference backend sends it: its status now, absolute URLs, its upload endpoint. */
function toCall(call: SeedCall): Call {
  const terms = (call.terms as Call['terms'] | undefined) ?? (seed.terms as Call['terms']);
  return {
    ...call,
    status: statusOf(call, Date.now()),
    contributionCount: call.contributionCount ?? 0,
    terms: { ...terms, url: here(terms.url) },
    cover: call.cover && { ...call.cover, url: here(call.cover.url) },
    upload: { endpoint: here('v1/uploads/') },
  } as Call;
}

const calls = () => (seed.calls as SeedCall[]).map(toCall);
const sameLanguage = (a: string, b: string) => a.toLowerCase().split('-')[0] === b.toLowerCase().split('-')[0];

/** `status`, `campaign`, `kind` and `lang` filters, and offset cursors, as the reference backend pages. */
function page({ status = 'open', campaign, kind, lang, limit = 12, cursor }: CallQuery) {
  const matching = calls().filter(
    (c) =>
      c.status === status &&
      (!campaign || c.campaign === campaign) &&
      (!kind || c.accepts.some((a) => a.kind === kind)) &&
      (!lang || c.languages.some((l) => sameLanguage(l, lang))),
  );
  const start = Number(cursor ?? 0);
  const end = start + limit;
  return { items: matching.slice(start, end), next: end < matching.length ? String(end) : null };
}

/** Reads from the seed; sends to the reference backend beside the stories. */
export const seedSource: CallSource = {
  listCalls: async (query) => page(query),
  async getCall(id) {
    const call = calls().find((c) => c.id === id);
    if (!call) throw new BackendError('not-found', `There is no call "${id}" in the seed.`, 404);
    return call;
  },
  submitContribution: (callId, contribution, options) => httpSource(api).submitContribution(callId, contribution, options),
};

/** One seed call, changed for a story. */
export const seedCall = (id: string): Call => {
  const call = calls().find((c) => c.id === id);
  if (!call) throw new Error(`no call "${id}" in the seed`);
  return call;
};
