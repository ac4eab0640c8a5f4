import type {
  Accepts,
  Call,
  CallCover,
  CallPage,
  CallProject,
  CallStatus,
  CallTerms,
  ContributionKind,
  ContributionReceipt,
  Problem,
} from './types.js';
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

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

function fields(value: unknown, path: string): Fields {
  if (!isFields(value)) throw new ContractError(path, 'is not an object');
  return value;
}

function text(value: unknown, path: string, maxLength = 100_000): string {
  if (typeof value !== 'string') throw new ContractError(path, 'is not a string');
  if (value.length > maxLength) throw new ContractError(path, `is longer than ${maxLength} characters`);
  return value;
}

function nonEmpty(value: unknown, path: string, maxLength?: number): string {
  const s = text(value, path, maxLength);
  if (s.trim() === '') throw new ContractError(path, 'is empty');
  return s;
}

function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new ContractError(path, 'is not a whole number of zero or more');
  return value;
}

function positive(value: unknown, path: string): number {
  const n = count(value, path);
  if (n === 0) throw new ContractError(path, 'is not greater than zero');
  return n;
}

// ISO 8601 date-time with a zone, as the contract sends it; Date.parse alone accepts too much.
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function date(value: unknown, path: string): string {
  if (typeof value !== 'string' || !isoDateTime.test(value) || Number.isNaN(Date.parse(value)))
    throw new ContractError(path, 'is not a date');
  return value;
}

/** Only http(s) URLs may become links or images: `javascript:` and `data:` never do. */
export function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function webUrl(value: unknown, path: string): string {
  const s = text(value, path, 2048);
  if (!isWebUrl(s)) throw new ContractError(path, 'is not an http(s) URL');
  return s;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new ContractError(path, `is not one of ${allowed.join(', ')}`);
  return value as T;
}

function list<T>(value: unknown, path: string, item: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(value)) throw new ContractError(path, 'is not a list');
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

const languageTag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

function language(value: unknown, path: string): string {
  const s = text(value, path, 35);
  if (!languageTag.test(s)) throw new ContractError(path, 'is not a BCP 47 language tag');
  return s;
}

function optional<T>(o: Fields, key: string, path: string, read: (v: unknown, p: string) => T): T | undefined {
  const v = o[key];
  return v === undefined || v === null ? undefined : read(v, `${path}.${key}`);
}

function parseAccepts(value: unknown, path: string): Accepts {
  const o = fields(value, path);
  const accepts: Accepts = { kind: oneOf<ContributionKind>(o.kind, contributionKinds, `${path}.kind`) };
  const types = optional(o, 'types', path, (v, p) => list(v, p, (t, tp) => nonEmpty(t, tp, 255)));
  if (types) accepts.types = types;
  for (const key of ['maxBytes', 'maxFiles', 'maxSeconds', 'maxLength'] as const) {
    const n = optional(o, key, path, positive);
    if (n !== undefined) accepts[key] = n;
  }
  return accepts;
}

function parseProject(value: unknown, path: string): CallProject {
  const o = fields(value, path);
  return { title: nonEmpty(o.title, `${path}.title`, 300), url: webUrl(o.url, `${path}.url`) };
}

function parseCover(value: unknown, path: string): CallCover {
  const o = fields(value, path);
  return {
    url: webUrl(o.url, `${path}.url`),
    alt: text(o.alt, `${path}.alt`, 1000),
    width: positive(o.width, `${path}.width`),
    height: positive(o.height, `${path}.height`),
  };
}

function parseTerms(value: unknown, path: string): CallTerms {
  const o = fields(value, path);
  const terms: CallTerms = { url: webUrl(o.url, `${path}.url`), version: nonEmpty(o.version, `${path}.version`, 100) };
  const license = optional(o, 'license', path, (v, p) => text(v, p, 200));
  if (license) terms.license = license;
  return terms;
}

/** Checks one call from a backend; throws a ContractError naming the first wrong field. */
export function parseCall(value: unknown, path = 'call'): Call {
  const o = fields(value, path);
  const at = (key: string) => `${path}.${key}`;
  const call: Call = {
    id: nonEmpty(o.id, at('id'), 200),
    title: nonEmpty(o.title, at('title'), 300),
    summary: text(o.summary, at('summary'), 2000),
    description: text(o.description, at('description'), 20_000),
    status: oneOf<CallStatus>(o.status, callStatuses, at('status')),
    languages: list(o.languages, at('languages'), language),
    accepts: list(o.accepts, at('accepts'), parseAccepts),
    contributionCount: count(o.contributionCount, at('contributionCount')),
    terms: parseTerms(o.terms, at('terms')),
    upload: { endpoint: webUrl(fields(o.upload, at('upload')).endpoint, at('upload.endpoint')) },
  };
  if (call.accepts.length === 0) throw new ContractError(at('accepts'), 'is empty');
  const opensAt = optional(o, 'opensAt', path, date);
  if (opensAt) call.opensAt = opensAt;
  const closesAt = optional(o, 'closesAt', path, date);
  if (closesAt) call.closesAt = closesAt;
  const campaign = optional(o, 'campaign', path, (v, p) => nonEmpty(v, p, 200));
  if (campaign) call.campaign = campaign;
  const project = optional(o, 'project', path, parseProject);
  if (project) call.project = project;
  const cover = optional(o, 'cover', path, parseCover);
  if (cover) call.cover = cover;
  const url = optional(o, 'url', path, webUrl);
  if (url) call.url = url;
  return call;
}

/** Checks a page of `GET /calls`. */
export function parseCallPage(value: unknown): CallPage {
  const o = fields(value, 'response');
  const next = o.next === null || o.next === undefined ? null : nonEmpty(o.next, 'next', 2000);
  return { items: list(o.items, 'items', parseCall), next };
}

/** Checks the answer to a submitted contribution. */
export function parseReceipt(value: unknown): ContributionReceipt {
  const o = fields(value, 'response');
  const receipt: ContributionReceipt = { id: nonEmpty(o.id, 'id', 200), status: nonEmpty(o.status, 'status', 100) };
  const url = optional(o, 'url', 'response', webUrl);
  if (url) receipt.url = url;
  return receipt;
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
