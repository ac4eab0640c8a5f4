import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Call, ContributionKind } from '../api/types.js';
import type { SettingsController } from '../core/settings.js';
import type { Take } from '../record/takes/take.js';
import { FileUpload } from './file-upload.js';
import { resumeStore } from './resume-store.js';
import { uploadTarget } from './target.js';
import { percent } from './percent.js';

/** What a template part can follow by itself (followProgress): a value that changes often. */
export interface Reporting {
  /** Calls `listener` on each change until the returned function is called. */
  onProgress(listener: () => void): () => void;
}

/** A file or a take in an element's hands: its upload, what kind it is, and a preview of it. */
export interface ChosenUpload extends Reporting {
  readonly upload: FileUpload;
  readonly kind: ContributionKind;
  /** An object URL of the file, for its row's `<img>`, `<audio>` or `<video>`. */
  readonly preview: string;
  /**
   * Calls `listener` on each progress report (a few a second) until the returned function is
   * called; see followProgress, which template parts use.
   */
  onProgress(listener: () => void): () => void;
}

/** What the controller says about progress, in the host's words; without them it announces nothing. */
export interface UploadAnnouncements {
  /** "song.ogg: 50% uploaded" (the percent is formatted). */
  progress(name: string, percent: string): string;
  uploaded(name: string): string;
  failed(upload: FileUpload): string;
}

export interface UploadsOptions {
  /** Where the uploads go (the call's endpoint, or the settings' own), with which headers. */
  settings: SettingsController;
  /** The host's `chunk-size`, when it has one. */
  chunkSize(): number | undefined;
  /** The words for announcements; the announcement stays empty without them. */
  announcements?(): UploadAnnouncements;
  /** Runs on every change of an upload this controller holds (after its own bookkeeping). */
  changed?(chosen: ChosenUpload): void;
}

/** Who follows a value that changes often (the template parts of followProgress), told of each change. */
class Followers implements Reporting {
  readonly #listeners = new Set<() => void>();

  /** Whether any part follows it: then a change reaches the parts, not the whole host. */
  get followed(): boolean {
    return this.#listeners.size > 0;
  }

  onProgress(listener: () => void): () => void {
    // Its own entry each time: the same function following twice stops following twice.
    const own = () => listener();
    this.#listeners.add(own);
    return () => this.#listeners.delete(own);
  }

  tell(): void {
    for (const listener of this.#listeners) listener();
  }
}

class Held extends Followers implements ChosenUpload {
  /** The last quarter of progress announced (4: finished). */
  announcedStep = 0;
  /** The state the host last rendered: a change of it updates the host, progress alone does not. */
  renderedState?: string;

  #preview?: string;
  /** The preview last given to the template: while away, the row keeps it and loads nothing. */
  #shown = '';

  constructor(
    readonly upload: FileUpload,
    readonly kind: ContributionKind,
    /** Whether its holder is off the page: then its preview is let go of until it is back. */
    private readonly away: () => boolean,
  ) {
    super();
  }

