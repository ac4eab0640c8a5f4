import type { Call, ContributionKind } from '../../src/api/types.js';
import { contributionKinds } from '../../src/api/types.js';
import type { NewContribution } from './stores/contributions.js';
import type { UploadStore } from './stores/uploads.js';
import { Problem } from './problem.js';
import { checkBasedOn } from './based-on.js';
import { acceptsType, characterCount } from '../../src/api/accepts.js';

export interface UploadLookup {
  /** The server's public URL: upload URLs must be on it. */
  publicUrl: string;
  uploads: UploadStore;
  usedBy(uploadId: string): Promise<string | undefined>;
  /** Whether a contribution is published: `basedOn` may name only those. */
  isPublished(contributionId: string): Promise<boolean>;
}

type Checked = Omit<NewContribution, 'id' | 'callId' | 'receivedAt'>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks a contribution against its call, field by field, and names the first problem:
 * the widget shows `detail` next to the field named in `field`.
 */
export async function checkContribution(body: unknown, call: Call, lookup: UploadLookup): Promise<Checked> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new Problem(400, 'malformed-json', 'The body is not a contribution.', 'The body must be a JSON object.');
  const b = body as Record<string, unknown>;

  const optionalText = (key: string, max: number): string | undefined => {
    const v = b[key];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string') throw Problem.invalid(key, `${key} must be text.`);
    const length = characterCount(v);
    if (length > max)
      throw Problem.invalid(
        key,
        `${key} may be at most ${max} characters; it has ${length}.`,
        key === 'text' ? 'text-too-long' : 'invalid-field',
      );
    return v;
  };

  if (!(contributionKinds as readonly unknown[]).includes(b.kind))
    throw Problem.invalid('kind', `kind must be one of ${contributionKinds.join(', ')}.`);
  const kind = b.kind as ContributionKind;
  const accepts = call.accepts.find((a) => a.kind === kind);
  if (!accepts)
    throw Problem.invalid(
      'kind',
      `"${call.title}" takes ${call.accepts.map((a) => a.kind).join(' or ')}, not ${kind}.`,
      'kind-not-accepted',
    );

  if (typeof b.creditName !== 'string' || b.creditName.trim() === '')
    throw Problem.invalid('creditName', 'Say how you want to be credited: a credit name is required.', 'credit-name-missing');
  const creditName = (optionalText('creditName', 200) ?? '').trim();
  const title = optionalText('title', 300);
  const email = optionalText('email', 254);
  if (email !== undefined && !emailPattern.test(email)) throw Problem.invalid('email', `"${email}" is not an email address.`);
  const language = optionalText('language', 35);
  if (language !== undefined && !call.languages.includes(language))
    throw Problem.invalid('language', `"${call.title}" takes ${call.languages.join(', ')}; not ${language}.`);

  const consent = b.consent as Record<string, unknown> | undefined;
  if (typeof consent !== 'object' || consent === null || typeof consent.termsVersion !== 'string')
    throw Problem.invalid('consent', 'Accept the call’s terms to send a contribution.', 'consent-missing');
  if (consent.termsVersion !== call.terms.version)
    throw new Problem(
      409,
      'terms-outdated',
      'The terms have changed.',
      `The terms you accepted (version ${consent.termsVersion}) were replaced by version ${call.terms.version}; read and accept them again.`,
      'consent',
    );
  if (typeof consent.acceptedAt !== 'string' || Number.isNaN(Date.parse(consent.acceptedAt)))
    throw Problem.invalid('consent', 'consent.acceptedAt must be a date.');

  const text = optionalText('text', accepts.maxLength ?? 100_000);
  if (kind === 'text' && text === undefined)
    throw Problem.invalid('text', 'Write your contribution: the text is empty.', 'text-missing');

  if (!Array.isArray(b.uploads) || b.uploads.some((u) => typeof u !== 'string'))
    throw Problem.invalid('uploads', 'uploads must be a list of upload URLs.');
  const urls = b.uploads as string[];
  if (kind === 'text' && urls.length > 0) throw Problem.invalid('uploads', 'A text contribution carries no files.');
  if (kind !== 'text' && urls.length === 0) throw Problem.invalid('uploads', `Add at least one ${kind} file.`, 'uploads-missing');
  if (accepts.maxFiles !== undefined && urls.length > accepts.maxFiles)
    throw Problem.invalid(
      'uploads',
      `"${call.title}" takes at most ${accepts.maxFiles} files; this has ${urls.length}.`,
      'too-many-files',
    );
  if (new Set(urls).size !== urls.length) throw Problem.invalid('uploads', 'The same upload is listed twice.');

  const uploads: Checked['uploads'] = [];
  for (const url of urls) uploads.push(await checkUpload(url, call, accepts, lookup));
  const basedOn = await checkBasedOn(b.basedOn, lookup.isPublished);

  const checked: Checked = {
    kind,
    creditName,
    consent: { termsVersion: consent.termsVersion, acceptedAt: consent.acceptedAt },
    uploads,
  };
  if (title !== undefined) checked.title = title;
  if (text !== undefined) checked.text = text;
  if (email !== undefined) checked.email = email;
  if (language !== undefined) checked.language = language;
  if (basedOn !== undefined) checked.basedOn = basedOn;
  return checked;
}

async function checkUpload(url: string, call: Call, accepts: Call['accepts'][number], lookup: UploadLookup) {
  const prefix = `${lookup.publicUrl}/v1/uploads/`;
  const id = url.startsWith(prefix) ? url.slice(prefix.length) : '';
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id))
    throw Problem.invalid('uploads', `${url} is not an upload on this server (${prefix}).`, 'upload-foreign');
  const upload = await lookup.uploads.get(id);
  if (!upload)
    throw Problem.invalid('uploads', `${url} is not an upload this server knows (it may have expired).`, 'upload-unknown');
  if (upload.metadata?.callId !== call.id)
    throw Problem.invalid('uploads', `${url} was uploaded for another call.`, 'upload-wrong-call');
  if (upload.size === undefined || upload.offset !== upload.size)
    throw new Problem(
      409,
      'upload-unfinished',
      'An upload is not finished.',
      `${url} has ${upload.offset} of ${upload.size ?? '?'} bytes.`,
      'uploads',
    );
  const usedBy = await lookup.usedBy(id);
  if (usedBy)
    throw new Problem(
      409,
      'upload-already-used',
      'An upload was already sent.',
      `${url} belongs to contribution ${usedBy}.`,
      'uploads',
    );
  const filetype = upload.metadata?.filetype ?? undefined;
  if (!acceptsType(accepts.types, filetype ?? ''))
    throw Problem.invalid(
      'uploads',
      `"${call.title}" does not take ${filetype ?? 'files of unknown type'}.`,
      'type-not-accepted',
    );
  // Checked at upload time too; a deferred length, or a call's limit lowered since, is caught here.
  if (accepts.maxBytes !== undefined && upload.size > accepts.maxBytes)
    throw new Problem(
      413,
      'file-too-large',
      'A file is too large.',
      `"${call.title}" takes ${accepts.kind} files up to ${accepts.maxBytes} bytes; ${url} has ${upload.size}.`,
      'uploads',
    );
  const stored: Checked['uploads'][number] = { url, uploadId: id, size: upload.size };
  if (upload.metadata?.filename) stored.filename = upload.metadata.filename;
  if (filetype) stored.filetype = filetype;
  return stored;
}
