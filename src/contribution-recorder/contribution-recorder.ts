import { callText } from '../core/call-content.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { Call } from '../api/types.js';
import { CallTask } from '../core/call-task.js';
import { OpenCallWidget } from '../core/open-call-widget.js';
import { emit } from '../core/events.js';
import { type RecorderWords } from './words/words.js';
import { recorderWords } from './words/words.js';
import { audioBitsPerSecond, canRecord, recordingFormat, videoBitsPerSecond, type RecordingFormat } from '../record/formats.js';
import { Take } from '../record/takes/take.js';
import { themeClass, tokens } from '../core/styles/tokens.js';
import type { FileUpload } from '../upload/file-upload.js';
import { UploadsController } from '../upload/uploads-controller.js';
import { MediaController } from './media-controller.js';
import { clock, deviceChoice, livePreview, problemBox, prompt, takePlayer, uploadStatus, type Problem } from './parts.js';
import { styles } from './styles.js';

type Phase = 'loading' | 'idle' | 'asking' | 'ready' | 'countdown' | 'recording' | 'paused' | 'stopped' | 'used' | 'failed';

/**
 * Records an answer to a call that asks people to record themselves, in the browser: audio, or
 * video with sound. The take goes to the call's tus endpoint while it is being recorded, and
 * is kept in IndexedDB until the contribution is sent, so a long take is already uploaded when
 * the visitor presses Stop, and a reload loses nothing. `<contribution-uploader>` offers it
 * beside "Choose files"; on its own, it hands the take over in `recording-use`.
 *
 * @tagname contribution-recorder
 * @summary Record an answer in the browser, uploaded while recording.
 *
 * @event recording-use - The visitor chose this take. `detail: { callId, file, upload }`: the
 *   recorded file, and its upload (finished, or finishing), whose `url` names it in a contribution.
 * @event contribution-error - Recording could not start or stopped; the recorder says why.
 *   `detail: { callId, message }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart prompt - What the call asks, shown throughout.
 * @csspart preview - The camera preview, or the take's player.
 * @csspart meter - The microphone level.
 * @csspart status - Recording state and elapsed time.
 * @csspart error - Why recording is not possible, and what to do instead.
 *
 * @cssproperty --oc-color-accent - Buttons and the level meter.
 * @cssproperty --oc-color-danger - The recording indicator and errors.
 * @cssproperty --oc-color-subtle - The recorder's background.
 * @cssproperty --oc-radius - Corner radius.
 */
export class ContributionRecorderElement extends OpenCallWidget {
  static override properties = {
    call: { type: String },
    callData: { attribute: false },
    kind: { type: String },
    countdown: { type: Number },
    chunkSize: { type: Number, attribute: 'chunk-size' },
    phase: { state: true, attribute: false },
    shownCall: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    elapsedMs: { state: true, attribute: false },
    secondsToGo: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  static override styles = [tokens, styles];
  protected static override readonly wordTables = [recorderWords];

  /** The id of the call being answered (or set `callData`). */
  declare call: string | undefined;
  /** The call object, when the page already has it. */
  declare callData: Call | undefined;
  /** `audio` or `video`. Default: video when the call takes it and the browser can record it, else audio. */
  declare kind: 'audio' | 'video' | undefined;
  /** Seconds counted down before recording starts. Default 3. */
  declare countdown: number;
  /** Largest upload request, in bytes, when the upload catches up after a network drop. */
  declare chunkSize: number | undefined;

  declare private phase: Phase;
  /** The call being answered, once it has loaded. */
  declare private shownCall: Call | undefined;
  declare private problem: Problem | undefined;
  declare private elapsedMs: number;
  declare private secondsToGo: number;
  declare private announcement: string;

  readonly #callTask = new CallTask(this, this.settings, {
    started: () => (this.phase = 'loading'),
    loaded: (call) => {
      this.shownCall = call;
      this.phase = 'idle';
      if (!this.#format) this.#fail('unsupported');
    },
    failed: (failure) => this.#fail('load', failure.message),
  });
  /** The take's upload, begun with the recording: the form it is used in takes it over. */
  readonly #uploads = new UploadsController(this, { settings: this.settings, chunkSize: () => this.chunkSize });
  readonly #media = new MediaController(this);
  #recorder?: MediaRecorder;
  #take?: Take;
  #upload?: FileUpload;
  #takeUrl?: string;
  #ticking?: ReturnType<typeof setInterval>;
  #recordedBefore = 0;
  #recordingSince = 0;
  #limitHit = false;

