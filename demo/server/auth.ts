import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { Problem } from './problem.js';

/** What one organiser token covers: every campaign, or the campaigns listed. */
export type TokenScope = '*' | string[];

/** The campaigns a request's token covers, once the token is known. */
export interface OrganiserAccess {
  /** True for a `*` token: every campaign, and calls that belong to none. */
  readonly everyCampaign: boolean;
  readonly campaigns: ReadonlySet<string>;
}

export interface OrganiserTokenOptions {
  /** `--organiser-tokens FILE`: JSON `{ "<token>": ["campaign", …] | "*" }`. */
  file?: string;
  /** `OPEN_CALL_ORGANISER_TOKEN`: one token for every campaign. */
  envToken?: string;
}

/** A token shorter than this is refused when the server starts: it could be guessed. */
export const minTokenLength = 16;

/** The realm a 401 names in `WWW-Authenticate`, so a client knows to send a bearer token. */
export const bearerChallenge = 'Bearer realm="open-call-organiser"';

interface Entry {
  digest: Buffer;
  access: OrganiserAccess;
}

const digestOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * The organiser tokens a server accepts, from a file and/or the environment. The file is read
 * again when it changes, so an organiser can add or revoke a token without a restart; an edit
 * that breaks it keeps the last good tokens and says why.
 */
export class OrganiserTokens {
  private entries: Entry[] = [];
  private fileEntries: Entry[] = [];
  private readonly envEntries: Entry[] = [];
  private loadedMtime = -1;

  constructor(private readonly options: OrganiserTokenOptions = {}) {
    if (options.envToken !== undefined) this.envEntries.push(entry(options.envToken, '*', 'OPEN_CALL_ORGANISER_TOKEN'));
    this.refresh();
  }

  /** True when no token at all is configured: every organiser request is then refused. */
  get empty(): boolean {
    this.refresh();
    return this.entries.length === 0;
  }

  /**
   * The access of the bearer token in an `Authorization` header. Throws a 401 problem when the
   * header is missing, is not `Bearer <token>`, or names a token this server does not know.
   */
  accessFor(authorization: string | null | undefined): OrganiserAccess {
    this.refresh();
    const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(authorization ?? '');
    if (!match)
      throw new Problem(
        401,
        'token-missing',
        'An organiser token is required.',
        'Send the organiser token as "Authorization: Bearer <token>".',
      );
    const presented = digestOf(match[1]);
    // Every entry is compared, in constant time each, so the time taken says nothing about
    // which token (or how much of one) matched.
    let found: OrganiserAccess | undefined;
    for (const e of this.entries) if (timingSafeEqual(presented, e.digest) && !found) found = e.access;
    if (!found) throw new Problem(401, 'token-unknown', 'The organiser token is not valid.', 'This server has no such token.');
    return found;
  }

  /**
   * Checks that a token covers a call's campaign: 401 as in `accessFor`, 403 when the token is
   * known but covers other campaigns. A call without a campaign is covered only by `*` tokens.
   */
  authorize(authorization: string | null | undefined, campaign: string | undefined): OrganiserAccess {
    const access = this.accessFor(authorization);
    assertCovers(access, campaign);
    return access;
  }

  /**
   * The key that signs media preview links, derived from the tokens themselves: several
   * instances started with the same tokens accept each other's links, and no one without a
   * token can make one. Undefined when no token is configured (then no link is valid).
   */
  previewKey(): Buffer | undefined {
    this.refresh();
    if (this.entries.length === 0) return undefined;
    const hash = createHash('sha256').update('open-call-widgets media preview\n');
    for (const e of this.entries) hash.update(e.digest);
    return hash.digest();
  }

  private refresh(): void {
    const { file } = this.options;
    if (file !== undefined) {
      const mtime = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (mtime !== this.loadedMtime) {
        const first = this.loadedMtime === -1;
        this.loadedMtime = mtime;
        try {
          this.fileEntries = readTokenFile(file);
        } catch (error) {
          if (first) throw error;
          console.error(`Kept the previous organiser tokens: ${(error as Error).message}`);
        }
      }
    }
    this.entries = [...this.fileEntries, ...this.envEntries];
  }
}

/** Whether an access covers a call in `campaign` (undefined: a call in no campaign). */
export function covers(access: OrganiserAccess, campaign: string | undefined): boolean {
  return access.everyCampaign || (campaign !== undefined && access.campaigns.has(campaign));
}

/** Throws the 403 problem unless the access covers a call in `campaign`. */
export function assertCovers(access: OrganiserAccess, campaign: string | undefined): void {
  if (!covers(access, campaign))
    throw new Problem(
      403,
      'campaign-not-covered',
      'This token does not cover the campaign.',
      campaign === undefined
        ? 'This call belongs to no campaign: only a token for every campaign ("*") covers it.'
        : `This token does not cover the campaign "${campaign}".`,
    );
}

/** Reads and checks a tokens file; the error names the file and the entry to fix. */
export function readTokenFile(path: string): Entry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new Error(e.code === 'ENOENT' ? `${path}: no such organiser tokens file` : `${path}: not valid JSON (${e.message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${path}: must be an object { "<token>": ["campaign", …] | "*" }`);
  return Object.entries(parsed as Record<string, unknown>).map(([token, scope], i) => {
    const where = `${path}: token ${i + 1}`;
    if (scope !== '*' && !(Array.isArray(scope) && scope.every((c) => typeof c === 'string' && c !== '')))
      throw new Error(`${where} must map to "*" or a list of campaign names`);
    return entry(token, scope as TokenScope, where);
  });
}

function entry(token: string, scope: TokenScope, where: string): Entry {
  if (token.length < minTokenLength || /\s/.test(token))
    throw new Error(`${where}: a token must be at least ${minTokenLength} characters with no spaces`);
  return {
    digest: digestOf(token),
    access: { everyCampaign: scope === '*', campaigns: new Set(scope === '*' ? [] : scope) },
  };
}

/** How long a preview link an organiser's listing hands out stays valid, at least. */
export const previewLifetimeMs = 3600 * 1000;
/** Expiry times are rounded up to this, so a refreshed listing keeps the same (cacheable) links. */
const previewStepMs = 10 * 60 * 1000;

const previewSignature = (key: Buffer, path: string, expires: number) =>
  createHmac('sha256', key).update(`${path}\n${expires}`).digest('base64url');

/** The query (`expires=…&signature=…`) that lets `path` be fetched without a token until it expires. */
export function signPreview(key: Buffer, path: string, now = Date.now()): string {
  const expires = Math.ceil((now + previewLifetimeMs) / previewStepMs) * (previewStepMs / 1000);
  return `expires=${expires}&signature=${previewSignature(key, path, expires)}`;
}

/** Whether a preview link for `path` is genuine and not expired. */
export function checkPreview(
  key: Buffer | undefined,
  path: string,
  expires: string | null | undefined,
  signature: string | null | undefined,
  now = Date.now(),
): boolean {
  if (!key || !expires || !signature || !/^\d{1,12}$/.test(expires) || Number(expires) * 1000 < now) return false;
  const expected = Buffer.from(previewSignature(key, path, Number(expires)));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
