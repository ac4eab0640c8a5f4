import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Why the browser would not give the microphone or camera, in the terms the visitor can act on. */
export type DeviceProblem = 'denied' | 'noDevice' | 'inUse' | 'failed';

/** Why getUserMedia said no. */
function problemOf(error: unknown): DeviceProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'noDevice';
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'inUse';
  return 'failed';
}

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The recorder's microphone and camera: asking for them, the devices to choose from, the live
 * stream, and its level, drawn straight into the host's `<meter>` (no re-render per frame).
 * They are let go when the host leaves the page.
 */
export class MediaController implements ReactiveController {
  /** The microphones (and cameras) to choose from, named once the visitor has allowed one. */
  devices: MediaDeviceInfo[] = [];
  /** The device of each kind in use, or asked for. */
  chosen: { audio?: string; video?: string } = {};
  stream?: MediaStream;

  #meterFrame = 0;
  #audioContext?: AudioContext;
  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.release();
  }

  /**
   * Asks for the microphone (and the camera, with `video`): the browser asks the visitor the
   * first time. Resolves once the stream is live, or with why not.
   */
  async turnOn(video: boolean): Promise<DeviceProblem | undefined> {
    const { audio: audioId, video: videoId } = this.chosen;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: audioId ? { deviceId: { exact: audioId } } : true,
        video: video ? (videoId ? { deviceId: { exact: videoId } } : true) : false,
      });
      this.release();
      this.stream = stream;
      // Labels are only given once the visitor has allowed a device.
      this.devices = (await navigator.mediaDevices.enumerateDevices()).filter(
        (d) => d.kind === 'audioinput' || (video && d.kind === 'videoinput'),
      );
      this.chosen = {
        audio: stream.getAudioTracks()[0]?.getSettings().deviceId,
        video: stream.getVideoTracks()[0]?.getSettings().deviceId,
      };
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      this.#startMeter(stream);
      return undefined;
    } catch (error) {
      return problemOf(error);
    }
  }

  /** The devices of one kind, to choose from. */
  devicesOf(kind: 'audio' | 'video'): MediaDeviceInfo[] {
    return this.devices.filter((d) => d.kind === (kind === 'audio' ? 'audioinput' : 'videoinput'));
  }

  /** Lets go of the microphone and camera (the browser's recording indicator goes off). */
  release(): void {
    cancelAnimationFrame(this.#meterFrame);
    void this.#audioContext?.close().catch(() => undefined);
    this.#audioContext = undefined;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = undefined;
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
      const meter = this.#host.renderRoot.querySelector<HTMLMeterElement>('meter');
      if (meter) meter.value = Math.min(1, peak);
      this.#meterFrame = requestAnimationFrame(draw);
    };
    draw();
  }
}
