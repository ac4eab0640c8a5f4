// Test harness for <contribution-uploader> (the pattern Material Web's tests use): tests ask
// for "the credit field" or "the row of song.ogg", never for the form's ids and classes, so
// the next reshaping of its template changes this file only.
import { oneEvent } from '@open-wc/testing';
import type { ContributionSubmitDetail } from '../../src/core/events.js';
import type { ContributionRecorderElement } from '../../src/contribution-recorder/contribution-recorder.js';
import type { ContributionUploaderElement } from '../../src/contribution-uploader/contribution-uploader.js';
import { shadow, words } from './dom.js';

/** The fields a visitor fills in, by the name the form sends them under. */
export type FormField = 'text' | 'files' | 'title' | 'creditName' | 'email' | 'language' | 'consent';

/** One chosen file's row: its name, progress and state, and its buttons. */
export class FileRowHarness {
  constructor(readonly row: HTMLElement | null) {}

  #part<T extends Element = HTMLElement>(selector: string): T | null {
    return this.row?.querySelector<T>(selector) ?? null;
  }

  /** The file's name, as the row shows it. */
  get name(): string {
    return this.#part('.file-name span')?.textContent ?? '';
  }
  /** `waiting`, `uploading`, `paused`, `offline`, `done`, `failed` or `cancelled`. */
  is(state: string): boolean {
    return this.row?.classList.contains(state) ?? false;
  }
  /** "Uploading · 42% · 3.1 MB/s · …" */
  get statusLine(): HTMLElement | null {
    return this.#part('.file-status');
  }
  /** The file's `<img>`, `<audio>` or `<video>`. */
  get preview(): HTMLImageElement | HTMLMediaElement | null {
    return this.#part<HTMLImageElement | HTMLMediaElement>('.preview');
  }
  /** The progress bar. */
  get bar(): HTMLProgressElement | null {
    return this.#part<HTMLProgressElement>('progress');
  }
  /** The percent the status line says, or -1. */
  get percent(): number {
    return Number(/(\d+)%/.exec(words(this.statusLine))?.[1] ?? -1);
  }
  get nameLine(): HTMLElement | null {
    return this.#part('.file-name');
  }
  /** Why the upload failed. */
  get error(): HTMLElement | null {
    return this.#part('.error');
  }
  get pauseButton(): HTMLButtonElement | null {
    return this.#part('.pause');
  }
  /** Resume, or "Try … again" after a failure. */
  get resumeButton(): HTMLButtonElement | null {
    return this.#part('.resume');
  }
  /** Cancel while uploading, Remove once done. */
  get removeButton(): HTMLButtonElement | null {
    return this.#part('.remove');
  }
  pause(): void {
    this.pauseButton!.click();
  }
  resume(): void {
    this.resumeButton!.click();
  }
  remove(): void {
    this.removeButton!.click();
  }
}

export class UploaderHarness {
  constructor(readonly element: ContributionUploaderElement | Element) {}

