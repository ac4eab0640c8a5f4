import { html, nothing, type TemplateResult } from 'lit';
import type { Formats } from '../../core/format.js';
import type { UploaderWords } from '../words/words.js';
import type { FileUpload } from '../../upload/file-upload.js';
import type { ChosenUpload } from '../../upload/uploads-controller.js';
import { followProgress } from '../../upload/follow-progress.js';
import { percent } from '../../upload/percent.js';

/** Why an upload failed, in words, with the file's name. */
export function uploadFailure(words: UploaderWords, upload: FileUpload): string {
  const errors = words.errors;
  const name = upload.file.name;
  const failure = upload.failure;
  // The backend's reason when it gave one; a status number says nothing to a visitor.
  if (failure?.kind === 'refused' && failure.detail) return errors.uploadRefused(name, failure.detail);
  if (failure?.kind === 'refused' || failure?.kind === 'server') return errors.uploadServer(name);
  return errors.uploadNetwork(name);
}

/** "Uploading · 42% · 3.1 MB/s · 12 seconds left · resuming from 30%" */
function statusOf(upload: FileUpload, s: UploaderWords, formats: Formats): string {
  const state = upload.state === 'cancelled' ? 'failed' : upload.state;
  const details: string[] = [s.state[state]];
  if (upload.state !== 'done') details.push(percent(formats, upload.percent / 100));
  if (upload.state === 'uploading' && upload.speed > 0) {
    details.push(s.speed(formats.size(upload.speed)));
    const left = upload.secondsLeft;
    if (left !== undefined) details.push(s.timeLeft(formats.duration(Math.max(1, Math.round(left)))));
  }
  if (upload.resumedFrom !== undefined && upload.state !== 'done')
    details.push(s.resumingFrom(percent(formats, upload.resumedFrom)));
  return details.join(' · ');
}

/**
 * A video's controls appear once it has something to play. Chromium's controls spin a loading
 * animation from the moment they exist until at least one turn after loading ends (about
 * 1.5 s of frames at the display's rate, while the upload needs the CPU); a file that is not
 * a playable video gets no controls at all, its frame stays empty. They go again when the
 * element is given another file (a row above was removed, and this one now shows the next).
 */
function controlsWhenPlayable(event: Event): void {
  (event.currentTarget as HTMLVideoElement).controls = event.type === 'loadedmetadata';
}

/** One chosen file: its preview, name, size, progress and state, with Pause/Resume/Retry and Remove. */
export function fileRow(
  chosen: ChosenUpload,
  c: { words: UploaderWords; formats: Formats; remove(chosen: ChosenUpload): void },
): TemplateResult {
  const { upload, kind } = chosen;
  const s = c.words;
  const name = upload.file.name;
  // Short words on the button, in the file's row; the name is in its label, for a screen reader.
  const button = (className: string, text: string, label: string, act: () => void) =>
    html`<button type="button" class=${className} aria-label=${label} @click=${act}>${text}</button>`;
  const a = s.fileActions;
  return html`<li class="file ${upload.state}" part="file">
    ${
      kind === 'image'
        ? html`<img class="preview" src=${chosen.preview} alt="" width="64" height="64" />`
        : kind === 'audio'
          ? html`<audio class="preview" controls preload="metadata" src=${chosen.preview} aria-label=${name}></audio>`
          : html`<video
              class="preview"
              muted
              preload="metadata"
              src=${chosen.preview}
              aria-label=${name}
              @loadedmetadata=${controlsWhenPlayable}
              @emptied=${controlsWhenPlayable}
            ></video>`
    }
    <div class="file-info">
      <p class="file-name"><span>${name}</span> <span class="file-size">${c.formats.size(upload.bytesTotal)}</span></p>
      <progress part="progress" max="100" .value=${followProgress(chosen, () => upload.percent)} aria-label=${name}></progress>
      <p class="file-status">${followProgress(chosen, () => statusOf(upload, s, c.formats))}</p>
      ${upload.state === 'failed' ? html`<p class="error" part="error">${uploadFailure(s, upload)}</p>` : nothing}
    </div>
    <div class="file-actions">
      ${
        upload.state === 'uploading' || upload.state === 'offline'
          ? button('pause', a.pause, s.pause(name), () => upload.pause())
          : upload.state === 'paused'
            ? button('resume', a.resume, s.resume(name), () => upload.resume())
            : upload.state === 'failed'
              ? button('resume', s.retry, s.retryUpload(name), () => upload.resume())
              : nothing
      }
      ${
        upload.state === 'done'
          ? button('remove', a.remove, s.removeFile(name), () => c.remove(chosen))
          : button('remove', a.cancel, s.cancel(name), () => c.remove(chosen))
      }
    </div>
  </li>`;
}
