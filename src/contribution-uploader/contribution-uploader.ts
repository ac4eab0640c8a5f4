import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { characterCount } from '../api/accepts.js';
import { forget } from '../api/cache.js';
import { BackendError, checked } from '../api/request.js';
import { getCall } from '../api/source.js';
import { submitContribution } from '../api/submit.js';
import type { Call, ContributionKind, ContributionReceipt, ContributionRequest } from '../api/types.js';
import { parseCall } from '../api/validate.js';
import { OpenCallWidget } from '../config/open-call-widget.js';
import { passedOn, shareSettings } from '../config/share.js';
import { uploadTarget } from '../upload/target.js';
import { heading } from '../heading.js';
import { emit } from '../events.js';
import { loadOnce } from '../load.js';
import { describeFailure, MissingBackend, type Failure } from '../i18n/failure.js';
import { widgetStrings, type UploaderStrings } from '../i18n/index.js';
import { primaryLanguage } from '../i18n/table.js';
import { uploaderStrings } from '../i18n/uploader.js';
import { themeClass, tokens } from '../styles/tokens.js';
import { canRecord, recordableKinds } from '../record/formats.js';
import { mayHaveKeptTakes } from '../record/kept.js';
import type { Take } from '../record/take.js';
import type { StoredTake } from '../record/take-store.js';
import type { RecordingUseDetail } from '../events.js';
import { FileUpload } from '../upload/file-upload.js';
import { resumeStore } from '../upload/resume-store.js';
import {
  acceptAttribute,
  acceptsFor,
  checkAnswer,
  checkFile,
  mediaKindWords,
  type AnswerErrors,
  type AnswerField,
  type AnswerValues,
} from './checks.js';
import { styles } from './styles.js';

type Phase = 'loading' | 'unavailable' | 'form' | 'sending' | 'done';

/** A chosen file: its upload, its preview, and what was last announced about it. */
interface ChosenFile {
  upload: FileUpload;
  kind: ContributionKind;
  preview: string;
  announcedStep: number;
}

// Loaded only when needed: most visitors never record.
const loadRecorder = loadOnce('the recorder', () => import('../contribution-recorder/define.js'));
const loadTakeStore = loadOnce('the store of unsent recordings', () => import('../record/take-store.js'));
const loadTakes = loadOnce('recordings', () => import('../record/take.js'));

/** The order in which fields appear, so that focus goes to the first one in error. */
const fieldOrder: AnswerField[] = ['text', 'files', 'title', 'creditName', 'email', 'language', 'consent'];

/**
 * Answers one call: the form follows what the call accepts (text, or photos, audio, video),
 * checks everything before a byte moves, uploads files with tus as soon as they are chosen
 * (resumable across reloads, pausable, through proxies that limit body sizes), and sends the
 * contribution when every file is up. For calls that take audio or video, it offers to record
 * in the browser (`<contribution-recorder>`, loaded when first opened), and offers takes kept
 * from an earlier visit.
 *
 * @tagname contribution-uploader
 * @summary The answer form for a call, with resumable uploads.
 *
 * @event contribution-progress - A file's upload moved on or changed state.
 *   `detail: { callId, file, state, bytesSent, bytesTotal, percent }`.
 * @event contribution-error - Something stopped the contribution; the form says what.
 *   `detail: { callId, message, fileName?, problem? }`.
 * @event contribution-submit - The backend received the contribution.
 *   `detail: { callId, contributionId, uploads, url? }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart form - The form.
 * @csspart field - Each field's wrapper.
 * @csspart input - Text inputs, the text area and the language menu.
 * @csspart dropzone - Where files are chosen or dropped.
 * @csspart file - Each chosen file's row.
 * @csspart progress - A file's progress bar.
 * @csspart error - An error message.
 * @csspart submit-button - The send button.
 * @csspart thanks - The thank-you message.
 * @csspart unsent - Recordings kept from an earlier visit, each with Send and Discard.
 *
 * @cssproperty --oc-font - Font of the widget (default: the page's).
 * @cssproperty --oc-color-text - Text colour.
 * @cssproperty --oc-color-muted - Secondary text colour.
 * @cssproperty --oc-color-surface - Background.
 * @cssproperty --oc-color-subtle - Background of the drop zone and file rows.
 * @cssproperty --oc-color-border - Borders.
 * @cssproperty --oc-color-accent - Buttons, links and progress.
 * @cssproperty --oc-color-on-accent - Text on the accent colour.
 * @cssproperty --oc-color-danger - Errors.
 * @cssproperty --oc-color-success - Finished uploads.
 * @cssproperty --oc-color-focus - The focus ring.
 * @cssproperty --oc-radius - Corner radius.
 * @cssproperty --oc-space - Base spacing.
 */
