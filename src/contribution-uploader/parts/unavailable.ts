import { html, nothing, type TemplateResult } from 'lit';
import type { Failure } from '../../i18n/failure.js';
import type { Strings } from '../../i18n/index.js';

/** Why there is no form: the call could not be loaded (with Retry), is closed, or not open yet. */
export function unavailableMessage(failure: Failure | undefined, strings: Strings, retry?: () => void): TemplateResult {
  return html`<div class="message" part="error" role="alert">
    <p>${failure?.message}</p>
    ${failure?.details ? html`<p class="details">${strings.errorDetails(failure.details)}</p>` : nothing}
    ${retry ? html`<button type="button" class="retry" @click=${retry}>${strings.retry}</button>` : nothing}
  </div>`;
}