  constructor() {
    super();
    this.countdown = 3;
    this.phase = 'loading';
    this.elapsedMs = 0;
    this.secondsToGo = 0;
    this.announcement = '';
  }

  override disconnectedCallback(): void {
    // A recording in progress stops and keeps what it has (in IndexedDB, and on the server);
    // a take not handed over stops uploading (the uploads controller pauses what it holds),
    // and the next visit offers it. A take handed over is no longer this recorder's to stop.
    if (this.#recorder && this.#recorder.state !== 'inactive') this.#recorder.stop();
    if (this.phase === 'used' && this.#upload) this.#uploads.release(this.#upload);
    clearInterval(this.#ticking);
    super.disconnectedCallback();
  }

  get #words(): RecorderWords {
    return this.settings.words(recorderWords);
  }

  /** What this recorder records: the kind asked for, else video when possible, else audio. */
  get #mediaKind(): 'audio' | 'video' {
    if (this.kind === 'audio' || this.kind === 'video') return this.kind;
    return this.shownCall && recordingFormat(this.shownCall, 'video') ? 'video' : 'audio';
  }

  get #format(): RecordingFormat | undefined {
    return this.shownCall && canRecord() ? recordingFormat(this.shownCall, this.#mediaKind) : undefined;
  }

  get #maxSeconds(): number | undefined {
    return this.shownCall?.accepts.find((a) => a.kind === this.#mediaKind)?.maxSeconds;
  }

  #failureMessage?: string;
  #fail(problem: Problem, message?: string): void {
    // What was recorded before a failure is kept (and finishes uploading): the next visit offers it.
    this.#take?.finish();
    this.#release();
    this.problem = problem;
    this.#failureMessage = message;
    this.phase = 'failed';
    const text = this.#problemText();
    this.announcement = text;
    emit(this, 'contribution-error', { callId: this.shownCall?.id ?? this.call ?? '', message: text });
  }

  #problemText(): string {
    const e = this.#words.errors;
    const problem = this.problem ?? 'failed';
    if (problem === 'noDevice') return e.noDevice(this.#mediaKind);
    // The call could not be loaded: the list's words for why (unreachable, not found…).
    if (problem === 'load') return this.#failureMessage || e.failed;
    return e[problem];
  }

  // ——— devices ———

  /** Asks for the microphone (and camera): the browser asks the visitor the first time. */
  async #turnOn(): Promise<void> {
    if (!window.isSecureContext) return this.#fail('insecure');
    if (!this.#format) return this.#fail('unsupported');
    this.phase = 'asking';
    this.problem = undefined;
    clearInterval(this.#ticking);
    const problem = await this.#media.turnOn(this.#mediaKind === 'video');
    if (problem) return this.#fail(problem);
    this.phase = 'ready';
    await this.updateComplete;
    this.#focusOn('.record');
  }

  #chooseDevice(kind: 'audio' | 'video', deviceId: string): void {
    this.#media.chosen = { ...this.#media.chosen, [kind]: deviceId };
    void this.#turnOn();
  }

  /** Lets go of the microphone and camera, and stops counting. */
  #release(): void {
    clearInterval(this.#ticking);
    this.#media.release();
  }

  // ——— recording ———

