import type { ReactiveControllerHost } from 'lit';
import { forget } from '../api/cache.js';
import { BackendError } from '../api/request.js';
import { getCall } from '../api/source.js';
import { submitContribution } from '../api/submit.js';
import type { Call, ContributionReceipt } from '../api/types.js';
import type { SettingsController } from '../core/settings.js';
import { emit } from '../core/events.js';
import { describeFailure, MissingBackend } from '../core/failure.js';
import type { UploaderWords } from './words/words.js';
import type { UploadsController } from '../upload/uploads-controller.js';
import { checkAnswer, fitToCall, type AnswerErrors, type AnswerField, type AnswerValues } from './checks.js';
import { contributionRequest, fieldOrder, refusalOf } from './submission.js';

type Form = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface AnswerOptions {
  settings: SettingsController;
  uploads: UploadsController;
  words(): UploaderWords;
  /** The call being answered. */
  call(): Call | undefined;
  /** The call again, with terms that changed while the visitor was answering. */
  refreshed(call: Call): void;
  /** Ids of the published contributions this one builds on. */
  basedOn?(): readonly string[];
}

/**
 * The answer being written and sent: what was typed (kept through every error), the problems
 * beside each field, and sending: checks first, then waiting for the uploads, then the
 * contribution, with the backend's refusals put where they belong.
 */
export class Answer {
  values: AnswerValues = { title: '', text: '', creditName: '', email: '', language: '', consent: false };
  errors: AnswerErrors = {};
  /** Text or files, for a call that takes both. */
  mode: 'text' | 'files' = 'files';
  /** Being written, being sent, or received. */
  phase: 'form' | 'sending' | 'done' = 'form';
  /** Why the last sending failed, above the form. */
  formError: string | undefined;
  /** Send was pressed while files were still uploading: it sends when they are up. */
  waitingToSend = false;
  receipt: ContributionReceipt | undefined;

  readonly #form: Form;
  readonly #options: AnswerOptions;

  constructor(form: Form, options: AnswerOptions) {
    this.#form = form;
    this.#options = options;
  }