  /** Made when first shown: a take held while it is recorded has nothing to preview yet. */
  get preview(): string {
    if (!this.away()) this.#preview ??= URL.createObjectURL(this.upload.file);
    return (this.#shown = this.#preview ?? this.#shown);
  }

  /** Lets go of the preview, which keeps the file (a take's bytes) alive in the page. */
  revoke(): void {
    if (this.#preview) URL.revokeObjectURL(this.#preview);
    this.#preview = undefined;
  }
}

/**
 * Who holds each upload: its news go to that controller. A take recorded in the recorder and
 * sent from the form changes hands here (`add`), not by swapping the upload's callback.
 */
const holders = new WeakMap<FileUpload, UploadsController>();

/**
 * The one way an element makes and keeps uploads (the answer form, the recorder): the chosen
 * files and takes, their previews, their progress (the host updates at most once a frame, and
 * not at all for progress alone where the host renders it with followProgress), the
 * announcement a screen reader hears (`spoken`, to follow it the same way), and whether
 * everything is up.
 */
export class UploadsController implements ReactiveController {
  /** What a screen reader should hear about the uploads now ("song.ogg uploaded"). */
  announcement = '';
  readonly #spoken = new Followers();
  #held: Held[] = [];
  #frame = false;
  #waiters: Array<() => void> = [];
  readonly #host: ReactiveControllerHost & Element;
  readonly #options: UploadsOptions;
  /** The host left the page, its uploads stopped and its previews let go of. */
  #left = false;

  constructor(host: ReactiveControllerHost & Element, options: UploadsOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /**
   * The announcement, for the live region's part to follow (followProgress): "50% uploaded"
   * reaches it without updating the host, as progress reaches the bar.
   */
  get spoken(): Reporting {
    return this.#spoken;
  }

  hostConnected(): void {
    if (!this.#left) return;
    // Back on the page: the rows draw their previews again (the uploads wait for Resume).
    this.#left = false;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    // Moved (taken out and put back in one go, as a list reorders), the form carries on. Gone
    // from the page, it stops, keeping what reached the server (the same file chosen again
    // resumes), and lets go of its previews.
    queueMicrotask(() => {
      if (this.#host.isConnected) return;
      this.#left = true;
      for (const held of this.#held) {
        held.upload.pause();
        held.revoke();
      }
    });
  }

  /** The files and takes held, in the order chosen (cancelled ones left out). */
  get chosen(): ChosenUpload[] {
    return this.#held.filter((h) => h.upload.state !== 'cancelled');
  }

  get allDone(): boolean {
    return this.chosen.every((c) => c.upload.state === 'done');
  }

  get anyFailed(): boolean {
    return this.chosen.some((c) => c.upload.state === 'failed');
  }

  /**
   * Settles true once every upload held is done, false as soon as one fails: the form waits
   * on it to send the contribution the moment the last file is up.
   */
  async whenAllDone(): Promise<boolean> {
    while (!this.allDone) {
      if (this.anyFailed) return false;
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
    return true;
  }

  /** A new upload of `source` for `call`, held by this controller; it starts when `start()` is called. */
  create(source: File | Take, call: Call): FileUpload {
    const size = this.#options.chunkSize();
    return new FileUpload(source, {
      ...uploadTarget(this.#options.settings, call),
      callId: call.id,
      chunkSize: size && size > 0 ? size : undefined,
      resumeStore,
      onChange: (upload) => holders.get(upload)?.heard(upload),
    });
  }

  /**
   * Holds `upload` (made here, or by another controller: it changes hands, and its news come
   * here from now on), with a preview of its file.
   */
  add(upload: FileUpload, kind: ContributionKind): ChosenUpload {
    holders.get(upload)?.release(upload);
    holders.set(upload, this);
    const held = new Held(upload, kind, () => this.#left);
    this.#held = [...this.#held, held];
    this.#host.requestUpdate();
    return held;
  }

  /** Lets go of `upload` without stopping it: whoever adds it next hears of it. */
  release(upload: FileUpload): void {
    const held = this.#held.find((h) => h.upload === upload);
    if (!held) return;
    held.revoke();
    this.#held = this.#held.filter((h) => h !== held);
    if (holders.get(upload) === this) holders.delete(upload);
    this.#host.requestUpdate();
  }

  /** Cancels an upload (deleting what reached the server) and lets go of it. */
  async remove(upload: FileUpload): Promise<void> {
    await upload.cancel();
    this.release(upload);
  }

  /** Says `message` in the live region, in place of the last announcement. */
  announce(message: string): void {
    this.announcement = message;
    this.#host.requestUpdate();
  }

  /** Lets go of everything, uploads untouched (a contribution was sent with them). */
  clear(): void {
    for (const { upload } of this.#held) this.release(upload);
    this.announcement = '';
  }

  // TS-private, not #: it is called on whichever controller holds the upload.
  private heard(upload: FileUpload): void {
    const held = this.#held.find((h) => h.upload === upload);
    if (!held) return;
    const announced = this.announcement;
    this.#announce(held);
    this.#options.changed?.(held);
    for (const wake of this.#waiters.splice(0)) wake();
    // Progress alone reaches only the parts that follow it (the bar, the figures, the live
    // region), when the host renders them so: the form is not updated, restyled and laid out a
    // few times a second, nor at each quarter announced.
    const state = `${upload.state} ${upload.failure?.kind ?? ''}`;
    const spoken = announced === this.announcement || this.#spoken.followed;
    if (held.followed && state === held.renderedState && spoken) {
      held.tell();
      if (announced !== this.announcement) this.#spoken.tell();
      return;
    }
    held.renderedState = state;
    if (this.#frame) return;
    this.#frame = true;
    // At most one update of the host per frame, however often uploads report progress.
    requestAnimationFrame(() => {
      this.#frame = false;
      this.#host.requestUpdate();
    });
  }

  /** Progress in quarters, completion once, and a failure in words: not every percent. */
  #announce(held: Held): void {
    const words = this.#options.announcements?.();
    if (!words) return;
    const { upload } = held;
    const name = upload.file.name;
    const step = upload.state === 'done' ? 4 : Math.floor(upload.percent / 25);
    if (step > held.announcedStep) {
      held.announcedStep = step;
      this.announcement =
        step === 4 ? words.uploaded(name) : words.progress(name, percent(this.#options.settings.formats, step / 4));
    }
    if (upload.state === 'failed') this.announcement = words.failed(upload);
  }
}