export class ContributionUploaderElement extends OpenCallWidget {
  static override properties = {
    call: { type: String },
    chunkSize: { type: Number, attribute: 'chunk-size' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    callData: { attribute: false },
    phase: { state: true, attribute: false },
    loaded: { state: true, attribute: false },
    unavailable: { state: true, attribute: false },
    mode: { state: true, attribute: false },
    files: { state: true, attribute: false },
    values: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    formError: { state: true, attribute: false },
    waitingToSend: { state: true, attribute: false },
    receipt: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    dragging: { state: true, attribute: false },
    recording: { state: true, attribute: false },
    recorderCode: { state: true, attribute: false },
    unsentTakes: { state: true, attribute: false },
  };

  static override styles = [tokens, styles];
  protected static override readonly speaks = [widgetStrings, uploaderStrings];

  /** The id of the call being answered (or set `callData`). */
  declare call: string | undefined;
  /** Bytes per upload request. Default 40 MiB; halved by itself when a proxy answers 413. */
  declare chunkSize: number | undefined;
  /** Level of the headings (2–6). Default 2. */
  declare headingLevel: number;
  /** The call object, when the page already has it. */
  declare callData: Call | undefined;

  declare private phase: Phase;
  declare private loaded: Call | undefined;
  declare private unavailable: Failure | undefined;
  declare private mode: 'text' | 'files';
  declare private files: ChosenFile[];
  declare private values: AnswerValues;
  declare private errors: AnswerErrors;
  declare private formError: string | undefined;
  declare private waitingToSend: boolean;
  declare private receipt: ContributionReceipt | undefined;
  declare private announcement: string;
  declare private dragging: boolean;
  /** The kind the recorder is open for, if it is. */
  declare private recording: 'audio' | 'video' | undefined;
  /** Whether the recorder's code has arrived (it loads the first time it is opened). */
  declare private recorderCode: 'loading' | 'ready' | 'failed';
  /** Takes recorded for this call on an earlier visit and never sent. */
  declare private unsentTakes: StoredTake[];

  #loadKey?: unknown[];
  #loading?: AbortController;

  constructor() {
    super();
    // The recorder inside the form uploads, speaks and looks as the form does.
    shareSettings(this, () => passedOn(this.settings));
    this.headingLevel = 2;
    this.phase = 'loading';
    this.mode = 'files';
    this.files = [];
    this.values = { title: '', text: '', creditName: '', email: '', language: '', consent: false };
    this.errors = {};
    this.waitingToSend = false;
    this.announcement = '';
    this.dragging = false;
    this.recorderCode = 'loading';
    this.unsentTakes = [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loading?.abort();
    this.#loadKey = undefined;
    // Stop, but keep what reached the server: the same file picked again resumes.
    for (const f of this.files) f.upload.pause();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new call starts over; fresher data about the same call (its count, say) does not.
    const key = [this.settings.source, this.callData?.id, this.call];
    if (this.isConnected && (!this.#loadKey || key.some((v, i) => v !== this.#loadKey?.[i]))) {
      this.#loadKey = key;
      void this.#load();
    } else if (changed.has('callData') && this.callData && this.loaded) {
      try {
        this.loaded = checked(this.callData, (v) => parseCall(v));
      } catch {
        // Keep the call as it was: the form stays usable.
      }
    }
  }

  get #strings(): UploaderStrings {
    return this.settings.words(uploaderStrings);
  }

  async #load(): Promise<void> {
    this.#loading?.abort();
    const controller = new AbortController();
    this.#loading = controller;
    this.phase = 'loading';
    this.unavailable = undefined;
    // A new load is about a new call (or a retry): nothing of the previous one may linger.
    this.loaded = undefined;
    try {
      const call = await this.settings.call(this.callData, this.call, controller.signal);
      if (controller.signal.aborted) return;
      this.loaded = call;
      const texts = call.accepts.some((a) => a.kind === 'text');
      const media = call.accepts.some((a) => a.kind !== 'text');
      if (!media) this.mode = 'text';
      else if (!texts) this.mode = 'files';
      if (!this.values.language || !call.languages.includes(this.values.language)) {
        const lang = primaryLanguage(this.settings.lang);
        this.values = {
          ...this.values,
          language: call.languages.find((l) => primaryLanguage(l) === lang) ?? call.languages[0] ?? '',
        };
      }
      const errors = this.#strings.errors;
      if (call.status === 'closed') this.unavailable = { message: errors.callClosed };
      else if (call.status === 'upcoming')
        this.unavailable = {
          message: errors.callUpcoming(
            call.opensAt ? this.settings.formats.date(call.opensAt) : this.settings.strings.status.upcoming,
          ),
        };
      this.phase = this.unavailable ? 'unavailable' : 'form';
      if (!this.unavailable && mayHaveKeptTakes()) void this.#findUnsentTakes(call);
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = await describeFailure(error, this.settings.lang);
      if (controller.signal.aborted) return;
      this.unavailable = { ...failure, message: `${this.#strings.errors.loadFailed} ${failure.message}`.trim() };
      this.phase = 'unavailable';
    }
  }

  get #callId(): string {
    return this.loaded?.id ?? this.call ?? '';
  }

