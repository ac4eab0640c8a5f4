// Test harness for <contribution-recorder>: its steps' buttons and what it says, by what they
// are for, so that tests do not depend on the recorder's classes.
import { shadow } from './dom.js';

export class RecorderHarness {
  constructor(readonly element: Element) {}

  #one<T extends Element = HTMLElement>(selector: string): T | null {
    return shadow(this.element).querySelector<T>(selector);
  }

  /** The recorder's region (`data-phase` says which step it is at). */
  get region(): HTMLElement | null {
    return this.#one('.recorder');
  }
  /** "Loading the call…" */
  get loading(): HTMLElement | null {
    return this.#one('.loading');
  }
  /** What the call asks: its title and summary, under "The call asks". */
  get prompt(): HTMLElement | null {
    return this.#one('.prompt');
  }
  /** "The call asks": above the prompt. */
  get promptLabel(): HTMLElement | null {
    return this.#one('.prompt-label');
  }
  /** Turn on the microphone (and camera). */
  get turnOnButton(): HTMLButtonElement | null {
    return this.#one('.turn-on');
  }
  get recordButton(): HTMLButtonElement | null {
    return this.#one('.record');
  }
  /** The seconds counted down before recording. */
  get countdown(): HTMLElement | null {
    return this.#one('.countdown');
  }
  get pauseButton(): HTMLButtonElement | null {
    return this.#one('.pause');
  }
  get resumeButton(): HTMLButtonElement | null {
    return this.#one('.resume');
  }
  get stopButton(): HTMLButtonElement | null {
    return this.#one('.stop');
  }
  /** Recording state and elapsed time ("Recording 0:04 of 0:30"). */
  get elapsed(): HTMLElement | null {
    return this.#one('.elapsed');
  }
  get useButton(): HTMLButtonElement | null {
    return this.#one('.use');
  }
  get recordAgainButton(): HTMLButtonElement | null {
    return this.#one('.again');
  }
  /** Why recording is not possible, and what to do instead. */
  get problem(): HTMLElement | null {
    return this.#one('.problem');
  }
  get tryAgainButton(): HTMLButtonElement | null {
    return this.#one('.try-again');
  }
  /** Where the take's upload is. */
  get uploadStatus(): HTMLElement | null {
    return this.#one('.upload-status');
  }
  /** The camera's preview, while the devices are on. */
  get cameraPreview(): HTMLVideoElement | null {
    return this.#one('video.preview');
  }
  get levelLabel(): HTMLLabelElement | null {
    return this.#one('label[for="level"]');
  }
  /** What the live region says. */
  get liveRegion(): HTMLElement | null {
    return this.#one('[role="status"]');
  }
}

/** The harness of a recorder. */
export const recorderOf = (element: Element) => new RecorderHarness(element);
