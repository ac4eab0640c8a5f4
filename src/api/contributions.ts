import { BackendError, checked } from './request.js';
import { withContributions } from './http-contributions.js';
import { getCall, type CallSource } from './source.js';
import type { Call, Contribution, ContributionMedia, ContributionStatus, PublishedContribution } from './types.js';
import { contributionKinds } from './types.js';

/** Every status a contribution can have in review, in the order a queue offers them. */
export const contributionStatuses: readonly ContributionStatus[] = ['received', 'published', 'rejected'];
import {
  ContractError,
  count,
  date,
  fields,
  language,
  list,
  object,
  oneOf,
  optional,
  text,
  webUrl,
  type Read,
} from './validate.js';

/** Which published contributions to list: a call's, or a campaign's; newest first. */
export interface ContributionQuery {
  call?: string;
  campaign?: string;
  limit?: number;
  cursor?: string;
}

/** Which contributions an organiser reviews. */
export interface ReviewQuery extends ContributionQuery {
  status?: ContributionStatus;
}

/** A page of contributions, checked, with the calls they answer (those the backend still has). */
export interface Listing<T> {
  items: T[];
  next: string | null;
  calls: ReadonlyMap<string, Call>;
}

const media = object<ContributionMedia & { filename?: string }>({
  url: webUrl,
  type: text(255, true),
  bytes: count(1e12),
  width: optional(count(1e5, true)),
  height: optional(count(1e5, true)),
  seconds: optional(count(86_400)),
  poster: optional(webUrl),
  filename: optional(text(1000)),
});

const shared = {
  id: text(200, true),
  callId: text(200, true),
  kind: oneOf(contributionKinds),
  title: optional(text(300)),
  text: optional(text(20_000)),
  creditName: text(200, true),
  language: optional(language),
  media: list(media),
  basedOn: optional(list(text(200, true))),
};

const published = object<PublishedContribution>({
  ...shared,
  publishedAt: date,
  license: optional(text(200)),
  url: optional(webUrl),
});

const received = object<Contribution>({
  ...shared,
  campaign: optional(text(200, true)),
  email: optional(text(320)),
  consent: object({ termsVersion: text(100, true), acceptedAt: date }),
  status: oneOf(contributionStatuses),
  receivedAt: date,
  publishedAt: optional(date),
});

/** The origin of a URL, or '' for one that has none. */
const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
};

/**
 * Reads a page item by item: an item of the wrong shape, or whose files would come from
 * anywhere but the backend or its call's upload server, is left out with a warning naming the
 * field, and the others are shown. Only the page's own shape failing is a failure.
 */
async function listing<T extends { callId: string; media: ContributionMedia[] }>(
  source: CallSource,
  value: unknown,
  item: Read<T>,
  signal?: AbortSignal,
): Promise<Listing<T>> {
  const page = checked(value, (v) => {
    const o = fields(v, 'response');
    return { items: list((x: unknown) => x)(o.items, 'items'), next: o.next == null ? null : text(2000, true)(o.next, 'next') };
  });
  const read: Array<{ item: T; at: string }> = [];
  page.items.forEach((raw, i) => {
    try {
      read.push({ item: item(raw, `items[${i}]`), at: `items[${i}]` });
    } catch (error) {
      if (!(error instanceof ContractError)) throw error;
      console.warn(`open-call-widgets: a contribution was left out: ${error.message}`);
    }
  });
  const ids = [...new Set(read.map((r) => r.item.callId))];
  const calls = new Map<string, Call>();
  await Promise.all(
    ids.map(async (id) => {
      try {
        calls.set(id, await getCall(source, id, signal));
      } catch {
        signal?.throwIfAborted();
        // A call taken down since: its contributions still show, without "Build on this".
      }
    }),
  );
  const items = read
    .filter(({ item: c, at }) => {
      const allowed = [source.origin ?? '', calls.get(c.callId)?.upload.endpoint ?? ''].filter(Boolean).map(originOf);
      const field = c.media.findIndex((m) => ![m.url, m.poster ?? m.url].every((u) => allowed.includes(originOf(u))));
      if (field === -1) return true;
      console.warn(
        `open-call-widgets: a contribution was left out: ${at}.media[${field}] is not served by the backend or its upload server`,
      );
      return false;
    })
    .map((r) => r.item);
  return { items, next: page.next, calls };
}

const missing = (what: string): never => {
  throw new BackendError('invalid', `The source has no ${what} method.`);
};

/** A page of published contributions, newest first, checked against the contract. */
export async function listContributions(
  source: CallSource,
  query: ContributionQuery,
  signal?: AbortSignal,
): Promise<Listing<PublishedContribution>> {
  const http = withContributions(source);
  const page = await (http.listContributions ?? missing('listContributions')).call(http, query, { signal });
  return listing(http, page, published, signal);
}

/** A page of the contributions an organiser reviews (the token in the source's headers decides which). */
export async function listReceived(source: CallSource, query: ReviewQuery, signal?: AbortSignal): Promise<Listing<Contribution>> {
  const http = withContributions(source);
  const page = await (http.listReceived ?? missing('listReceived')).call(http, query, { signal });
  return listing(http, page, received, signal);
}

/** An organiser's decision on one contribution; the contribution comes back as it is now. */
export async function reviewContribution(
  source: CallSource,
  id: string,
  status: 'published' | 'rejected',
  signal?: AbortSignal,
): Promise<Contribution> {
  const http = withContributions(source);
  const answer = await (http.reviewContribution ?? missing('reviewContribution')).call(http, id, { status }, { signal });
  return checked(answer, (v) => received(v, 'response'));
}

/** The zip of a call's published files and credits, for an organiser. */
export async function exportCall(source: CallSource, callId: string, signal?: AbortSignal): Promise<Blob> {
  const http = withContributions(source);
  return (http.exportCall ?? missing('exportCall')).call(http, callId, { signal });
}
