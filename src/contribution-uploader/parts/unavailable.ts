import { html, nothing, type TemplateResult } from 'lit';
import type { Failure } from '../../core/failure.js';
import type { UploaderWords } from '../words/words.js';

/** Why there is no form: the call could not be loaded (with Retry), is closed, or not open yet. */
export function unavailableMessage(failure: Failure | undefined, words: UploaderWords, retry?: () => void): TemplateResult {
  return html`<div class="message" part="error" role="alert">
    <p>${failure?.message}</p>
    ${retry ? html`<button type="button" class="retry" @click=${retry}>${words.retry}</button>` : nothing}
  </div>`;
}