  #update(changes: Partial<Pick<Answer, 'values' | 'errors' | 'mode' | 'phase' | 'formError' | 'waitingToSend'>>) {
    Object.assign(this, changes);
    this.#form.requestUpdate();
  }

  /** Fits the answer to a call that arrived: text or files, and its language. */
  fit(call: Call): void {
    const fit = fitToCall(call, this.values.language, this.#options.settings.lang);
    this.#update({ mode: fit.mode ?? this.mode, values: { ...this.values, language: fit.language } });
  }

  setMode(mode: 'text' | 'files'): void {
    this.#update({ mode });
  }

  setValue<K extends keyof AnswerValues>(field: K, value: AnswerValues[K]): void {
    this.#update({ values: { ...this.values, [field]: value } });
    // A message about a field goes away once the visitor changes the field.
    if (this.errors[field]) this.setError(field, undefined);
  }

  setError(field: AnswerField, message: string | undefined): void {
    this.#update({ errors: { ...this.errors, [field]: message } });
  }

  async #focusFirstError(): Promise<void> {
    await this.#form.updateComplete;
    const first = fieldOrder.find((f) => this.errors[f]);
    this.#form.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
  }

  /** Send: the form's own checks, then (once every file is up) the contribution. */
  async submit(): Promise<void> {
    const call = this.#options.call();
    if (!call || this.phase !== 'form') return;
    const { uploads, settings } = this.#options;
    const words = this.#options.words();
    const errors = checkAnswer(this.values, this.mode, call, uploads.chosen.length, words, settings.formats);
    if (this.mode === 'files' && uploads.anyFailed) errors.files = words.errors.uploadsUnfinished;
    this.#update({ formError: undefined, errors });
    const count = Object.values(errors).filter(Boolean).length;
    if (count > 0) {
      const message = words.errors.fixBelow(settings.formats.count(count), count);
      uploads.announce(message);
      emit(this.#form, 'contribution-error', { callId: call.id, message });
      await this.#focusFirstError();
      return;
    }
    if (this.mode === 'files' && !uploads.allDone) {
      this.#update({ waitingToSend: true });
      uploads.announce(words.waitingForUploads);
      const done = await uploads.whenAllDone();
      if (!this.waitingToSend) return;
      if (!done) {
        this.#update({ waitingToSend: false });
        this.setError('files', words.errors.uploadsUnfinished);
        return;
      }
    }
    await this.send();
  }

  /** Sends the contribution; after an error, sending again re-uses the finished uploads. */
  async send(): Promise<void> {
    const call = this.#options.call();
    const { uploads, settings } = this.#options;
    const words = this.#options.words();
    const source = settings.source;
    if (!call) return;
    this.#update({ waitingToSend: false });
    if (!source) {
      const failure = await describeFailure(new MissingBackend(), settings.lang, words.errors.submitFailed);
      this.#update({ formError: failure.message });
      return;
    }
    const chosen = uploads.chosen;
    const sent = chosen.map((c) => ({ kind: c.kind, url: c.upload.url }));
    const request = contributionRequest(this.values, this.mode, call, sent, undefined, this.#options.basedOn?.());
    // A new attempt: what the last one said no longer holds, and only the new answer may show.
    this.#update({ phase: 'sending', formError: undefined, errors: {} });
    uploads.announce(words.submitting);
    try {
      const receipt = await submitContribution(source, call.id, request);
      this.receipt = receipt;
      this.#update({ phase: 'done' });
      // Sent: what was kept in case of a reload (the recordings, the resume entries) is no
      // longer needed.
      for (const c of chosen) {
        void c.upload.take?.forget();
        void c.upload.forgetResume();
      }
      forget(); // the call's contribution count changed
      emit(this.#form, 'contribution-submit', {
        callId: call.id,
        contributionId: receipt.id,
        uploads: request.uploads,
        url: receipt.url,
      });
      await this.#form.updateComplete;
      this.#form.renderRoot.querySelector<HTMLElement>('.thanks-heading')?.focus();
    } catch (error) {
      this.#update({ phase: 'form' });
      this.#refused(error, call);
      emit(this.#form, 'contribution-error', {
        callId: call.id,
        message: this.formError ?? Object.values(this.errors).find(Boolean) ?? '',
        problem: error instanceof BackendError ? error.problem : undefined,
      });
      await this.#form.updateComplete;
      if (this.formError) this.#form.renderRoot.querySelector<HTMLElement>('.form-error')?.focus();
      else await this.#focusFirstError();
    }
  }

  /** Puts a refusal next to the field it is about, or above the form. */
  #refused(error: unknown, call: Call): void {
    console.warn(
      `open-call-widgets: the contribution was not received: ${error instanceof Error ? error.message : String(error)}`,
    );
    const refusal = refusalOf(error, this.#options.words().errors);
    if (refusal.field === 'form') return this.#update({ formError: refusal.message });
    this.setError(refusal.field, refusal.message);
    if ('termsOutdated' in refusal) {
      this.#update({ values: { ...this.values, consent: false } });
      forget();
      void this.#reloadTerms(call);
    }
  }

  /** After "the terms changed", show the new version without losing anything typed. */
  async #reloadTerms(call: Call): Promise<void> {
    const source = this.#options.settings.source;
    if (!source) return;
    try {
      this.#options.refreshed(await getCall(source, call.id));
    } catch {
      // The old terms stay shown; sending again will say so again.
    }
  }

  /** After the thank-you: a fresh form for the same call, keeping who the visitor is. */
  sendAnother(): void {
    this.#options.uploads.clear();
    this.receipt = undefined;
    this.#update({ values: { ...this.values, title: '', text: '', consent: false }, errors: {}, phase: 'form' });
  }
}