  #one<T extends Element = HTMLElement>(selector: string): T | null {
    return shadow(this.element).querySelector<T>(selector);
  }
  #all<T extends Element = HTMLElement>(selector: string): T[] {
    return [...shadow(this.element).querySelectorAll<T>(selector)];
  }

  get form(): HTMLFormElement | null {
    return this.#one('form');
  }
  get textField(): HTMLTextAreaElement | null {
    return this.#one('#text');
  }
  get titleField(): HTMLInputElement | null {
    return this.#one('#title');
  }
  get creditField(): HTMLInputElement | null {
    return this.#one('#creditName');
  }
  get creditLabel(): HTMLLabelElement | null {
    return this.#one('label[for="creditName"]');
  }
  get consentBox(): HTMLInputElement | null {
    return this.#one('#consent');
  }
  /** "16 of 140 characters" under the text. */
  get characterCount(): HTMLElement | null {
    return this.#one('#text-count');
  }
  /** The file picker's input. */
  get fileInput(): HTMLInputElement | null {
    return this.#one('#files');
  }
  get dropZone(): HTMLElement | null {
    return this.#one('.dropzone');
  }
  /** The message beside a field, when it has one. */
  errorOf(field: FormField): HTMLElement | null {
    return this.#one(`#${field}-error`);
  }
  /** The first error message anywhere in the form. */
  get firstError(): HTMLElement | null {
    return this.#one('.error');
  }
  get submitButton(): HTMLButtonElement | null {
    return this.#one('.submit');
  }
  /** Why the contribution could not be sent, above the form. */
  get formError(): HTMLElement | null {
    return this.#one('.form-error');
  }
  get sendAgainButton(): HTMLButtonElement | null {
    return this.#one('.form-error .retry');
  }
  /** Why there is no form: the call could not be loaded, is closed, or not open yet. */
  get message(): HTMLElement | null {
    return this.#one('.message');
  }
  get messageParagraphs(): HTMLElement[] {
    return this.#all('.message p');
  }
  get retryLoadButton(): HTMLButtonElement | null {
    return this.#one('.message button.retry');
  }
  get thanks(): HTMLElement | null {
    return this.#one('.thanks');
  }
  /** "Building on *Title* by *Credit*", when the answer builds on a contribution. */
  get buildingOn(): HTMLElement | null {
    return this.#one('.building-on');
  }
  get thanksHeading(): HTMLElement | null {
    return this.#one('.thanks-heading');
  }
  /** "See what others made": a button to the gallery on the page, or a link to the call's page. */
  get seeContributions(): HTMLElement | null {
    return this.#one('.thanks .see-contributions');
  }
  get shareButton(): HTMLButtonElement | null {
    return this.#one('.thanks .share');
  }
  /** What the live region says. */
  get liveRegion(): HTMLElement | null {
    return this.#one('[role="status"]');
  }
  get fileRows(): FileRowHarness[] {
    return this.#all('.file').map((row) => new FileRowHarness(row));
  }
  /** The row of the file called `name`; without a name, the first row (which may be missing). */
  fileRow(name?: string): FileRowHarness {
    const rows = this.fileRows;
    return (name === undefined ? rows[0] : rows.find((r) => r.name === name)) ?? new FileRowHarness(null);
  }
  /** "Record audio" / "Record a video here". */
  recordButton(kind: 'audio' | 'video'): HTMLButtonElement | null {
    return this.#one(`.record-${kind}`);
  }
  get recorderPanel(): HTMLElement | null {
    return this.#one('.recorder-panel');
  }
  /** Why the recorder could not be opened. */
  get recorderError(): HTMLElement | null {
    return this.#one('.recorder-panel .error');
  }
  get closeRecorderButton(): HTMLButtonElement | null {
    return this.#one('.close-recorder');
  }
  /** The recorder inside the form, while it is open. */
  get recorder(): ContributionRecorderElement | null {
    return this.#one('contribution-recorder');
  }
  /** The takes kept from an earlier visit, each with Send and Discard. */
  get unsentTakes(): HTMLElement[] {
    return this.#all('.unsent li');
  }
  get unsentOffer(): HTMLElement | null {
    return this.#one('.unsent');
  }
  get sendTakeButton(): HTMLButtonElement | null {
    return this.#one('.unsent .send-take');
  }

  /** Picks files through the form's own file input, as the file dialog would. */
  pick(...files: File[]): void {
    const input = this.fileInput!;
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Types into the fields (as `input` events) and ticks consent. */
  fill(values: { text?: string; creditName?: string; consent?: boolean }): void {
    const type = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    if (values.text !== undefined) type(this.textField!, values.text);
    if (values.creditName !== undefined) type(this.creditField!, values.creditName);
    if (values.consent) this.consentBox!.click();
  }

  /** Presses Send and waits for the backend's receipt. */
  async submit(): Promise<ContributionSubmitDetail> {
    setTimeout(() => this.submitButton!.click());
    const { detail } = (await oneEvent(this.element, 'contribution-submit')) as CustomEvent<ContributionSubmitDetail>;
    return detail;
  }
}

/** The harness of an answer form. */
export const formOf = (element: Element) => new UploaderHarness(element);
