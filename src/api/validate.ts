import type { Accepts, Call, CallPage, CallTranslation, ContributionKind, Problem } from './types.js';
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

/** A reader for each field of T; a field T may leave out has an `optional` reader. */
type Shape<T> = { [K in keyof T]-?: Read<T[K]> };

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

/**
 * A whole number of zero or more, at most `max`; with `positive`, greater than zero. Each field
 * has a most that a real call could need: beyond it a count is a backend's bug, which would
 * print as a 22-digit number.
 */
export const count =
  (max: number, positive = false): Read<number> =>
  (value, path) => {
    check(typeof value === 'number' && Number.isInteger(value) && value >= 0, path, 'is not a whole number of zero or more');
    check(!positive || value !== 0, path, 'is not greater than zero');
    check((value as number) <= max, path, `is more than ${max}`);
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
const isoDateTime = /^(\d{4})-(\d\d)-(\d\d)T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A date-time that exists: 30 February is refused, not rolled over to 2 March. */
function isDateTime(s: string): boolean {
  const [, year, month, day] = isoDateTime.exec(s) ?? [];
  if (!year) return false;
  const date = new Date(0);
  date.setUTCFullYear(+year, +month - 1, +day);
  return date.getUTCMonth() === +month - 1 && date.getUTCDate() === +day;
}
export const date = matching(64, 'is not a date', isDateTime);

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

/** A field that may be absent or null: then it is left out of the object read. */
export const optional =
  <T>(read: Read<T>): Read<T | undefined> =>
  (value, path) =>
    value == null ? undefined : read(value, path);

/** An object read field by field (fields read as undefined, being `optional`, are left out). */
export const object =
  <T>(shape: Shape<T>): Read<T> =>
  (value, path) => {
    const o = fields(value, path);
    const read: Partial<T> = {};
    for (const key in shape) {
      const v = shape[key](o[key], `${path}.${key}`);
      if (v !== undefined) read[key] = v;
    }
    return read as T;
  };

const accepts = object<Accepts>({
  kind: oneOf<ContributionKind>(contributionKinds),
  types: optional(list(text(255, true))),
  maxBytes: optional(count(1e12, true)),
  maxFiles: optional(count(1000, true)),
  maxSeconds: optional(count(86_400, true)),
  maxLength: optional(count(1e6, true)),
});

/** One translation of a call: its fields are optional, each as long as the call's own may be. */
export const callTranslation = object<CallTranslation>({
  title: optional(text(300, true)),
  summary: optional(text(2000)),
  description: optional(text(20_000)),
});

/**
 * A call's translations, each checked on its own: a bad one (a tag that is not BCP 47, a field
 * too long) is left out with a note in the console, and the call shows in its other languages.
 */
const translations: Read<Record<string, CallTranslation>> = (value, path) => {
  const read: Record<string, CallTranslation> = {};
  for (const [tag, words] of Object.entries(fields(value, path)))
    try {
      read[language(tag, path)] = callTranslation(words, `${path}.${tag}`);
    } catch (error) {
      console.warn(`open-call-widgets: a translation was left out: ${String(error)}`);
    }
  return read;
};

const callFields = object<Call>({
  id: text(200, true),
  title: text(300, true),
  summary: text(2000),
  description: text(20_000),
  status: oneOf(callStatuses),
  opensAt: optional(date),
  closesAt: optional(date),
  campaign: optional(text(200, true)),
  project: optional(object({ title: text(300, true), url: webUrl })),
  cover: optional(object({ url: webUrl, alt: text(1000), width: count(1e5, true), height: count(1e5, true) })),
  languages: list(language),
  accepts: list(accepts, true),
  contributionCount: count(1e9),
  url: optional(webUrl),
  terms: object({ url: webUrl, version: text(100, true), license: optional(text(200)) }),
  upload: object({ endpoint: webUrl }),
  translations: optional(translations),
});

/** A call; one whose closing time has passed is closed, whatever a stale answer says. */
const call: Read<Call> = (value, path) => {
  const read = callFields(value, path);
  if (read.closesAt && Date.parse(read.closesAt) <= Date.now()) read.status = 'closed';
  return read;
};

/** Checks one call from a backend; throws a ContractError naming the first wrong field. */
export function parseCall(value: unknown, path = 'call'): Call {
  return call(value, path);
}

/** An item of a page that did not follow the contract, and was left out. */
export interface SkippedItem {
  /** Its place in the page's `items`. */
  index: number;
  /** Its `id`, when it had a readable one. */
  id?: string;
  /** What is wrong with it: the first wrong field (`items[3].closesAt is not a date`). */
  error: ContractError;
}

/** A page of a list, with the items that were left out. */
export interface CheckedPage<T> {
  items: T[];
  next: string | null;
  skipped: SkippedItem[];
}

/**
 * Checks a page of a list (`{ items, next }`), item by item with `item`: one wrong item is left
 * out and named in `skipped`, so that it never hides the good ones. A page that is wrong as a
 * whole (not an object, `items` not a list, a bad `next`), or whose every item is wrong, throws
 * the first error: then there is nothing to show.
 */
export function parsePage<T>(value: unknown, item: Read<T>): CheckedPage<T> {
  const o = fields(value, 'response');
  check(Array.isArray(o.items), 'items', 'is not a list');
  const next = o.next == null ? null : text(2000, true)(o.next, 'next');
  const items: T[] = [];
  const skipped: SkippedItem[] = [];
  (o.items as unknown[]).forEach((v, index) => {
    try {
      items.push(item(v, `items[${index}]`));
    } catch (error) {
      if (!(error instanceof ContractError)) throw error;
      const id = isFields(v) && typeof v.id === 'string' ? v.id.slice(0, 200) : undefined;
      skipped.push({ index, id, error });
    }
  });
  if (skipped.length && !items.length) throw skipped[0].error;
  return { items, next, skipped };
}

/** Checks a page of `GET /calls`: the calls that follow the contract, and those left out. */
export function parseCallPage(value: unknown): CallPage & CheckedPage<Call> {
  return parsePage(value, call);
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