  #startCountdown(): void {
    this.secondsToGo = Math.max(0, Math.round(this.countdown));
    if (this.secondsToGo === 0) return this.#startRecording();
    this.phase = 'countdown';
    this.announcement = this.#words.countdown(this.settings.formats.count(this.secondsToGo));
    this.#ticking = setInterval(() => {
      this.secondsToGo--;
      if (this.secondsToGo > 0) {
        this.announcement = this.#words.countdown(this.settings.formats.count(this.secondsToGo));
        return;
      }
      clearInterval(this.#ticking);
      this.#startRecording();
    }, 1000);
    void this.updateComplete.then(() => this.#focusOn('.cancel'));
  }

  #cancelCountdown(): void {
    clearInterval(this.#ticking);
    this.phase = 'ready';
    void this.updateComplete.then(() => this.#focusOn('.record'));
  }

  #startRecording(): void {
    const call = this.shownCall;
    const format = this.#format;
    const stream = this.#media.stream;
    if (!call || !format || !stream) return;
    const take = Take.begin(call.id, format);
    this.#take = take;
    this.#upload = this.#uploads.create(take, call);
    this.#uploads.add(this.#upload, format.kind);
    void this.#upload.start();
    const recorder = new MediaRecorder(stream, {
      mimeType: format.mimeType,
      audioBitsPerSecond,
      ...(format.kind === 'video' ? { videoBitsPerSecond } : {}),
    });
    this.#recorder = recorder;
    recorder.ondataavailable = (event) => take.append(event.data);
    recorder.onstop = () => this.#stopped(take);
    recorder.onerror = () => this.#fail('failed');
    // A chunk a second: each goes to the server while the next is recorded.
    recorder.start(1000);
    this.#recordedBefore = 0;
    this.#recordingSince = performance.now();
    this.elapsedMs = 0;
    this.#limitHit = false;
    this.phase = 'recording';
    this.announcement = this.#words.state.recording;
    this.#ticking = setInterval(() => this.#tick(), 250);
    void this.updateComplete.then(() => this.#focusOn('.stop'));
  }

  #tick(): void {
    if (this.phase !== 'recording') return;
    this.elapsedMs = this.#recordedBefore + (performance.now() - this.#recordingSince);
    const max = this.#maxSeconds;
    if (max && this.elapsedMs >= max * 1000) {
      this.elapsedMs = max * 1000;
      this.#limitHit = true;
      this.#stop();
    }
  }

  #pause(): void {
    if (this.#recorder?.state !== 'recording') return;
    this.#recorder.pause();
    this.#recordedBefore += performance.now() - this.#recordingSince;
    this.phase = 'paused';
    this.announcement = this.#words.state.paused;
  }

  #resume(): void {
    if (this.#recorder?.state !== 'paused') return;
    this.#recorder.resume();
    this.#recordingSince = performance.now();
    this.phase = 'recording';
    this.announcement = this.#words.state.recording;
  }

  #stop(): void {
    clearInterval(this.#ticking);
    if (this.#recorder && this.#recorder.state !== 'inactive') this.#recorder.stop();
  }

  #stopped(take: Take): void {
    if (take !== this.#take) return;
    take.finish();
    this.#release();
    this.#takeUrl = URL.createObjectURL(take.toFile());
    this.phase = 'stopped';
    this.announcement = this.#limitHit ? this.#words.limitReached : this.#words.state.stopped;
    void this.updateComplete.then(() => this.#focusOn('.use'));
  }

  /** Throws the take away, on the server too, and starts over. */
  #recordAgain(): void {
    this.#discardTake();
    void this.#turnOn();
  }

  #discardTake(): void {
    if (this.#upload) void this.#uploads.remove(this.#upload);
    if (this.#takeUrl) URL.revokeObjectURL(this.#takeUrl);
    this.#take = this.#upload = this.#takeUrl = undefined;
  }

  #useTake(): void {
    const take = this.#take;
    const upload = this.#upload;
    if (!take || !upload) return;
    this.phase = 'used';
    emit(this, 'recording-use', { callId: take.callId, file: take.toFile(), upload });
  }

  #focusOn(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ——— rendering ———

  #renderControls(): TemplateResult | typeof nothing {
    const s = this.#words;
    const kind = this.#mediaKind;
    const max = this.#maxSeconds;
    const elapsed = html`<p class="elapsed" part="status">
      <span class="state ${this.phase}">${this.phase === 'paused' ? s.state.paused : s.state.recording}</span>
      <span role="timer">${s.elapsed(clock(this.elapsedMs), max ? clock(max * 1000) : undefined)}</span>
    </p>`;
    switch (this.phase) {
      case 'idle':
        return html`<p class="hint">${s.allowHint}</p>
          <button type="button" class="primary turn-on" @click=${() => this.#turnOn()}>${s.allow(kind)}</button>`;
      case 'asking':
        return html`<p class="hint">${s.asking(kind)}</p>`;
      case 'ready':
        return html`<button type="button" class="primary record" @click=${() => this.#startCountdown()}>
          ${s.record(kind)}
        </button>`;
      case 'countdown':
        return html`<p class="countdown" aria-hidden="true">${this.settings.formats.count(this.secondsToGo)}</p>
          <button type="button" class="cancel" @click=${() => this.#cancelCountdown()}>${s.cancel}</button>`;
      case 'recording':
        return html`${elapsed}
          <button type="button" class="pause" @click=${() => this.#pause()}>${s.pause}</button>
          <button type="button" class="primary stop" @click=${() => this.#stop()}>${s.stop}</button>`;
      case 'paused':
        return html`${elapsed}
          <button type="button" class="resume" @click=${() => this.#resume()}>${s.resume}</button>
          <button type="button" class="primary stop" @click=${() => this.#stop()}>${s.stop}</button>`;
      case 'stopped':
      case 'used':
        return html`<p class="elapsed" part="status">
            ${this.#limitHit ? s.limitReached : s.state.stopped} · ${s.elapsed(clock(this.elapsedMs))}
          </p>
          ${this.#takeUrl ? takePlayer(this.#takeUrl, this.#mediaKind === 'video', s.takeLabel) : nothing}
          <div class="actions">
            <button type="button" class="again" @click=${() => this.#recordAgain()}>${s.recordAgain}</button>
            ${
              this.phase === 'stopped'
                ? html`<button type="button" class="primary use" @click=${() => this.#useTake()}>${s.useTake}</button>`
                : nothing
            }
          </div>`;
      default:
        return nothing;
    }
  }

  protected override render() {
    const call = this.shownCall;
    const s = this.#words;
    let body: TemplateResult | typeof nothing = nothing;
    if (this.phase === 'loading') body = html`<p class="loading">${s.loading}</p>`;
    else if (this.phase === 'failed')
      body = problemBox(this.#problemText(), this.problem, s, () =>
        this.problem === 'load' ? this.#callTask.run() : this.#turnOn(),
      );
    else if (call) {
      const { stream, devices } = this.#media;
      const video = this.#mediaKind === 'video';
      const live = ['ready', 'countdown', 'recording', 'paused'].includes(this.phase);
      const recording = this.phase === 'recording' || this.phase === 'paused';
      body = html`${['ready', 'asking'].includes(this.phase) && devices.length ? deviceChoice(this.#media, s, (kind, id) => this.#chooseDevice(kind, id)) : nothing}
        ${live && stream ? livePreview(stream, video, s) : nothing}
        <div class="controls">${this.#renderControls()}</div>
        ${this.#upload ? uploadStatus(this.#upload, recording, s, this.settings.formats) : nothing}`;
    }
    return html`<section
      class="${themeClass(this.settings.theme)} recorder"
      data-phase=${this.phase}
      part="base"
      lang=${this.settings.formats.locale}
      aria-label=${s.regionLabel(call ? callText(call, 'title', this.settings.formats.locale) : '')}
      aria-busy=${this.phase === 'loading' ? 'true' : 'false'}
    >
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${call ? prompt(call, s, this.settings.formats.locale) : nothing} ${body}
    </section>`;
  }
}
