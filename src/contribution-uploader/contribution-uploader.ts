import { callText } from '../core/call-content.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { checked } from '../api/request.js';
import type { Call, PublishedContribution } from '../api/types.js';
import { parseCall } from '../api/validate.js';
import { CallTask } from '../core/call-task.js';
import { OpenCallWidget } from '../core/open-call-widget.js';
import { settingsToShare, shareSettings } from '../open-call-config/share.js';
import { emit } from '../core/events.js';
import { type UploaderWords } from './words/words.js';
import { uploaderWords } from './words/words.js';
import { themeClass, tokens } from '../core/styles/tokens.js';
import type { FileUpload } from '../upload/file-upload.js';
import { UploadsController, type ChosenUpload } from '../upload/uploads-controller.js';
import { followProgress } from '../upload/follow-progress.js';
import { Answer } from './answer.js';
import { acceptsFor, checkFile, closedFor } from './checks.js';
import { pastedFiles } from './parts/drop-zone.js';
import { aboutFields, formProblem, modeChoice, textField, type FieldsContext } from './parts/fields.js';
import { filesField } from './parts/files-field.js';
import { uploadFailure } from './parts/file-row.js';
import { buildingOn, galleryFor, thanks } from './parts/thanks.js';
import { formSkeleton } from './parts/skeleton.js';
import { unavailableMessage } from './parts/unavailable.js';
import { RecorderSlot } from './recorder-slot.js';
import { styles } from './styles.js';

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
    basedOn: { attribute: false },
    shownCall: { state: true, attribute: false },
    dragging: { state: true, attribute: false },
  };

  static override styles = [tokens, styles];
  protected static override readonly wordTables = [uploaderWords];

  /** The id of the call being answered (or set `callData`). */
  declare call: string | undefined;
  /** Largest upload request, in bytes (default 40 MiB). Requests start at 2 MiB and grow to it while they pass (later uploads to the endpoint start at the size that passed); a proxy refusing one makes them smaller. */
  declare chunkSize: number | undefined;
  /** Level of the headings (2–6). Default 2. */
  declare headingLevel: number;
  /** The call object, when the page already has it. */
  declare callData: Call | undefined;
  /** The published contribution this answer builds on (its id is sent as `basedOn`); the form names it. */
  declare basedOn: Pick<PublishedContribution, 'id' | 'title' | 'creditName'> | undefined;

  /** The call the form answers, as loaded (and refreshed: new terms, a new count). */
  declare private shownCall: Call | undefined;
  declare private dragging: boolean;

  /** The call, loaded again when `call`, `callData`'s id or the backend change. */
  readonly #callTask = new CallTask(this, this.settings, {
    // A new load is about a new call (or a retry): nothing of the previous one may linger.
    started: () => (this.shownCall = undefined),
    loaded: (call) => this.#show(call),
  });

  /** The chosen files and takes, their uploads, and what the live region says. */
  readonly #uploads = new UploadsController(this, {
    settings: this.settings,
    chunkSize: () => this.chunkSize,
    announcements: () => ({
      progress: this.#words.progressAnnouncement,
      uploaded: this.#words.uploadedAnnouncement,
      failed: (upload) => uploadFailure(this.#words, upload),
    }),
    changed: (chosen) => this.#uploadChanged(chosen),
  });

  /** What was typed, the problems beside each field, and sending. */
  readonly #answer = new Answer(this, {
    settings: this.settings,
    uploads: this.#uploads,
    words: () => this.#words,
    call: () => this.shownCall,
    refreshed: (call) => (this.shownCall = call),
    basedOn: () => (this.basedOn ? [this.basedOn.id] : []),
  });

  readonly #recordings = new RecorderSlot(this, {
    uploads: this.#uploads,
    words: () => this.#words,
    formats: () => this.settings.formats,
    adopt: (upload) => this.#choose([upload]),
    problem: (message) => {
      this.#answer.setError('files', message);
      this.#uploads.announce(message);
    },
  });

  constructor() {
    super();
    // The recorder inside the form uploads, speaks and looks as the form does.
    shareSettings(this, () => settingsToShare(this.settings));
    this.headingLevel = 2;
    this.dragging = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Fresher data about the same call (its count, say) is shown without starting over.
    if (changed.has('callData') && this.callData && this.shownCall?.id === this.callData.id) {
      try {
        this.shownCall = checked(this.callData, (v) => parseCall(v));
      } catch {
        // Keep the call as it was: the form stays usable.
      }
    }
  }

  get #words(): UploaderWords {
    return this.settings.words(uploaderWords);
  }

  /** A call arrived: the answer fits it, and takes kept for it from an earlier visit are offered. */
  #show(call: Call): void {
    this.shownCall = call;
    this.#answer.fit(call);
    if (!closedFor(call, this.#words, this.settings.formats))
      void this.#recordings.findUnsent(call, () => this.shownCall === call);
  }

  get #callId(): string {
    return this.shownCall?.id ?? this.call ?? '';
  }

  /**
   * Files the visitor chose, and takes (from the recorder, or kept from an earlier visit) with
   * their uploads, join the contribution when the call takes them; each one it does not take
   * is said beside the file picker, before a byte moves (a take's upload is thrown away).
   */
  #choose(sources: Iterable<File | FileUpload>): void {
    const call = this.shownCall;
    if (!call || this.#answer.phase !== 'form') return;
    const problems: string[] = [];
    for (const source of sources) {
      const file = source instanceof File ? source : source.file;
      const chosen = this.#uploads.chosen;
      const files = chosen.length ? { kind: chosen[0].kind, files: chosen.map((c) => c.upload.file) } : undefined;
      const problem = checkFile(file, call, files, this.#words, this.settings.formats);
      if (problem) {
        problems.push(problem);
        if (!(source instanceof File)) void source.cancel();
        emit(this, 'contribution-error', { callId: call.id, message: problem, fileName: file.name });
        continue;
      }
      const upload = source instanceof File ? this.#uploads.create(file, call) : source;
      const added = this.#uploads.add(upload, acceptsFor(call, file.type)?.kind ?? 'image');
      if (source instanceof File) void upload.start();
      else {
        this.#uploads.announce(this.#words.recordingAdded(file.name));
        this.#uploadChanged(added);
      }
    }
    this.#answer.setError('files', problems.length ? problems.join(' ') : undefined);
  }

  #uploadChanged({ upload }: ChosenUpload): void {
    const { file } = upload;
    emit(this, 'contribution-progress', {
      callId: this.#callId,
      file: { name: file.name, size: file.size, type: file.type },
      state: upload.state,
      bytesSent: upload.bytesSent,
      bytesTotal: upload.bytesTotal,
      percent: upload.percent,
    });
    if (upload.state === 'failed')
      emit(this, 'contribution-error', {
        callId: this.#callId,
        message: uploadFailure(this.#words, upload),
        fileName: file.name,
      });
  }

  async #remove(chosen: ChosenUpload): Promise<void> {
    const index = this.#uploads.chosen.indexOf(chosen);
    await this.#uploads.remove(chosen.upload);
    this.#answer.setError('files', undefined);
    await this.updateComplete;
    // Focus stays in the list: on the next file's first button, or on the file picker.
    const rows = this.renderRoot.querySelectorAll<HTMLElement>('.file');
    const next =
      rows[Math.min(index, rows.length - 1)]?.querySelector<HTMLElement>('button') ??
      this.renderRoot.querySelector<HTMLElement>('#files');
    next?.focus();
  }

  #onPaste(event: ClipboardEvent): void {
    const files = this.#answer.mode === 'files' && event.clipboardData ? pastedFiles(event.clipboardData) : [];
    if (files.length === 0) return;
    event.preventDefault();
    this.#choose(files);
  }

  /**
   * Send, from the button (pressed, or by Enter in a field) or a submit event. The button's click
   * sends without the form submitting: a frame sandboxed without `allow-forms` (WordPress frames
   * an embed it discovered so) blocks form submission, and its submit event would never come.
   */
  #onSubmit(event: Event): void {
    event.preventDefault();
    void this.#answer.submit();
  }

  // ——— rendering ———

  #renderForm(call: Call): TemplateResult {
    const s = this.#words;
    const answer = this.#answer;
    const fields: FieldsContext = {
      values: answer.values,
      errors: answer.errors,
      words: s,
      formats: this.settings.formats,
      setValue: (field, value) => answer.setValue(field, value),
    };
    const modes = new Set(call.accepts.map((a) => (a.kind === 'text' ? 'text' : 'files')));
    const sending = answer.phase === 'sending';
    return html`<form
      part="form"
      novalidate
      aria-label=${s.formLabel(callText(call, 'title', this.settings.formats.locale))}
      @submit=${this.#onSubmit}
      @paste=${this.#onPaste}
    >
      ${this.basedOn ? buildingOn(s, this.basedOn.title ?? '', this.basedOn.creditName) : nothing}
      ${answer.formError ? formProblem(answer.formError, s, () => void answer.send()) : nothing}
      ${modes.size > 1 ? modeChoice(s, answer.mode, (mode) => answer.setMode(mode)) : nothing}
      ${
        answer.mode === 'text'
          ? textField(fields, call)
          : filesField(call, {
              ...fields,
              uploads: this.#uploads,
              recordings: this.#recordings,
              dragging: this.dragging,
              setDragging: (dragging) => (this.dragging = dragging),
              add: (files) => this.#choose(files),
              remove: (chosen) => void this.#remove(chosen),
            })
      }
      ${aboutFields(fields, call)} ${answer.waitingToSend ? html`<p class="waiting">${s.waitingForUploads}</p>` : nothing}
      <button
        type="submit"
        class="primary submit"
        part="submit-button"
        @click=${this.#onSubmit}
        ?disabled=${sending || answer.waitingToSend}
      >
        ${sending ? s.submitting : s.submit}
      </button>
    </form>`;
  }

  #renderBody(): TemplateResult {
    const call = this.shownCall;
    const words = this.#words;
    const failure = this.#callTask.failure;
    if (!call && failure) {
      const message = `${words.errors.loadFailed} ${failure.message}`.trim();
      return unavailableMessage({ ...failure, message }, this.#words, () => void this.#callTask.run());
    }
    if (!call) return formSkeleton(words.loading);
    const closed = closedFor(call, words, this.settings.formats);
    if (closed) return unavailableMessage(closed, this.#words);
    if (this.#answer.phase !== 'done') return this.#renderForm(call);
    return thanks(call, this.#answer.receipt, {
      words,
      locale: this.settings.formats.locale,
      headingLevel: this.headingLevel,
      gallery: galleryFor(this, call),
      sendAnother: () => this.#answer.sendAnother(),
      announce: (message) => this.#uploads.announce(message),
    });
  }

  protected override render() {
    return html`<div class=${themeClass(this.settings.theme)} part="base" lang=${this.settings.formats.locale}>
      <div class="visually-hidden" role="status">${followProgress(this.#uploads.spoken, () => this.#uploads.announcement)}</div>
      ${this.#renderBody()}
    </div>`;
  }
}
