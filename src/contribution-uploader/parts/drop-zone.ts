import { html, nothing, type TemplateResult } from 'lit';
import type { Call } from '../../api/types.js';
import type { Formats } from '../../core/format.js';
import type { UploaderWords } from '../words/words.js';
import { acceptAttribute, mediaKindWords, type AnswerErrors } from '../checks.js';
import { describedBy } from './fields.js';

export interface DropZoneContext {
  words: UploaderWords;
  formats: Formats;
  errors: AnswerErrors;
  dragging: boolean;
  setDragging(dragging: boolean): void;
  /** Files picked, dropped or captured. */
  add(files: Iterable<File>): void;
  /** The record buttons beside the picker, when the call takes recordings. */
  recordButtons: TemplateResult | typeof nothing;
}

function pick(event: Event, add: (files: Iterable<File>) => void): void {
  const input = event.target as HTMLInputElement;
  if (input.files) add(input.files);
  input.value = ''; // the same file can be picked again (after removing it, say)
}

/** On a phone, a second picker that opens the camera or the microphone app directly. */
function capture(id: string, accept: string, facing: 'environment' | 'user', label: string, c: DropZoneContext) {
  return html`<input
      type="file"
      id=${id}
      class="file-input"
      accept=${accept}
      capture=${facing}
      @change=${(e: Event) => pick(e, c.add)}
    /><label for=${id} class="button">${label}</label>`;
}

/** Where files are chosen or dropped: the picker, the record buttons, the phone's camera and microphone. */
export function dropZone(call: Call, c: DropZoneContext): TemplateResult {
  const s = c.words;
  const max = Math.max(...call.accepts.filter((a) => a.kind !== 'text').map((a) => a.maxFiles ?? 1));
  const kinds = new Set(call.accepts.map((a) => a.kind));
  const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  return html`<div
    class="dropzone ${c.dragging ? 'dragging' : ''}"
    part="dropzone"
    @dragover=${(e: DragEvent) => {
      e.preventDefault();
      c.setDragging(true);
    }}
    @dragleave=${() => c.setDragging(false)}
    @drop=${(e: DragEvent) => {
      e.preventDefault();
      c.setDragging(false);
      if (e.dataTransfer?.files.length) c.add(e.dataTransfer.files);
    }}
  >
    <input
      type="file"
      id="files"
      class="file-input"
      accept=${acceptAttribute(call)}
      ?multiple=${max > 1}
      aria-labelledby="files-label files-button"
      aria-describedby=${describedBy(c.errors, 'files', 'files-hint')}
      aria-invalid=${c.errors.files ? 'true' : 'false'}
      @change=${(e: Event) => pick(e, c.add)}
    />
    <label for="files" class="button" id="files-button">${s.chooseFiles(max)}</label>
    ${c.recordButtons}
    ${
      coarse && (kinds.has('image') || kinds.has('video'))
        ? capture('camera', kinds.has('video') ? 'video/*' : 'image/*', 'environment', s.useCamera, c)
        : nothing
    }
    ${coarse && kinds.has('audio') && !kinds.has('video') ? capture('microphone', 'audio/*', 'user', s.recordAudio, c) : nothing}
    <p class="hint" id="files-hint">${s.dropHint} · ${mediaKindWords(call, s, c.formats)}</p>
  </div>`;
}

/** Files from a paste: some browsers give a pasted screenshot as an item of kind "file" and an empty `files`. */
export function pastedFiles(data: DataTransfer): File[] {
  return data.files.length
    ? [...data.files]
    : [...data.items]
        .filter((item) => item.kind === 'file')
        .map((item) => item.getAsFile())
        .filter((f): f is File => f !== null);
}
