import { readFileSync, statSync } from 'node:fs';
import type { Call, CallStatus, CallTerms, ContributionKind } from '../../src/api/types.js';
import { callStatuses, contributionKinds } from '../../src/api/types.js';
import { callTranslation, ContractError, language, parseCall } from '../../src/api/validate.js';
import { Problem } from './problem.js';

/**
 * The calls a campaign organiser edits in the seed file. A call there is a contract `Call`
 * without the fields the server derives: `status` comes from `opensAt`/`closesAt` (a seed
 * may still say `"status": "closed"` to close a call early), `upload` from the server's own
 * URL, `contributionCount` from the store (a seed count is added, for calls with history).
 * URLs may be relative to the server (`/media/cover.svg`).
 */
export interface SeedFile {
  terms: CallTerms;
  calls: Array<Partial<Call> & { id: string }>;
}

export interface CallQuery {
  status?: string | null;
  campaign?: string | null;
  kind?: string | null;
  lang?: string | null;
  limit?: string | null;
  cursor?: string | null;
}

const defaultLimit = 12;
const maxLimit = 50;

/** The seed file, re-read when its modification time changes, so edits apply without a restart. */
export class Catalogue {
  private seed: SeedFile = { terms: { url: '/terms', version: '1' }, calls: [] };
  private loadedMtime = -1;

  constructor(private readonly seedPath: string) {
    this.refresh();
  }

  /** Reads the seed again if it changed; an edit that breaks it keeps the last good one and says why. */
  refresh(): void {
    const mtime = statSync(this.seedPath).mtimeMs;
    if (mtime === this.loadedMtime) return;
    const first = this.loadedMtime === -1;
    this.loadedMtime = mtime;
    try {
      this.seed = readSeed(this.seedPath);
    } catch (error) {
      if (first) throw error;
      console.error(`Kept the previous calls: ${(error as Error).message}`);
    }
  }

  /** A seed call as the contract sends it, or undefined when there is no such call. */
  find(id: string, origin: string, counts: (id: string) => number, now = Date.now()): Call | undefined {
    this.refresh();
    const seedCall = this.seed.calls.find((c) => c.id === id);
    return seedCall && toCall(seedCall, this.seed.terms, origin, counts(id), now);
  }

  /** Every call's id and campaign, whatever its status: what organiser tokens are checked against. */
  campaigns(): Array<{ id: string; campaign?: string }> {
    this.refresh();
    return this.seed.calls.map((c) => (c.campaign === undefined ? { id: c.id } : { id: c.id, campaign: c.campaign }));
  }

  /** A page of calls matching the query; throws a 400 Problem for a bad filter. */
  list(query: CallQuery, origin: string, counts: (id: string) => number, now = Date.now()) {
    this.refresh();
    const status = query.status ?? 'open';
    if (!(callStatuses as readonly string[]).includes(status))
      throw Problem.badRequest('status', `status must be one of ${callStatuses.join(', ')}.`);
    const kind = query.kind ?? undefined;
    if (kind !== undefined && !(contributionKinds as readonly string[]).includes(kind))
      throw Problem.badRequest('kind', `kind must be one of ${contributionKinds.join(', ')}.`);
    const limit = query.limit == null ? defaultLimit : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
      throw Problem.badRequest('limit', `limit must be a whole number from 1 to ${maxLimit}.`);
    const start = query.cursor == null ? 0 : decodeCursor(query.cursor);
    const lang = query.lang?.toLowerCase();

    const matching = this.seed.calls
      .map((c) => toCall(c, this.seed.terms, origin, counts(c.id), now))
      .filter(
        (c) =>
          c.status === status &&
          (query.campaign == null || c.campaign === query.campaign) &&
          (kind === undefined || c.accepts.some((a) => a.kind === (kind as ContributionKind))) &&
          (lang === undefined || c.languages.some((l) => sameLanguage(l, lang))),
      );
    const items = matching.slice(start, start + limit);
    const end = start + items.length;
    return { items, next: end < matching.length ? encodeCursor(end) : null, total: matching.length };
  }
}

/** `ms` matches `ms-MY` and the other way round: a filter asks for a language, not a region. */
function sameLanguage(a: string, b: string): boolean {
  const [pa] = a.toLowerCase().split('-');
  const [pb] = b.toLowerCase().split('-');
  return a.toLowerCase() === b || pa === pb;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw Problem.badRequest('cursor', 'cursor is not one this server gave out.');
  return Number(match[1]);
}

/** A call's status at `now`: a seed's explicit "closed" wins, otherwise the dates decide. */
export function statusAt(seedCall: Partial<Call>, now: number): CallStatus {
  if (seedCall.status === 'closed') return 'closed';
  if (seedCall.opensAt && now < Date.parse(seedCall.opensAt)) return 'upcoming';
  if (seedCall.closesAt && now >= Date.parse(seedCall.closesAt)) return 'closed';
  return seedCall.status === 'upcoming' ? 'upcoming' : 'open';
}

const absolute = (url: string, origin: string) => new URL(url, origin).href;

function toCall(seedCall: SeedFile['calls'][number], terms: CallTerms, origin: string, stored: number, now: number): Call {
  const call = {
    ...seedCall,
    status: statusAt(seedCall, now),
    contributionCount: (seedCall.contributionCount ?? 0) + stored,
    terms: { ...(seedCall.terms ?? terms) },
    upload: { endpoint: `${origin}/v1/uploads/` },
  } as Call;
  call.terms.url = absolute(call.terms.url, origin);
  if (call.cover) call.cover = { ...call.cover, url: absolute(call.cover.url, origin) };
  if (call.project) call.project = { ...call.project, url: absolute(call.project.url, origin) };
  // A call's public page: the one this server serves (with its card tags and embed) unless the seed names another.
  call.url = call.url ? absolute(call.url, origin) : `${origin}/calls/${encodeURIComponent(call.id)}`;
  return call;
}

/** Reads and checks a seed file; the error names the file and the field an organiser must fix. */
export function readSeed(path: string): SeedFile {
  let seed: SeedFile;
  try {
    seed = JSON.parse(readFileSync(path, 'utf8')) as SeedFile;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const ids = new Set<string>();
  try {
    if (!Array.isArray(seed.calls)) throw new ContractError('calls', 'is not a list');
    // Check each call in the exact shape the server will send, with a placeholder origin.
    seed.calls.forEach((c, i) => {
      parseCall(toCall(c, seed.terms, 'http://127.0.0.1', 0, Date.now()), `calls[${i}]`);
      // A widget leaves a bad translation out and shows the call's other languages; in the
      // seed, the organiser hears of it before the server starts.
      for (const [tag, words] of Object.entries(c.translations ?? {})) {
        language(tag, `calls[${i}].translations`);
        callTranslation(words, `calls[${i}].translations.${tag}`);
      }
      if (ids.has(c.id)) throw new ContractError(`calls[${i}].id`, `repeats "${c.id}"`);
      ids.add(c.id);
    });
  } catch (error) {
    if (error instanceof ContractError) throw new Error(`${path}: ${error.message}`);
    throw error;
  }
  return seed;
}
