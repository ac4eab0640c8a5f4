import { html, nothing, type TemplateResult } from 'lit';
import type { Call } from '../../api/types.js';
import type { RecordingUseDetail } from '../../core/events.js';
import { loadOnce } from '../../core/load.js';
import type { StoredTake } from '../../record/takes/take-store.js';
import type { RecorderSlotOptions, RecordingForm } from '../recorder-slot.js';
import { unsentTakes } from './unsent-takes.js';

// Each loads when first needed: the recorder when opened, the kept takes' code when one is sent.
const loadRecorder = loadOnce('the recorder', () => import('../../contribution-recorder/define.js'));
const loadTakeStore = loadOnce('the store of unsent recordings', () => import('../../record/takes/take-store.js'));
const loadTakes = loadOnce('recordings', () => import('../../record/takes/take.js'));

/**
 * What the answer form does with recordings, loaded the first time the visitor opens the
 * recorder or the browser may keep takes: the recorder itself, a take it hands over, and the
 * takes kept from an earlier visit, offered to send or discard.
 */
export class Recordings {
  /** Takes recorded for this call on an earlier visit and never sent. */
  unsent: StoredTake[] = [];

  readonly #form: RecordingForm;
  readonly #options: RecorderSlotOptions;

  constructor(form: RecordingForm, options: RecorderSlotOptions) {
    this.#form = form;
    this.#options = options;
  }

  /** Whether the recorder's code arrived (offline, or a file missing on a CDN: it did not). */
  async recorderArrived(): Promise<boolean> {
    return Boolean(await loadRecorder());
  }

  /** Focus on the recorder's first step (turning the microphone on), once it shows it. */
  async focusRecorder(): Promise<void> {
    const recorder = this.#form.renderRoot.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(
      'contribution-recorder',
    );
    await recorder?.updateComplete;
    (recorder?.shadowRoot?.querySelector<HTMLElement>('button') ?? recorder)?.focus();
  }

  /** Looks for takes kept for `call`, leaving out those already among the files. */
  async findUnsent(call: Call, stillShown: () => boolean): Promise<void> {
    const inUse = new Set(this.#options.uploads.chosen.map((c) => c.upload.take?.id));
    const takes = await loadTakeStore();
    const unsent = (await takes?.takeStore.unsent(call.id).catch(() => [])) ?? [];
    if (!stillShown()) return;
    this.unsent = unsent.filter((t) => !inUse.has(t.id));
    this.#form.requestUpdate();
  }

  /** The recorder for `kind`; `used` runs when it hands over a take (which joins the files). */
  recorder(call: Call, kind: 'audio' | 'video', used: () => void): TemplateResult {
    return html`<contribution-recorder
      tabindex="-1"
      .callData=${call}
      kind=${kind}
      chunk-size=${this.#form.chunkSize ?? nothing}
      @recording-use=${(e: CustomEvent<RecordingUseDetail>) => {
        e.stopPropagation();
        used();
        this.#options.adopt(e.detail.upload);
      }}
    ></contribution-recorder>`;
  }

  /** "You have an unsent recording from 14:02": Send and Discard. */
  unsentOffer(call: Call): TemplateResult | typeof nothing {
    return unsentTakes(this.unsent, {
      words: this.#options.words(),
      formats: this.#options.formats(),
      send: (take) => void this.#send(take, call),
      discard: (take) => void this.#discard(take, call),
    });
  }

  /** Sends a take kept from an earlier visit: its upload continues from the server's offset. */
  async #send(stored: StoredTake, call: Call): Promise<void> {
    const take = await this.#restore(stored);
    if (!take) return;
    const upload = this.#options.uploads.create(take, call);
    this.#options.adopt(upload);
    if (upload.state === 'waiting') void upload.start();
  }

  async #discard(stored: StoredTake, call: Call): Promise<void> {
    const take = await this.#restore(stored);
    // Thrown away on the server too, and out of IndexedDB.
    if (take) await this.#options.uploads.create(take, call).cancel();
  }

  /** A kept take, out of the offer; when its code cannot be had, it stays offered and the form says why. */
  async #restore(stored: StoredTake) {
    const takes = await loadTakes();
    if (!takes) {
      this.#options.problem(this.#options.words().errors.takeUnavailable);
      return undefined;
    }
    this.unsent = this.unsent.filter((t) => t !== stored);
    this.#form.requestUpdate();
    return takes.Take.restore(stored);
  }
}
