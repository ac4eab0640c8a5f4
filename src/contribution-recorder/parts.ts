import { callText } from '../core/call-content.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { Call } from '../api/types.js';
import type { Formats } from '../core/format.js';
import type { RecorderWords } from './words/words.js';
import type { FileUpload } from '../upload/file-upload.js';
import { percent } from '../upload/percent.js';
import type { DeviceProblem, MediaController } from './media-controller.js';

/** Why the recorder cannot record: the devices', the page's, the browser's, or the call could not be loaded. */
export type Problem = DeviceProblem | 'insecure' | 'unsupported' | 'load';

/** "0:04", "12:30": a clock, as recorders show it. */
export const clock = (ms: number) => {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/** Where the take's upload is: sent while recording, sending, sent, or waiting for the network. */
export function uploadStatus(upload: FileUpload, recording: boolean, s: RecorderWords, formats: Formats): TemplateResult {
  let text: string;
  if (upload.state === 'offline') text = s.waitingForNetwork;
  else if (upload.state === 'done') text = s.sent;
  else if (recording) text = s.sentWhileRecording(formats.size(upload.bytesSent));
  else text = s.sending(percent(formats, upload.percent / 100));
  return html`<p class="upload-status">${text}</p>`;
}

/** A menu of microphones (and cameras), once the browser has named them. */
export function deviceChoice(
  media: MediaController,
  s: RecorderWords,
  choose: (kind: 'audio' | 'video', deviceId: string) => void,
): TemplateResult {
  const select = (kind: 'audio' | 'video', label: string) => {
    const list = media.devicesOf(kind);
    if (list.length === 0) return nothing;
    return html`<div class="device">
      <label for=${`device-${kind}`}>${label}</label>
      <select id=${`device-${kind}`} @change=${(e: Event) => choose(kind, (e.target as HTMLSelectElement).value)}>
        ${list.map(
          (d, i) =>
            html`<option value=${d.deviceId} ?selected=${d.deviceId === media.chosen[kind]}>
              ${d.label || s.unnamedDevice(kind, i + 1)}
            </option>`,
        )}
      </select>
    </div>`;
  };
  return html`<div class="devices">${select('audio', s.microphone)} ${select('video', s.camera)}</div>`;
}

/** The camera's preview (for video) and the microphone's level, while the devices are on. */
export function livePreview(stream: MediaStream, video: boolean, s: RecorderWords): TemplateResult {
  return html`${
      video
        ? html`<video
            class="preview"
            part="preview"
            aria-label=${s.preview}
            .srcObject=${stream}
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

/** The take, to play back before using it. */
export function takePlayer(url: string, video: boolean, label: string): TemplateResult {
  return video
    ? html`<video class="take" part="preview" controls playsinline src=${url} aria-label=${label}></video>`
    : html`<audio class="take" part="preview" controls src=${url} aria-label=${label}></audio>`;
}

/** Why recording is not possible, what to do instead, and Try again where trying again can help. */
export function problemBox(text: string, problem: Problem | undefined, s: RecorderWords, tryAgain: () => void): TemplateResult {
  return html`<div class="problem" part="error" role="alert">
    <p>${text}</p>
    ${problem === 'load' ? nothing : html`<p>${s.errors.fallback}</p>`}
    ${
      problem === 'insecure' || problem === 'unsupported'
        ? nothing
        : html`<button type="button" class="try-again" @click=${tryAgain}>${s.errors.tryAgain}</button>`
    }
  </div>`;
}

/** What the call asks, shown throughout, so the visitor knows what to say. */
export function prompt(call: Call, s: RecorderWords, locale: string): TemplateResult {
  // In the recorder's language when the call has it; each text isolated, as it may run the other way.
  return html`<div class="prompt" part="prompt">
    <p class="prompt-label">${s.promptLabel}</p>
    <p class="prompt-title" dir="auto">${callText(call, 'title', locale)}</p>
    <p class="prompt-summary" dir="auto">${callText(call, 'summary', locale)}</p>
  </div>`;
}
