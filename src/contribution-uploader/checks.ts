import { acceptsType, characterCount } from '../api/accepts.js';
import type { Accepts, Call, ContributionKind } from '../api/types.js';
import type { Formats } from '../core/format.js';
import type { UploaderWords } from './words/words.js';
import { primaryLanguage } from '../core/words.js';

/** The fields a visitor fills in; kept as typed through every error. */
export interface AnswerValues {
  title: string;
  text: string;
  creditName: string;
  email: string;
  language: string;
  consent: boolean;
}

export type AnswerField = keyof AnswerValues | 'files';

export type AnswerErrors = Partial<Record<AnswerField, string>>;

const kindPatterns: Record<ContributionKind, string[]> = { text: [], image: ['image/*'], audio: ['audio/*'], video: ['video/*'] };

/** The accepts entry a file falls under: its types, or by default its kind's `image/*`-style pattern. */
export function acceptsFor(call: Call, type: string): Accepts | undefined {
  return call.accepts.find(
    (a) => a.kind !== 'text' && type !== '' && acceptsType(a.types?.length ? a.types : kindPatterns[a.kind], type),
  );
}

/** What a file input may offer, from the call's media types. */
export function acceptAttribute(call: Call): string {
  return call.accepts
    .filter((a) => a.kind !== 'text')
    .flatMap((a) => (a.types?.length ? a.types : kindPatterns[a.kind]))
    .join(',');
}

/** The call's media kinds in words: "audio or video". */
export function mediaKindWords(call: Call, words: UploaderWords, formats: Formats): string {
  const kinds = [...new Set(call.accepts.filter((a) => a.kind !== 'text').map((a) => words.kindNoun[a.kind]))];
  return formats.list(kinds, 'disjunction');
}

/** The files already chosen for a contribution: their kind (one per contribution) and the files. */
export interface ChosenFiles {
  kind: ContributionKind;
  files: File[];
}

/**
 * The same file picked again (another File object for it, from the picker, a drop or a paste):
 * by what the resume store knows a file by, for it would resume the same upload.
 */
const sameFile = (a: File, b: File) =>
  a.name === b.name && a.size === b.size && a.type === b.type && a.lastModified === b.lastModified;

/**
 * Whether a file may join the contribution, before a byte moves: its type, size, the kind of
 * the files already chosen, whether it is one of them, and how many the call takes. Returns the
 * message, or undefined.
 */
export function checkFile(
  file: File,
  call: Call,
  chosen: ChosenFiles | undefined,
  words: UploaderWords,
  formats: Formats,
): string | undefined {
  const errors = words.errors;
  if (chosen?.files.some((other) => sameFile(other, file))) return errors.alreadyChosen(file.name);
  const accepts = acceptsFor(call, file.type);
  if (!accepts) return errors.typeNotAccepted(file.name, file.type || '?', mediaKindWords(call, words, formats));
  if (chosen && chosen.kind !== accepts.kind) return errors.mixedKinds(mediaKindWords(call, words, formats));
  if (file.size === 0) return errors.emptyFile(file.name);
  if (accepts.maxBytes && file.size > accepts.maxBytes)
    return errors.tooLarge(words.kindNoun[accepts.kind], formats.size(accepts.maxBytes), file.name, formats.size(file.size));
  const max = accepts.maxFiles ?? 1;
  if ((chosen?.files.length ?? 0) >= max) return errors.tooManyFiles(formats.count(max));
  return undefined;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form's own checks before sending; the backend checks again. */
export function checkAnswer(
  values: AnswerValues,
  mode: 'text' | 'files',
  call: Call,
  fileCount: number,
  uploaderWords: UploaderWords,
  formats: Formats,
): AnswerErrors {
  const errors: AnswerErrors = {};
  const words = uploaderWords.errors;
  if (mode === 'text') {
    const max = call.accepts.find((a) => a.kind === 'text')?.maxLength;
    const length = characterCount(values.text.trim());
    if (length === 0) errors.text = words.textMissing;
    else if (max && characterCount(values.text) > max)
      errors.text = words.textTooLong(formats.count(characterCount(values.text)), formats.count(max));
  } else if (fileCount === 0) errors.files = words.filesMissing(mediaKindWords(call, uploaderWords, formats));
  if (values.creditName.trim() === '') errors.creditName = words.creditMissing;
  if (values.email.trim() !== '' && !emailPattern.test(values.email.trim())) errors.email = words.emailInvalid;
  if (!values.consent) errors.consent = words.consentMissing;
  return errors;
}

/**
 * How the form fits a call that arrived: text only or files only when the call takes only
 * one (undefined: the visitor chooses), and the contribution's language, kept when the call
 * has it, else the UI's, else the call's first.
 */
export function fitToCall(call: Call, language: string, uiLang: string): { mode?: 'text' | 'files'; language: string } {
  const texts = call.accepts.some((a) => a.kind === 'text');
  const media = call.accepts.some((a) => a.kind !== 'text');
  const mode = !media ? 'text' : !texts ? 'files' : undefined;
  if (language && call.languages.includes(language)) return { mode, language };
  const lang = primaryLanguage(uiLang);
  return { mode, language: call.languages.find((l) => primaryLanguage(l) === lang) ?? call.languages[0] ?? '' };
}

/** Why a call takes no contribution now (closed, or not open yet); undefined when it is open. */
export function closedFor(call: Call, words: UploaderWords, formats: Formats): { message: string } | undefined {
  if (call.status === 'closed') return { message: words.errors.callClosed };
  if (call.status === 'upcoming')
    return {
      message: words.errors.callUpcoming(call.opensAt ? formats.date(call.opensAt) : words.opensSoon),
    };
  return undefined;
}
