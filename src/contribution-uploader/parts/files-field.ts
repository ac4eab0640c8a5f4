import { html, nothing, type TemplateResult } from 'lit';
import type { Call } from '../../api/types.js';
import type { ChosenUpload, UploadsController } from '../../upload/uploads-controller.js';
import type { RecorderSlot } from '../recorder-slot.js';
import { dropZone, type DropZoneContext } from './drop-zone.js';
import { errorFor } from './fields.js';
import { fileRow } from './file-row.js';

export interface FilesFieldContext extends Omit<DropZoneContext, 'recordButtons'> {
  uploads: UploadsController;
  recordings: RecorderSlot;
  remove(chosen: ChosenUpload): void;
}

/** The files of a contribution: takes kept from an earlier visit, the drop zone, the recorder, and each chosen file. */
export function filesField(call: Call, c: FilesFieldContext): TemplateResult {
  const { words, recordings } = c;
  const chosen = c.uploads.chosen;
  return html`<div class="field files" part="field">
    <p class="label" id="files-label">${words.filesLabel}</p>
    ${recordings.unsent(call)} ${dropZone(call, { ...c, recordButtons: recordings.buttons(call) })} ${recordings.panel(call)}
    ${errorFor(c.errors, 'files')}
    ${
      chosen.length
        ? html`<ul class="file-list">
            ${chosen.map((f) => fileRow(f, c))}
          </ul>`
        : nothing
    }
  </div>`;
}
