// What the stories share: where the backend is, sources for states a backend cannot hold
// still (loading forever, unreachable), and the steps play functions take inside a widget.
import { BackendError } from '../src/api/request.js';
import type { CallSource } from '../src/api/source.js';

/** The reference backend, on the stories' own origin (see .storybook/main.ts). */
export const api = new URL('/v1', location.href).href;

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
