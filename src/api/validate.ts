import type { Accepts, Call, CallPage, ContributionKind, Problem } from './types.js';
import { callStatuses, contributionKinds } from './types.js';

/**
 * A backend answer that does not have the contract's shape. The message names the field
 * (`items[3].closesAt is not a date`) so that whoever runs the backend can fix it.
 */
export class ContractError extends Error {
  override name = 'ContractError';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path} ${problem}`);
  }
}

/** Checks one value at `path` (for the message) and returns it, typed; throws a ContractError. */
export type Read<T> = (value: unknown, path: string) => T;

/** A reader for each field of T; fields T may leave out are skipped when absent or null. */
type Shape<T> = { [K in keyof T]-?: Read<Exclude<T[K], undefined>> };

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Unless `ok`, the value at `path` is wrong in the way `problem` says. */
function check(ok: boolean, path: string, problem: string): void {
  if (!ok) throw new ContractError(path, problem);
}

export function fields(value: unknown, path: string): Fields {
  check(isFields(value), path, 'is not an object');
  return value as Fields;
}

/** A string of at most `maxLength` characters; with `filled`, not blank either. */
export const text =
  (maxLength: number, filled = false): Read<string> =>
  (value, path) => {
    check(typeof value === 'string', path, 'is not a string');
    const s = value as string;
    check(s.length <= maxLength, path, `is longer than ${maxLength} characters`);
    check(!filled || s.trim() !== '', path, 'is empty');
    return s;
  };

/** A whole number of zero or more; with `positive`, greater than zero. */
export const count =
  (positive = false): Read<number> =>
  (value, path) => {
    check(typeof value === 'number' && Number.isInteger(value) && value >= 0, path, 'is not a whole number of zero or more');
    check(!positive || value !== 0, path, 'is not greater than zero');
    return value as number;
  };

/** A string of at most `maxLength` characters that `valid` accepts; else `problem`. */
const matching =
  (maxLength: number, problem: string, valid: (s: string) => boolean): Read<string> =>
  (value, path) => {
    const s = text(maxLength)(value, path);
    check(valid(s), path, problem);
    return s;
  };

/** Only http(s) URLs may become links or images: `javascript:` and `data:` never do. */
export function isWebUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const webUrl = matching(2048, 'is not an http(s) URL', isWebUrl);

// ISO 8601 date-time with a zone, as the contract sends it; Date.parse alone accepts too much.
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
export const date = matching(64, 'is not a date', (s) => isoDateTime.test(s) && !Number.isNaN(Date.parse(s)));

const languageTag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
export const language = matching(35, 'is not a BCP 47 language tag', (s) => languageTag.test(s));

export const oneOf =
  <T extends string>(allowed: readonly T[]): Read<T> =>
  (value, path) => {
    check(allowed.includes(value as T), path, `is not one of ${allowed.join(', ')}`);
    return value as T;
  };

/** A list whose every item `item` reads; with `filled`, not empty. */
export const list =
  <T>(item: Read<T>, filled = false): Read<T[]> =>
  (value, path) => {
    check(Array.isArray(value), path, 'is not a list');
    check(!filled || (value as unknown[]).length > 0, path, 'is empty');
    return (value as unknown[]).map((v, i) => item(v, `${path}[${i}]`));
  };

/** An object read field by field; fields listed in `optional` may be absent or null. */
export const object =
  <T>(shape: Shape<T>, optional: ReadonlyArray<keyof T> = []): Read<T> =>
  (value, path) => {
    const o = fields(value, path);
    const read: Partial<T> = {};
    for (const key in shape) {
      const v = o[key];
      if (v != null || !optional.includes(key)) read[key] = shape[key](v, `${path}.${key}`);
    }
    return read as T;
  };

const accepts = object<Accepts>(
  {
    kind: oneOf<ContributionKind>(contributionKinds),
    types: list(text(255, true)),
    maxBytes: count(true),
    maxFiles: count(true),
    maxSeconds: count(true),
    maxLength: count(true),
  },
  ['types', 'maxBytes', 'maxFiles', 'maxSeconds', 'maxLength'],
);

// `translations` is not read (nor kept) until a widget shows it: the list's size budget.
const call = object<Omit<Call, 'translations'>>(
  {
    id: text(200, true),
    title: text(300, true),
    summary: text(2000),
    description: text(20_000),
    status: oneOf(callStatuses),
    opensAt: date,
    closesAt: date,
    campaign: text(200, true),
    project: object({ title: text(300, true), url: webUrl }),
    cover: object({ url: webUrl, alt: text(1000), width: count(true), height: count(true) }),
    languages: list(language),
    accepts: list(accepts, true),
    contributionCount: count(),
    url: webUrl,
    terms: object({ url: webUrl, version: text(100, true), license: text(200) }, ['license']),
    upload: object({ endpoint: webUrl }),
  },
  ['opensAt', 'closesAt', 'campaign', 'project', 'cover', 'url'],
);

/** Checks one call from a backend; throws a ContractError naming the first wrong field. */
export function parseCall(value: unknown, path = 'call'): Call {
  return call(value, path);
}

/** Checks a page of `GET /calls`. */
export function parseCallPage(value: unknown): CallPage {
  const o = fields(value, 'response');
  return { items: list(call)(o.items, 'items'), next: o.next == null ? null : text(2000, true)(o.next, 'next') };
}

/** Reads an RFC 9457 problem; anything else yields undefined (the caller words its own error). */
export function parseProblem(value: unknown): Problem | undefined {
  if (!isFields(value) || typeof value.title !== 'string') return undefined;
  const problem: Problem = {
    type: typeof value.type === 'string' ? value.type : 'about:blank',
    title: value.title.slice(0, 300),
    status: typeof value.status === 'number' ? value.status : 0,
  };
  if (typeof value.detail === 'string') problem.detail = value.detail.slice(0, 2000);
  if (typeof value.field === 'string') problem.field = value.field.slice(0, 200);
  return problem;
}
