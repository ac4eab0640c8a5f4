import { css } from '../core/styles/css.js';
import { placeholders } from '../core/styles/placeholders.js';

const own = css`
  form,
  .thanks {
    display: grid;
    gap: var(--_oc-space);
  }
  .field {
    display: grid;
    gap: 0.3em;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .field > * {
    margin: 0;
  }
  label,
  legend,
  .label {
    font-weight: 600;
    padding: 0;
  }
  .optional {
    font-weight: 400;
    color: var(--_oc-muted);
  }
  input[type='text'],
  input[type='email'],
  textarea,
  select {
    font: inherit;
    color: var(--_oc-text);
    background: var(--_oc-surface);
    border: 1px solid var(--_oc-border);
    border-radius: calc(var(--_oc-radius) / 2);
    padding: 0.5em 0.6em;
    width: 100%;
    max-width: 36rem;
    min-height: 2.75rem;
    margin: 0;
    box-shadow: none;
  }
  textarea {
    max-width: none;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_oc-danger);
    border-width: 2px;
  }
  .hint {
    font-size: 0.9em;
    color: var(--_oc-muted);
  }
  .count.over {
    color: var(--_oc-danger);
    font-weight: 600;
  }
  /* A short note beside the field, marked by colour and a rule, not a shout in bold. */
  .error {
    color: var(--_oc-danger);
    font-size: 0.9em;
    padding-inline-start: 0.6em;
    border-inline-start: 3px solid var(--_oc-danger);
  }
  .choice {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    font-weight: 400;
  }
  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15em 0 0;
    flex: none;
    accent-color: var(--_oc-accent);
  }
  .choice label {
    font-weight: 400;
  }
  .dropzone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.6em 1em;
    padding: var(--_oc-space);
    border: 2px dashed var(--_oc-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-subtle);
  }
  .dropzone.dragging {
    border-color: var(--_oc-accent);
  }
  /* The native input stays focusable and operable (Enter or Space opens the picker); the label is what shows. */
  .file-input {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
  }
  .button {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    padding: 0.5em 1.1em;
    border-radius: var(--_oc-radius);
    background: var(--_oc-accent);
    color: var(--_oc-on-accent);
    cursor: pointer;
    font-weight: 600;
  }
  .file-input:focus-visible + .button {
    outline: 3px solid var(--_oc-focus);
    outline-offset: 2px;
  }
  .file-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.6em;
  }
  /* The preview beside the name where there is room, above it where there is not. */
  .file {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6em 1em;
    align-items: flex-start;
    padding: 0.75em;
    border: 1px solid var(--_oc-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-surface);
  }
  .file > * {
    margin: 0;
  }
  .preview {
    width: 64px;
    height: 64px;
    object-fit: cover;
    border-radius: calc(var(--_oc-radius) / 2);
  }
  audio.preview {
    width: 12rem;
    max-width: 100%;
    height: 2.5rem;
  }
  video.preview {
    width: 8rem;
    height: auto;
  }
  .file-info {
    display: grid;
    gap: 0.25em;
    min-width: 0;
    flex: 1 1 12rem;
  }
  .file-info > * {
    margin: 0;
  }
  .file-name {
    overflow-wrap: anywhere;
  }
  .file-size,
  .file-status {
    color: var(--_oc-muted);
    font-size: 0.9em;
  }
  .file.done .file-status {
    color: var(--_oc-success);
    font-weight: 600;
  }
  progress {
    width: 100%;
    height: 0.6em;
    accent-color: var(--_oc-accent);
  }
  .file-actions {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .form-error,
  .message {
    padding: var(--_oc-space);
    border: 1px solid var(--_oc-danger);
    border-inline-start-width: 4px;
    border-radius: var(--_oc-radius);
    display: grid;
    gap: 0.6em;
    justify-items: start;
  }
  .message {
    border-color: var(--_oc-border);
    border-inline-start-width: 1px;
  }
  .form-error > *,
  .message > * {
    margin: 0;
  }
  .form-error:focus {
    outline: 3px solid var(--_oc-focus);
  }
  .waiting {
    font-style: italic;
  }
  .submit {
    justify-self: start;
  }
  .thanks {
    justify-items: start;
  }
  .thanks > * {
    margin: 0;
  }
  /* The heading leads: larger than the sentence under it, whatever the page does to headings. */
  .thanks-heading {
    font-size: 1.5em;
    line-height: 1.2;
  }
  .thanks-heading:focus {
    outline: none;
  }
  /* On a phone the form sits in the page's column, the card and the region: no box of its own inside them. */
  @container (max-width: 26rem) {
    .dropzone {
      padding: 0.75em;
    }
    .file {
      padding: 0.5em;
    }
  }
  @media (forced-colors: active) {
    .dropzone,
    .file,
    .form-error {
      border-color: CanvasText;
    }
    .button {
      border: 1px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
  }
  /* The form's placeholder: a field is a label line over a box (see parts/skeleton.ts). */
  .skeleton > div {
    display: grid;
    gap: 0.5em;
    animation: pulse 1.4s ease-in-out infinite;
  }
  .skeleton .box {
    height: 2.75rem;
    margin-bottom: 0.75em;
    border-radius: 0.3em;
    background: var(--_oc-subtle);
  }
  .skeleton .answer-box {
    height: 12rem;
  }
  .skeleton .button-box {
    width: 8rem;
    margin: 0.5em 0 0;
  }
  .recorder-panel {
    display: grid;
    gap: 0.5rem;
    margin-top: 0.75rem;
    justify-items: start;
  }
  .recorder-panel contribution-recorder {
    width: 100%;
  }
  /* The form is already about this call: its recorder does not repeat what the call asks (its name still says). */
  .recorder-panel contribution-recorder::part(prompt) {
    display: none;
  }
  .unsent {
    list-style: none;
    margin: 0 0 0.75rem;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .unsent li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    padding: 0.75rem;
    border: 1px solid var(--_oc-accent);
    border-radius: var(--_oc-radius);
    background: var(--_oc-surface);
  }
  .unsent p {
    margin: 0;
    flex: 1 1 16rem;
  }
`;

export const styles = [placeholders, own];
