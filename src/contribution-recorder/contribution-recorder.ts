import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Call } from '../api/types.js';
import { OpenCallWidget } from '../config/open-call-widget.js';
import { emit } from '../events.js';
import { describeFailure } from '../i18n/failure.js';
import { widgetStrings, type RecorderStrings } from '../i18n/index.js';
import { recorderStrings } from '../i18n/recorder.js';
import { audioBitsPerSecond, canRecord, recordingFormat, videoBitsPerSecond, type RecordingFormat } from '../record/formats.js';
import { Take } from '../record/take.js';
import { uploadTarget } from '../upload/target.js';
import { themeClass, tokens } from '../styles/tokens.js';
import { FileUpload } from '../upload/file-upload.js';
import { resumeStore } from '../upload/resume-store.js';
import { styles } from './styles.js';

type Phase = 'loading' | 'idle' | 'asking' | 'ready' | 'countdown' | 'recording' | 'paused' | 'stopped' | 'used' | 'failed';
type Problem = 'denied' | 'noDevice' | 'inUse' | 'insecure' | 'unsupported' | 'failed' | 'load';

/** Why getUserMedia said no, in the terms the visitor can act on. */
function problemOf(error: unknown): Problem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'noDevice';
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'inUse';
  return 'failed';
}

/** "0:04", "12:30": a clock, as recorders show it. */
const clock = (ms: number) => {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

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
    loaded: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    devices: { state: true, attribute: false },
    elapsedMs: { state: true, attribute: false },
    secondsToGo: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  static override styles = [tokens, styles];
  protected static override readonly speaks = [widgetStrings, recorderStrings];

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
  declare private loaded: Call | undefined;
  declare private problem: Problem | undefined;
  declare private devices: MediaDeviceInfo[];
  declare private elapsedMs: number;
  declare private secondsToGo: number;
  declare private announcement: string;

  #loadKey?: unknown[];
  #loading?: AbortController;
  #stream?: MediaStream;
  #recorder?: MediaRecorder;
  #take?: Take;
  #upload?: FileUpload;
  #takeUrl?: string;
  #chosenDevice: { audio?: string; video?: string } = {};
  #ticking?: ReturnType<typeof setInterval>;
  #recordedBefore = 0;
  #recordingSince = 0;
  #meterFrame = 0;
  #audioContext?: AudioContext;
  #limitHit = false;

  constructor() {
    super();
    this.countdown = 3;
    this.phase = 'loading';
    this.devices = [];
    this.elapsedMs = 0;
    this.secondsToGo = 0;
    this.announcement = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A recording in progress stops and keeps what it has (in IndexedDB, and on the server);
    // a take not handed over stops uploading, and the next visit offers it.
    if (this.#recorder && this.#recorder.state !== 'inactive') this.#recorder.stop();
    if (this.phase !== 'used') this.#upload?.pause();
    this.#release();
    this.#loading?.abort();
    this.#loadKey = undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const key = [this.settings.source, this.callData?.id, this.call];
    if (this.isConnected && (!this.#loadKey || key.some((v, i) => v !== this.#loadKey?.[i]))) {
      this.#loadKey = key;
      void this.#load();
    }
  }

  get #strings(): RecorderStrings {
    return this.settings.words(recorderStrings);
  }

  async #load(): Promise<void> {
    // Another call (or a removed recorder) cancels the request before: its answer must not land here.
    this.#loading?.abort();
    const controller = new AbortController();
    this.#loading = controller;
    this.phase = 'loading';
    try {
      const call = await this.settings.call(this.callData, this.call, controller.signal);
      if (controller.signal.aborted) return;
      this.loaded = call;
      this.phase = 'idle';
      if (!this.#format) this.#fail('unsupported');
    } catch (error) {
      if (controller.signal.aborted) return;
      const { message } = await describeFailure(error, this.settings.lang);
      if (controller.signal.aborted) return;
      this.#fail('load', message);
    }
  }

  /** What this recorder records: the kind asked for, else video when possible, else audio. */
  get #mediaKind(): 'audio' | 'video' {
    if (this.kind === 'audio' || this.kind === 'video') return this.kind;
    return this.loaded && recordingFormat(this.loaded, 'video') ? 'video' : 'audio';
  }

  get #format(): RecordingFormat | undefined {
    return this.loaded && canRecord() ? recordingFormat(this.loaded, this.#mediaKind) : undefined;
  }

  get #maxSeconds(): number | undefined {
    return this.loaded?.accepts.find((a) => a.kind === this.#mediaKind)?.maxSeconds;
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
    emit(this, 'contribution-error', { callId: this.loaded?.id ?? this.call ?? '', message: text });
  }

  #problemText(): string {
    const e = this.#strings.errors;
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
    const video = this.#mediaKind === 'video';
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: this.#chosenDevice.audio ? { deviceId: { exact: this.#chosenDevice.audio } } : true,
        video: video ? (this.#chosenDevice.video ? { deviceId: { exact: this.#chosenDevice.video } } : true) : false,
      });
      this.#release();
      this.#stream = stream;
      // Labels are only given once the visitor has allowed a device.
      this.devices = (await navigator.mediaDevices.enumerateDevices()).filter(
        (d) => d.kind === 'audioinput' || (video && d.kind === 'videoinput'),
      );
      this.#chosenDevice = {
        audio: stream.getAudioTracks()[0]?.getSettings().deviceId,
        video: stream.getVideoTracks()[0]?.getSettings().deviceId,
      };
      this.phase = 'ready';
      await this.updateComplete;
      this.#startMeter(stream);
      this.#focusOn('.record');
    } catch (error) {
      this.#fail(problemOf(error));
    }
  }

  #chooseDevice(kind: 'audio' | 'video', deviceId: string): void {
    this.#chosenDevice = { ...this.#chosenDevice, [kind]: deviceId };
    void this.#turnOn();
  }

  /** Lets go of the microphone and camera (the browser's recording indicator goes off). */
  #release(): void {
    clearInterval(this.#ticking);
    cancelAnimationFrame(this.#meterFrame);
    void this.#audioContext?.close().catch(() => undefined);
    this.#audioContext = undefined;
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
    this.#stream = undefined;
  }

  /** A live level for the microphone, drawn straight into the meter: no re-render per frame. */
  #startMeter(stream: MediaStream): void {
    if (stream.getAudioTracks().length === 0 || typeof AudioContext === 'undefined') return;
    const context = new AudioContext();
    this.#audioContext = context;
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const draw = () => {
      analyser.getFloatTimeDomainData(samples);
      let peak = 0;
      for (const s of samples) peak = Math.max(peak, Math.abs(s));
      const meter = this.renderRoot.querySelector<HTMLMeterElement>('meter');
      if (meter) meter.value = Math.min(1, peak);
      this.#meterFrame = requestAnimationFrame(draw);
    };
    draw();
  }

  // ——— recording ———

  #startCountdown(): void {
    this.secondsToGo = Math.max(0, Math.round(this.countdown));
    if (this.secondsToGo === 0) return this.#startRecording();
    this.phase = 'countdown';
    this.announcement = this.#strings.countdown(this.settings.formats.count(this.secondsToGo));
    this.#ticking = setInterval(() => {
      this.secondsToGo--;
      if (this.secondsToGo > 0) {
        this.announcement = this.#strings.countdown(this.settings.formats.count(this.secondsToGo));
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
    const call = this.loaded;
    const format = this.#format;
    const stream = this.#stream;
    if (!call || !format || !stream) return;
    const take = Take.begin(call.id, format);
    this.#take = take;
    this.#upload = new FileUpload(take, {
      ...uploadTarget(this.settings, call),
      callId: call.id,
      chunkSize: this.chunkSize && this.chunkSize > 0 ? this.chunkSize : undefined,
      resumeStore,
      onChange: () => this.requestUpdate(),
    });
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
    this.announcement = this.#strings.state.recording;
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
    this.announcement = this.#strings.state.paused;
  }

  #resume(): void {
    if (this.#recorder?.state !== 'paused') return;
    this.#recorder.resume();
    this.#recordingSince = performance.now();
    this.phase = 'recording';
    this.announcement = this.#strings.state.recording;
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
    this.announcement = this.#limitHit ? this.#strings.limitReached : this.#strings.state.stopped;
    void this.updateComplete.then(() => this.#focusOn('.use'));
  }

  /** Throws the take away, on the server too, and starts over. */
  #recordAgain(): void {
    this.#discardTake();
    void this.#turnOn();
  }

  #discardTake(): void {
    void this.#upload?.cancel();
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

  #renderUploadStatus(): TemplateResult | typeof nothing {
    const upload = this.#upload;
    if (!upload) return nothing;
    const s = this.#strings;
    const formats = this.settings.formats;
    let text: string;
    if (upload.state === 'offline') text = s.waitingForNetwork;
    else if (upload.state === 'done') text = s.sent;
    else if (this.phase === 'recording' || this.phase === 'paused') text = s.sentWhileRecording(formats.size(upload.bytesSent));
    else text = s.sending(formats.percent(upload.percent / 100));
    return html`<p class="upload-status">${text}</p>`;
  }

  #renderDevices(): TemplateResult | typeof nothing {
    if (!['ready', 'asking'].includes(this.phase) || this.devices.length === 0) return nothing;
    const s = this.#strings;
    const select = (kind: 'audio' | 'video', label: string) => {
      const list = this.devices.filter((d) => d.kind === (kind === 'audio' ? 'audioinput' : 'videoinput'));
      if (list.length === 0) return nothing;
      return html`<div class="device">
        <label for=${`device-${kind}`}>${label}</label>
        <select id=${`device-${kind}`} @change=${(e: Event) => this.#chooseDevice(kind, (e.target as HTMLSelectElement).value)}>
          ${list.map(
            (d, i) =>
              html`<option value=${d.deviceId} ?selected=${d.deviceId === this.#chosenDevice[kind]}>
                ${d.label || s.unnamedDevice(kind, i + 1)}
              </option>`,
          )}
        </select>
      </div>`;
    };
    return html`<div class="devices">${select('audio', s.microphone)} ${select('video', s.camera)}</div>`;
  }

  #renderLive(): TemplateResult | typeof nothing {
    const live = ['ready', 'countdown', 'recording', 'paused'].includes(this.phase);
    if (!live || !this.#stream) return nothing;
    const s = this.#strings;
    return html`${
        this.#mediaKind === 'video'
          ? html`<video
              class="preview"
              part="preview"
              aria-label=${s.preview}
              .srcObject=${this.#stream}
              autoplay
              muted
              playsinline
            ></video>`
          : nothing
      }
      <div class="meter">
        <label for="level">${s.level}</label>
        <meter id="level" part="meter" min="0" max="1" low="0.05" high="0.9" optimum="0.5" value="0"></meter>
      </div>`;
  }

  #renderControls(): TemplateResult | typeof nothing {
    const s = this.#strings;
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
          ${this.#renderTake()}
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

  #renderTake(): TemplateResult | typeof nothing {
    if (!this.#takeUrl) return nothing;
    const label = this.#strings.takeLabel;
    return this.#mediaKind === 'video'
      ? html`<video class="take" part="preview" controls playsinline src=${this.#takeUrl} aria-label=${label}></video>`
      : html`<audio class="take" part="preview" controls src=${this.#takeUrl} aria-label=${label}></audio>`;
  }

  protected override render() {
    const call = this.loaded;
    const s = this.#strings;
    let body: TemplateResult | typeof nothing = nothing;
    if (this.phase === 'loading') body = html`<p class="loading">${s.loading}</p>`;
    else if (this.phase === 'failed')
      body = html`<div class="problem" part="error" role="alert">
        <p>${this.#problemText()}</p>
        ${this.problem === 'load' ? nothing : html`<p>${s.errors.fallback}</p>`}
        ${
          this.problem === 'insecure' || this.problem === 'unsupported'
            ? nothing
            : html`<button
                type="button"
                class="try-again"
                @click=${() => (this.problem === 'load' ? this.#load() : this.#turnOn())}
              >
                ${s.errors.tryAgain}
              </button>`
        }
      </div>`;
    else if (call)
      body = html`${this.#renderDevices()} ${this.#renderLive()}
        <div class="controls">${this.#renderControls()}</div>
        ${this.#renderUploadStatus()}`;
    return html`<section
      class="${themeClass(this.settings.theme)} recorder"
      data-phase=${this.phase}
      part="base"
      lang=${this.settings.lang}
      aria-label=${s.regionLabel(call?.title ?? '')}
      aria-busy=${this.phase === 'loading' ? 'true' : 'false'}
    >
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${
        call
          ? html`<div class="prompt" part="prompt">
              <p class="prompt-label">${s.promptLabel}</p>
              <p class="prompt-title">${call.title}</p>
              <p class="prompt-summary">${call.summary}</p>
            </div>`
          : nothing
      }
      ${body}
    </section>`;
  }
}
