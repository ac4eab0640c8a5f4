// What the stories share: where the backend is, sources for states a backend cannot hold
// still (loading forever, unreachable), and the steps play functions take inside a widget.
import { BackendError } from '../src/api/request.js';
import type { CallSource } from '../src/api/source.js';

export { api, seedCall, seedSource } from './seed-source.js';

const never = () => new Promise<never>(() => undefined);
/** A backend that never answers: the loading state, held still. */
export const pendingSource: CallSource = { listCalls: never, getCall: never, submitContribution: never };

const unreachable = () => Promise.reject(new BackendError('unreachable', 'The network request failed.'));
/** A backend that cannot be reached, without a failed request in the story's log. */
export const unreachableSource: CallSource = {
  listCalls: unreachable,
  getCall: unreachable,
  submitContribution: unreachable,
};

/** Partner colours, as a campaign page would set them. */
export const partnerColours = [
  '--oc-color-accent: #00695c',
  '--oc-color-on-accent: #ffffff',
  '--oc-color-surface: #fffdf6',
  '--oc-color-border: #d7ccb6',
  '--oc-radius: 1rem',
  '--oc-font: Georgia, serif',
].join('; ');

/** Polls until `find` returns something, for up to 15 s. */
export async function until<T>(find: () => T | null | undefined | false, what: string): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > 15_000) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The first element matching `selector` in `host`'s shadow root, once it is there. */
export const inside = <T extends Element = HTMLElement>(host: Element, selector: string) =>
  until(() => host.shadowRoot?.querySelector<T>(selector), selector);

/** A file of `size` bytes, as a visitor's recording might be. */
export const recording = (name: string, size: number, type = 'audio/ogg') =>
  new File([new Uint8Array(size).fill(7)], name, { type, lastModified: 1_700_000_000_000 + size });

/** Chooses files in an uploader's picker, as a visitor would. */
export async function choose(uploader: Element, ...files: File[]): Promise<void> {
  const input = await inside<HTMLInputElement>(uploader, '#files');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Types into a field of an uploader's form. */
export async function fill(uploader: Element, selector: string, value: string): Promise<void> {
  const field = await inside<HTMLInputElement | HTMLTextAreaElement>(uploader, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The uploader in a story's canvas. */
export const uploaderIn = (canvas: HTMLElement) => until(() => canvas.querySelector('contribution-uploader'), 'the uploader');

/**
 * Lets a story's uploads send `chunks` PATCH requests, then holds the next ones unsent: the
 * upload stays where it is, part way, for as long as the story is looked at. Returns the undo,
 * for the story's `beforeEach`.
 */
export function holdUploadsAfter(chunks: number): () => void {
  const { open, send } = XMLHttpRequest.prototype;
  const methods = new WeakMap<XMLHttpRequest, string>();
  let sent = 0;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, ...rest: unknown[]) {
    methods.set(this, method.toUpperCase());
    return (open as (...args: unknown[]) => void).call(this, method, ...rest);
  } as typeof open;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    if (methods.get(this) === 'PATCH' && ++sent > chunks) return;
    return send.call(this, body);
  };
  return () => Object.assign(XMLHttpRequest.prototype, { open, send });
}

/**
 * On a machine with no microphone, a microphone (a quiet tone) and a camera (a moving picture
 * drawn on a canvas) of the story's own, so that the recorder's stories show it working there
 * too, not "No microphone was found". A machine with a microphone uses its own devices.
 * Returns the undo.
 */
export function fakeDevices(): () => void {
  const media = navigator.mediaDevices;
  if (!media) return () => undefined;
  const real = { getUserMedia: media.getUserMedia.bind(media), enumerateDevices: media.enumerateDevices.bind(media) };
  const hasMicrophone = async () => (await real.enumerateDevices()).some((d) => d.kind === 'audioinput');
  const contexts: AudioContext[] = [];
  const fakeStream = (constraints?: MediaStreamConstraints) => {
    const tracks: MediaStreamTrack[] = [];
    if (constraints?.audio) {
      const context = new AudioContext();
      contexts.push(context);
      const tone = context.createOscillator();
      const quiet = context.createGain();
      quiet.gain.value = 0.05;
      const out = context.createMediaStreamDestination();
      tone.connect(quiet).connect(out);
      tone.start();
      tracks.push(...out.stream.getAudioTracks());
    }
    if (constraints?.video) {
      const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 360 });
      const paint = canvas.getContext('2d') as CanvasRenderingContext2D;
      const video = canvas.captureStream(30).getVideoTracks();
      const draw = (t: number) => {
        paint.fillStyle = '#0f5c4d';
        paint.fillRect(0, 0, 640, 360);
        paint.fillStyle = '#fdf6ec';
        paint.beginPath();
        paint.arc(320 + 200 * Math.sin(t / 1000), 180, 40, 0, 2 * Math.PI);
        paint.fill();
        if (video.some((track) => track.readyState === 'live')) requestAnimationFrame(draw);
      };
      tracks.push(...video);
      requestAnimationFrame(draw);
    }
    return new MediaStream(tracks);
  };
  const device = (kind: MediaDeviceKind, label: string) =>
    ({ deviceId: `story-${kind}`, groupId: 'story', kind, label, toJSON: () => ({ kind, label }) }) as MediaDeviceInfo;
  media.getUserMedia = async (constraints?: MediaStreamConstraints) =>
    (await hasMicrophone()) ? real.getUserMedia(constraints) : fakeStream(constraints);
  media.enumerateDevices = async () =>
    (await hasMicrophone())
      ? real.enumerateDevices()
      : [device('audioinput', 'Story microphone'), device('videoinput', 'Story camera')];
  return () => {
    // The fakes are the instance's own properties: without them, the browser's own methods show again.
    delete (media as Partial<MediaDevices>).getUserMedia;
    delete (media as Partial<MediaDevices>).enumerateDevices;
    for (const context of contexts) void context.close();
  };
}