  get #activeFiles(): ChosenFile[] {
    return this.files.filter((f) => f.upload.state !== 'cancelled');
  }

  // ——— files ———

  /** An upload of a file or a take for this call, where the settings send it. */
  #uploadOf(source: File | Take, call: Call): FileUpload {
    return new FileUpload(source, {
      ...uploadTarget(this.settings, call),
      callId: call.id,
      chunkSize: this.chunkSize && this.chunkSize > 0 ? this.chunkSize : undefined,
      resumeStore,
      onChange: (u) => this.#uploadChanged(u),
    });
  }

  /** Why `file` may not join the files chosen so far (and those `adding` with it); undefined when it may. */
  #refusal(file: File, call: Call, adding: readonly ChosenFile[] = []): string | undefined {
    const current = [...this.#activeFiles, ...adding];
    const chosen = current.length ? { kind: current[0].kind, count: current.length } : undefined;
    return checkFile(file, call, chosen, this.#strings, this.settings.formats);
  }

  #addFiles(list: Iterable<File>): void {
    const call = this.loaded;
    if (!call || this.phase !== 'form') return;
    const problems: string[] = [];
    const added: ChosenFile[] = [];
    for (const file of list) {
      const problem = this.#refusal(file, call, added);
      if (problem) {
        problems.push(problem);
        emit(this, 'contribution-error', { callId: call.id, message: problem, fileName: file.name });
        continue;
      }
      const kind = acceptsFor(call, file.type)?.kind ?? 'image';
      const upload = this.#uploadOf(file, call);
      added.push({ upload, kind, preview: URL.createObjectURL(file), announcedStep: 0 });
    }
    this.files = [...this.files, ...added];
    this.errors = { ...this.errors, files: problems.length ? problems.join(' ') : undefined };
    for (const f of added) void f.upload.start();
  }

  #uploadChanged(upload: FileUpload): void {
    const chosen = this.files.find((f) => f.upload === upload);
    if (!chosen) return;
    const { file } = upload;
    emit(this, 'contribution-progress', {
      callId: this.#callId,
      file: { name: file.name, size: file.size, type: file.type },
      state: upload.state === 'cancelled' ? 'cancelled' : upload.state,
      bytesSent: upload.bytesSent,
      bytesTotal: upload.bytesTotal,
      percent: upload.percent,
    });
    // Announce in quarters, and completion once: not every percent.
    const step = upload.state === 'done' ? 4 : Math.floor(upload.percent / 25);
    if (step > chosen.announcedStep) {
      chosen.announcedStep = step;
      const formats = this.settings.formats;
      this.announcement =
        step === 4
          ? this.#strings.uploadedAnnouncement(file.name)
          : this.#strings.progressAnnouncement(file.name, formats.percent(step / 4));
    }
    if (upload.state === 'failed') {
      const message = this.#uploadFailureMessage(upload);
      emit(this, 'contribution-error', { callId: this.#callId, message, fileName: file.name });
      this.announcement = message;
    }
    this.requestUpdate();
    if (this.waitingToSend && this.#activeFiles.every((f) => f.upload.state === 'done')) void this.#send();
    if (this.waitingToSend && this.#activeFiles.some((f) => f.upload.state === 'failed')) {
      this.waitingToSend = false;
      this.errors = { ...this.errors, files: this.#strings.errors.uploadsUnfinished };
    }
  }

  #uploadFailureMessage(upload: FileUpload): string {
    const errors = this.#strings.errors;
    const name = upload.file.name;
    const failure = upload.failure;
    if (failure?.kind === 'refused') return errors.uploadRefused(name, failure.detail ?? String(failure.status));
    if (failure?.kind === 'server') return errors.uploadServer(name);
    return errors.uploadNetwork(name);
  }

  async #removeFile(chosen: ChosenFile, index: number): Promise<void> {
    await chosen.upload.cancel();
    URL.revokeObjectURL(chosen.preview);
    this.files = this.files.filter((f) => f !== chosen);
    this.errors = { ...this.errors, files: undefined };
    await this.updateComplete;
    // Focus stays in the list: on the next file's first button, or on the file picker.
    const rows = this.renderRoot.querySelectorAll<HTMLElement>('.file');
    const next =
      rows[Math.min(index, rows.length - 1)]?.querySelector<HTMLElement>('button') ??
      this.renderRoot.querySelector<HTMLElement>('#files');
    next?.focus();
  }

  // ——— recordings ———

  async #findUnsentTakes(call: Call): Promise<void> {
    const inUse = new Set(this.files.map((f) => f.upload.take?.id));
    const takes = await loadTakeStore();
    const unsent = (await takes?.takeStore.unsent(call.id).catch(() => [])) ?? [];
    if (this.loaded === call) this.unsentTakes = unsent.filter((t) => !inUse.has(t.id));
  }

  async #openRecorder(kind: 'audio' | 'video'): Promise<void> {
    this.recording = kind;
    if (this.recorderCode === 'failed') this.recorderCode = 'loading';
    if (!(await loadRecorder())) {
      // Offline, or a missing file on a CDN: said in words, and files can still be chosen.
      this.recorderCode = 'failed';
      this.announcement = this.#strings.recorderFailed;
      return;
    }
    this.recorderCode = 'ready';
    await this.updateComplete;
    // Focus on the recorder's first step (turning the microphone on), once it shows it.
    const recorder = this.renderRoot.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('contribution-recorder');
    await recorder?.updateComplete;
    // Not the recorder itself: a host with tabindex=-1 takes its buttons out of Safari's Tab order.
    (
      recorder?.shadowRoot?.querySelector<HTMLElement>('button') ?? this.renderRoot.querySelector<HTMLElement>('.recorder-panel')
    )?.focus();
  }

  #closeRecorder(): void {
    const kind = this.recording;
    this.recording = undefined;
    // Focus goes back to the button that opened it (a call may offer audio and video).
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`.record-${kind}`)?.focus());
  }

  /** A take from the recorder joins the files, with its upload (begun while recording). */
  #useTake(event: CustomEvent<RecordingUseDetail>): void {
    event.stopPropagation();
    this.recording = undefined;
    this.#adoptUpload(event.detail.upload);
  }

  #adoptUpload(upload: FileUpload): void {
    const call = this.loaded;
    if (!call) return;
    const file = upload.file;
    const problem = this.#refusal(file, call);
    if (problem) {
      void upload.cancel();
      this.errors = { ...this.errors, files: problem };
      emit(this, 'contribution-error', { callId: call.id, message: problem, fileName: file.name });
      return;
    }
    upload.watch((u) => this.#uploadChanged(u));
    const kind = acceptsFor(call, file.type)?.kind ?? 'audio';
    this.files = [...this.files, { upload, kind, preview: URL.createObjectURL(file), announcedStep: 0 }];
    this.errors = { ...this.errors, files: undefined };
    this.announcement = this.#strings.recordingAdded(file.name);
    this.#uploadChanged(upload);
  }

  /** Sends a take kept from an earlier visit: its upload continues from the server's offset. */
  async #sendUnsent(stored: StoredTake): Promise<void> {
    const take = await this.#restoreUnsent(stored);
    const call = this.loaded;
    if (!take || !call) return;
    const upload = this.#uploadOf(take, call);
    this.#adoptUpload(upload);
    if (upload.state === 'waiting') void upload.start();
  }

  async #discardUnsent(stored: StoredTake): Promise<void> {
    const take = await this.#restoreUnsent(stored);
    const call = this.loaded;
    // Thrown away on the server too, and out of IndexedDB.
    if (take && call) await this.#uploadOf(take, call).cancel();
  }

  /** A kept take, out of the offer; when its code cannot be had, it stays offered and the form says why. */
  async #restoreUnsent(stored: StoredTake): Promise<Take | undefined> {
    const takes = await loadTakes();
    if (!takes) {
      this.errors = { ...this.errors, files: this.#strings.errors.takeUnavailable };
      this.announcement = this.#strings.errors.takeUnavailable;
      return undefined;
    }
    this.unsentTakes = this.unsentTakes.filter((t) => t !== stored);
    return takes.Take.restore(stored);
  }

  #onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    if (event.dataTransfer?.files.length) this.#addFiles(event.dataTransfer.files);
  }

  #onPaste(event: ClipboardEvent): void {
    const data = event.clipboardData;
    if (this.mode !== 'files' || !data) return;
    // Some browsers give a pasted screenshot as an item of kind "file" and an empty `files`.
    const files = data.files.length
      ? [...data.files]
      : [...data.items]
          .filter((item) => item.kind === 'file')
          .map((item) => item.getAsFile())
          .filter((f): f is File => f !== null);
    if (files.length === 0) return;
    event.preventDefault();
    this.#addFiles(files);
  }

  #onPick(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.files) this.#addFiles(input.files);
    input.value = ''; // the same file can be picked again (after removing it, say)
  }

  // ——— fields ———

  #setValue<K extends keyof AnswerValues>(field: K, value: AnswerValues[K]): void {
    this.values = { ...this.values, [field]: value };
    // A message about a field goes away once the visitor changes the field.
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  async #focusFirstError(): Promise<void> {
    await this.updateComplete;
    const first = fieldOrder.find((f) => this.errors[f]);
    const target = first === 'files' ? 'files' : first;
    this.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus();
  }

  async #onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const call = this.loaded;
    if (!call || this.phase !== 'form') return;
    this.formError = undefined;
    const active = this.#activeFiles;
    const errors = checkAnswer(this.values, this.mode, call, active.length, this.#strings, this.settings.formats);
    if (this.mode === 'files' && active.some((f) => f.upload.state === 'failed'))
      errors.files = this.#strings.errors.uploadsUnfinished;
    this.errors = errors;
    const count = Object.values(errors).filter(Boolean).length;
    if (count > 0) {
      const message = this.#strings.errors.fixBelow(this.settings.formats.count(count), count);
      this.announcement = message;
      emit(this, 'contribution-error', { callId: call.id, message });
      await this.#focusFirstError();
      return;
    }
    if (this.mode === 'files' && active.some((f) => f.upload.state !== 'done')) {
      this.waitingToSend = true;
      this.announcement = this.#strings.waitingForUploads;
      return;
    }
    await this.#send();
  }

  /** Sends the contribution; after an error, sending again re-uses the finished uploads. */
  async #send(): Promise<void> {
    const call = this.loaded;
    const source = this.settings.source;
    if (!call) return;
    this.waitingToSend = false;
    if (!source) {
      this.formError = (
        await describeFailure(new MissingBackend(), this.settings.lang, this.#strings.errors.submitFailed)
      ).message;
      return;
    }
    const v = this.values;
    const request: ContributionRequest = {
      kind: this.mode === 'text' ? 'text' : (this.#activeFiles[0]?.kind ?? 'image'),
      creditName: v.creditName.trim(),
      consent: { termsVersion: call.terms.version, acceptedAt: new Date().toISOString() },
      uploads: this.mode === 'text' ? [] : this.#activeFiles.map((f) => f.upload.url ?? ''),
    };
    if (v.title.trim()) request.title = v.title.trim();
    if (this.mode === 'text') request.text = v.text;
    if (v.email.trim()) request.email = v.email.trim();
    if (v.language) request.language = v.language;
    this.phase = 'sending';
    this.announcement = this.#strings.submitting;
    try {
      const receipt = await submitContribution(source, call.id, request);
      this.receipt = receipt;
      this.phase = 'done';
      // Sent: the recordings kept in case of a reload are no longer needed.
      for (const f of this.files) void f.upload.take?.forget();
      forget(); // the call's contribution count changed
      emit(this, 'contribution-submit', {
        callId: call.id,
        contributionId: receipt.id,
        uploads: request.uploads,
        url: receipt.url,
      });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.thanks-heading')?.focus();
    } catch (error) {
      this.phase = 'form';
      this.#sendFailed(error);
      emit(this, 'contribution-error', {
        callId: call.id,
        message: this.formError ?? Object.values(this.errors).find(Boolean) ?? '',
        problem: error instanceof BackendError ? error.problem : undefined,
      });
      await this.updateComplete;
      if (this.formError) this.renderRoot.querySelector<HTMLElement>('.form-error')?.focus();
      else await this.#focusFirstError();
    }
  }

  /** Puts a refusal next to the field it is about, or above the form. */
  #sendFailed(error: unknown): void {
    const errors = this.#strings.errors;
    if (!(error instanceof BackendError)) {
      this.formError = errors.submitFailed;
      return;
    }
    if (error.kind === 'unreachable' || error.kind === 'timeout') {
      this.formError = errors.submitUnreachable;
      return;
    }
    const problem = error.problem;
    const code = problem?.type.split(':').pop();
    if (code === 'call-not-open') {
      this.formError = errors.callClosedMeanwhile;
      return;
    }
    if (code === 'terms-outdated') {
      this.errors = { ...this.errors, consent: errors.termsChanged };
      this.values = { ...this.values, consent: false };
      forget();
      void this.#reloadTerms();
      return;
    }
    const field = problem?.field === 'uploads' ? 'files' : (problem?.field as AnswerField | undefined);
    const detail = problem?.detail ?? problem?.title ?? error.message;
    if (field && fieldOrder.includes(field)) this.errors = { ...this.errors, [field]: detail };
    else this.formError = `${errors.submitFailed} ${detail}`;
  }

  /** After "the terms changed", show the new version without losing anything typed. */
  async #reloadTerms(): Promise<void> {
    const source = this.settings.source;
    if (!source || !this.loaded) return;
    try {
      this.loaded = await getCall(source, this.loaded.id);
    } catch {
      // The old terms stay shown; sending again will say so again.
    }
  }

  #sendAnother(): void {
    for (const f of this.files) URL.revokeObjectURL(f.preview);
    this.files = [];
    this.values = { ...this.values, title: '', text: '', consent: false };
    this.errors = {};
    this.receipt = undefined;
    this.phase = 'form';
  }

  // ——— rendering ———

  #errorFor(field: AnswerField): TemplateResult | typeof nothing {
    const message = this.errors[field];
    return message ? html`<p class="error" part="error" id="${field}-error">${message}</p>` : nothing;
  }

  #describedBy(field: AnswerField, ...others: string[]): string {
    return [...others, this.errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
  }

  /** A one-line field: its label, the input, a hint, and its error, wired together for screen readers. */
  #renderInput(
    field: 'title' | 'creditName' | 'email',
    options: {
      type: 'text' | 'email';
      label: string;
      hint?: string;
      optional?: boolean;
      maxlength?: number;
    },
  ): TemplateResult {
    const hintId = options.hint ? `${field}-hint` : '';
    return html`<div class="field" part="field">
      <label for=${field}
        >${options.label} ${options.optional ? html`<span class="optional">${this.#strings.optional}</span>` : nothing}</label
      >
      <input
        id=${field}
        part="input"
        type=${options.type}
        autocomplete=${field === 'email' ? 'email' : field === 'creditName' ? 'name' : 'off'}
        maxlength=${options.maxlength ?? 320}
        ?required=${!options.optional}
        .value=${this.values[field]}
        aria-invalid=${this.errors[field] ? 'true' : 'false'}
        aria-describedby=${this.#describedBy(field, hintId)}
        @input=${(e: Event) => this.#setValue(field, (e.target as HTMLInputElement).value)}
      />
      ${options.hint ? html`<p class="hint" id=${hintId}>${options.hint}</p>` : nothing} ${this.#errorFor(field)}
    </div>`;
  }

  #renderText(call: Call): TemplateResult {
    const max = call.accepts.find((a) => a.kind === 'text')?.maxLength;
    const formats = this.settings.formats;
    const count = characterCount(this.values.text);
    return html`<div class="field" part="field">
      <label for="text">${this.#strings.textLabel}</label>
      <textarea
        id="text"
        part="input"
        rows="4"
        .value=${this.values.text}
        aria-invalid=${this.errors.text ? 'true' : 'false'}
        aria-describedby=${this.#describedBy('text', max ? 'text-count' : '')}
        @input=${(e: Event) => this.#setValue('text', (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${
        max
          ? html`<p id="text-count" class="hint count ${count > max ? 'over' : ''}">
              ${this.#strings.characterCount(formats.count(count), formats.count(max))}
            </p>`
          : nothing
      }
      ${this.#errorFor('text')}
    </div>`;
  }

  #renderFile(chosen: ChosenFile, index: number): TemplateResult {
    const { upload, kind, preview } = chosen;
    const s = this.#strings;
    const formats = this.settings.formats;
    const name = upload.file.name;
    const state = upload.state === 'cancelled' ? 'failed' : upload.state;
    const details: string[] = [s.state[state]];
    if (upload.state !== 'done') details.push(formats.percent(upload.percent / 100));
    if (upload.state === 'uploading' && upload.speed > 0) {
      details.push(s.speed(formats.size(upload.speed)));
      const left = upload.secondsLeft;
      if (left !== undefined) details.push(s.timeLeft(formats.duration(Math.max(1, Math.round(left)))));
    }
    if (upload.resumedFrom !== undefined && upload.state !== 'done')
      details.push(s.resumingFrom(formats.percent(upload.resumedFrom)));
    return html`<li class="file ${upload.state}" part="file">
      ${
        kind === 'image'
          ? html`<img class="preview" src=${preview} alt="" width="64" height="64" />`
          : kind === 'audio'
            ? html`<audio class="preview" controls preload="metadata" src=${preview} aria-label=${name}></audio>`
            : html`<video class="preview" controls muted preload="metadata" src=${preview} aria-label=${name}></video>`
      }
      <div class="file-info">
        <p class="file-name"><span>${name}</span> <span class="file-size">${formats.size(upload.bytesTotal)}</span></p>
        <progress part="progress" max="100" .value=${upload.percent} aria-label=${name}></progress>
        <p class="file-status">${details.join(' · ')}</p>
        ${upload.state === 'failed' ? html`<p class="error" part="error">${this.#uploadFailureMessage(upload)}</p>` : nothing}
      </div>
      <div class="file-actions">
        ${
          upload.state === 'uploading' || upload.state === 'offline'
            ? html`<button type="button" class="pause" @click=${() => upload.pause()}>${s.pause(name)}</button>`
            : upload.state === 'paused'
              ? html`<button type="button" class="resume" @click=${() => upload.resume()}>${s.resume(name)}</button>`
              : upload.state === 'failed'
                ? html`<button type="button" class="resume" @click=${() => upload.resume()}>${s.retryUpload(name)}</button>`
                : nothing
        }
        <button type="button" class="remove" @click=${() => this.#removeFile(chosen, index)}>
          ${upload.state === 'done' ? s.removeFile(name) : s.cancel(name)}
        </button>
      </div>
    </li>`;
  }

  /** On a phone, a second picker that opens the camera or the microphone app directly. */
  #renderCapture(id: string, accept: string, capture: 'environment' | 'user', label: string): TemplateResult {
    return html`<input
        type="file"
        id=${id}
        class="file-input"
        accept=${accept}
        capture=${capture}
        @change=${(e: Event) => this.#onPick(e)}
      /><label for=${id} class="button">${label}</label>`;
  }

  /** "Record audio", "Record video": beside the picker when the call takes them and the browser can record. */
  #renderRecordButtons(call: Call): TemplateResult | typeof nothing {
    if (!canRecord()) return nothing;
    return html`${recordableKinds(call).map(
      (kind) =>
        html`<button
          type="button"
          class="record-button record-${kind}"
          aria-expanded=${this.recording === kind ? 'true' : 'false'}
          @click=${() => (this.recording === kind ? this.#closeRecorder() : this.#openRecorder(kind))}
        >
          ${this.#strings.recordWith(kind)}
        </button>`,
    )}`;
  }

  #renderRecorder(call: Call): TemplateResult | typeof nothing {
    if (!this.recording) return nothing;
    if (this.recorderCode === 'loading') return html`<p class="hint">${this.#strings.recorderLoading}</p>`;
    if (this.recorderCode === 'failed')
      return html`<div class="recorder-panel">
        <p class="error" part="error">${this.#strings.recorderFailed}</p>
        <button type="button" class="close-recorder" @click=${() => this.#closeRecorder()}>${this.#strings.closeRecorder}</button>
      </div>`;
    return html`<div class="recorder-panel" tabindex="-1">
      <contribution-recorder
        .callData=${call}
        kind=${this.recording}
        chunk-size=${this.chunkSize ?? nothing}
        @recording-use=${(e: CustomEvent<RecordingUseDetail>) => this.#useTake(e)}
      ></contribution-recorder>
      <button type="button" class="close-recorder" @click=${() => this.#closeRecorder()}>${this.#strings.closeRecorder}</button>
    </div>`;
  }

  /** "You have an unsent recording from 14:02: send it, or discard it." */
  #renderUnsentTakes(): TemplateResult | typeof nothing {
    if (this.unsentTakes.length === 0) return nothing;
    const s = this.#strings;
    return html`<ul class="unsent" part="unsent">
      ${this.unsentTakes.map(
        (take) =>
          html`<li>
            <p>${s.unsentTake(this.settings.formats.date(new Date(take.startedAt).toISOString()))}</p>
            <button type="button" class="primary send-take" @click=${() => this.#sendUnsent(take)}>${s.sendTake}</button>
            <button type="button" class="discard-take" @click=${() => this.#discardUnsent(take)}>${s.discardTake}</button>
          </li>`,
      )}
    </ul>`;
  }

  #renderFiles(call: Call): TemplateResult {
    const s = this.#strings;
    const active = this.#activeFiles;
    const max = Math.max(...call.accepts.filter((a) => a.kind !== 'text').map((a) => a.maxFiles ?? 1));
    const kinds = new Set(call.accepts.map((a) => a.kind));
    const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
    return html`<div class="field files" part="field">
      <p class="label" id="files-label">${s.filesLabel}</p>
      ${this.#renderUnsentTakes()}
      <div
        class="dropzone ${this.dragging ? 'dragging' : ''}"
        part="dropzone"
        @dragover=${(e: DragEvent) => {
          e.preventDefault();
          this.dragging = true;
        }}
        @dragleave=${() => (this.dragging = false)}
        @drop=${(e: DragEvent) => this.#onDrop(e)}
      >
        <input
          type="file"
          id="files"
          class="file-input"
          accept=${acceptAttribute(call)}
          ?multiple=${max > 1}
          aria-labelledby="files-label files-button"
          aria-describedby=${this.#describedBy('files', 'files-hint')}
          aria-invalid=${this.errors.files ? 'true' : 'false'}
          @change=${(e: Event) => this.#onPick(e)}
        />
        <label for="files" class="button" id="files-button">${s.chooseFiles(max)}</label>
        ${this.#renderRecordButtons(call)}
        ${
          coarse && (kinds.has('image') || kinds.has('video'))
            ? this.#renderCapture('camera', kinds.has('video') ? 'video/*' : 'image/*', 'environment', s.useCamera)
            : nothing
        }
        ${coarse && kinds.has('audio') && !kinds.has('video') ? this.#renderCapture('microphone', 'audio/*', 'user', s.recordAudio) : nothing}
        <p class="hint" id="files-hint">${s.dropHint} · ${mediaKindWords(call, s, this.settings.formats)}</p>
      </div>
      ${this.#renderRecorder(call)} ${this.#errorFor('files')}
      ${
        active.length
          ? html`<ul class="file-list">
              ${active.map((f, i) => this.#renderFile(f, i))}
            </ul>`
          : nothing
      }
    </div>`;
  }

  #renderForm(call: Call): TemplateResult {
    const s = this.#strings;
    const v = this.values;
    const modes = new Set(call.accepts.map((a) => (a.kind === 'text' ? 'text' : 'files')));
    const sending = this.phase === 'sending';
    return html`<form
      part="form"
      novalidate
      aria-label=${s.formLabel(call.title)}
      @submit=${this.#onSubmit}
      @paste=${this.#onPaste}
    >
      ${
        this.formError
          ? html`<div class="form-error" part="error" role="alert" tabindex="-1">
              <p>${this.formError}</p>
              <button type="button" class="retry" @click=${() => this.#send()}>${s.retrySubmit}</button>
            </div>`
          : nothing
      }
      ${
        modes.size > 1
          ? html`<fieldset class="field" part="field">
              <legend>${s.answerWith}</legend>
              ${(['text', 'files'] as const).map(
                (mode) =>
                  html`<label class="choice"
                    ><input
                      type="radio"
                      name="mode"
                      .checked=${this.mode === mode}
                      @change=${() => (this.mode = mode)}
                    />${mode === 'text' ? s.answerWithText : s.answerWithFiles}</label
                  >`,
              )}
            </fieldset>`
          : nothing
      }
      ${this.mode === 'text' ? this.#renderText(call) : this.#renderFiles(call)}
      ${this.#renderInput('title', { type: 'text', label: s.titleLabel, optional: true, maxlength: 300 })}
      ${this.#renderInput('creditName', { type: 'text', label: s.creditLabel, hint: s.creditHint, maxlength: 200 })}
      ${this.#renderInput('email', { type: 'email', label: s.emailLabel, hint: s.emailHint, optional: true })}
      ${
        call.languages.length > 1
          ? html`<div class="field" part="field">
              <label for="language">${s.languageLabel}</label>
              <select
                id="language"
                part="input"
                @change=${(e: Event) => this.#setValue('language', (e.target as HTMLSelectElement).value)}
              >
                ${call.languages.map(
                  (l) => html`<option value=${l} ?selected=${l === v.language}>${this.settings.formats.language(l)}</option>`,
                )}
              </select>
            </div>`
          : nothing
      }
      <div class="field consent" part="field">
        <div class="choice">
          <input
            type="checkbox"
            id="consent"
            .checked=${v.consent}
            aria-invalid=${this.errors.consent ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('consent', 'terms')}
            @change=${(e: Event) => this.#setValue('consent', (e.target as HTMLInputElement).checked)}
          />
          <label for="consent">${s.consent(call.title)}</label>
        </div>
        <p class="hint" id="terms">
          <a href=${call.terms.url} target="_blank" rel="noopener noreferrer">${s.termsLink(call.terms.version)}</a>
          ${call.terms.license ? s.license(call.terms.license) : nothing}
        </p>
        ${this.#errorFor('consent')}
      </div>
      ${this.waitingToSend ? html`<p class="waiting">${s.waitingForUploads}</p>` : nothing}
      <button type="submit" class="primary submit" part="submit-button" ?disabled=${sending || this.waitingToSend}>
        ${sending ? s.submitting : s.submit}
      </button>
    </form>`;
  }

  #renderThanks(call: Call): TemplateResult {
    const s = this.#strings;
    return html`<div class="thanks" part="thanks">
      ${heading(this.headingLevel, 'thanks-heading', 'thanks-heading', s.thanksHeading, true)}
      <p>${s.thanksBody(call.title)}</p>
      ${this.receipt?.url ? html`<p><a href=${this.receipt.url} target="_blank" rel="noopener noreferrer">${s.viewContribution}</a></p>` : nothing}
      <button type="button" class="another" @click=${() => this.#sendAnother()}>${s.sendAnother}</button>
    </div>`;
  }

  protected override render() {
    const call = this.loaded;
    let body: TemplateResult;
    if (this.phase === 'loading') body = html`<p class="loading" aria-busy="true">${this.#strings.loading}</p>`;
    else if (this.phase === 'unavailable' || !call)
      body = html`<div class="message" part="error" role="alert">
        <p>${this.unavailable?.message}</p>
        ${this.unavailable?.details ? html`<p class="details">${this.settings.strings.errorDetails(this.unavailable.details)}</p>` : nothing}
        ${call ? nothing : html`<button type="button" class="retry" @click=${() => this.#load()}>${this.settings.strings.retry}</button>`}
      </div>`;
    else if (this.phase === 'done') body = this.#renderThanks(call);
    else body = this.#renderForm(call);
    return html`<div class=${themeClass(this.settings.theme)} part="base" lang=${this.settings.lang}>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${body}
    </div>`;
  }
}
