import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Call } from '../api/types.js';
import type { Formats } from '../core/format.js';
import type { UploaderWords } from './words/words.js';
import { loadOnce } from '../core/load.js';
import { canRecord, recordableKinds } from '../record/formats.js';
import { mayHaveKeptTakes } from '../record/kept.js';
import type { FileUpload } from '../upload/file-upload.js';
import type { UploadsController } from '../upload/uploads-controller.js';
import type { Recordings } from './recording/recordings.js';

/** Most visitors never record: what the form does with recordings arrives when first needed. */
const loadRecordings = loadOnce('the recorder', () => import('./recording/recordings.js'));

export type RecordingForm = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment; chunkSize?: number };

export interface RecorderSlotOptions {
  uploads: UploadsController;
  words(): UploaderWords;
  formats(): Formats;
  /** A take's upload, to join the files when the call takes it. */
  adopt(upload: FileUpload): void;
  /** Shows a problem with recordings beside the file picker (and announces it). */
  problem(message: string): void;
}

/**
 * The answer form's place for recordings: "Record audio", "Record video" beside the file
 * picker, the recorder they open (or why it could not open), and the takes kept from an
 * earlier visit. The code behind them (`recording/`) loads when the recorder is first opened,
 * or when this browser may have kept takes.
 */
export class RecorderSlot {
  /** The kind the recorder is open for, if it is. */
  open: 'audio' | 'video' | undefined;
  /** Whether the recorder's code has arrived (it loads the first time it is opened). */
  code: 'loading' | 'ready' | 'failed' = 'loading';

  #recordings?: Recordings;
  readonly #form: RecordingForm;
  readonly #options: RecorderSlotOptions;

  constructor(form: RecordingForm, options: RecorderSlotOptions) {
    this.#form = form;
    this.#options = options;
  }

  async #load(): Promise<Recordings | undefined> {
    const code = await loadRecordings();
    return (this.#recordings ??= code && new code.Recordings(this.#form, this.#options));
  }

  /** Offers the takes kept for `call`, in a browser that kept some (see record/kept.ts). */
  async findUnsent(call: Call, stillShown: () => boolean): Promise<void> {
    if (mayHaveKeptTakes()) await (await this.#load())?.findUnsent(call, stillShown);
  }

  async #open(kind: 'audio' | 'video'): Promise<void> {
    this.open = kind;
    if (this.code === 'failed') this.code = 'loading';
    this.#form.requestUpdate();
    const recordings = await this.#load();
    if (!recordings || !(await recordings.recorderArrived())) {
      // Offline, or a missing file on a CDN: said in words, and files can still be chosen.
      this.code = 'failed';
      this.#options.uploads.announce(this.#options.words().recorderFailed);
      return;
    }
    this.code = 'ready';
    this.#form.requestUpdate();
    await this.#form.updateComplete;
    await recordings.focusRecorder();
  }

  #close(): void {
    const kind = this.open;
    this.open = undefined;
    this.#form.requestUpdate();
    // Focus goes back to the button that opened it (a call may offer audio and video).
    void this.#form.updateComplete.then(() => this.#form.renderRoot.querySelector<HTMLElement>(`.record-${kind}`)?.focus());
  }

  /** "Record audio", "Record video": beside the picker when the call takes them and the browser can record. */
  buttons(call: Call): TemplateResult | typeof nothing {
    if (!canRecord()) return nothing;
    return html`${recordableKinds(call).map(
      (kind) =>
        html`<button
          type="button"
          class="record-button record-${kind}"
          aria-expanded=${this.open === kind ? 'true' : 'false'}
          @click=${() => (this.open === kind ? this.#close() : this.#open(kind))}
        >
          ${this.#options.words().recordWith(kind)}
        </button>`,
    )}`;
  }

  /** The recorder, while it is open (or why it could not open), with Close. */
  panel(call: Call): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const s = this.#options.words();
    if (this.code === 'loading') return html`<p class="hint">${s.recorderLoading}</p>`;
    const close = html`<button type="button" class="close-recorder" @click=${() => this.#close()}>${s.closeRecorder}</button>`;
    const recorder = this.code === 'ready' && this.#recordings?.recorder(call, this.open, () => (this.open = undefined));
    return html`<div class="recorder-panel">
      ${recorder || html`<p class="error" part="error">${s.recorderFailed}</p>`} ${close}
    </div>`;
  }

  /** The takes kept from an earlier visit, once their code has arrived. */
  unsent(call: Call): TemplateResult | typeof nothing {
    return this.#recordings?.unsentOffer(call) ?? nothing;
  }
}
