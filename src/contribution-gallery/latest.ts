import { html, type TemplateResult } from 'lit';
import type { Call } from '../api/types.js';
import type { SettingsController } from '../core/settings.js';
import './define.js';

/**
 * A call's latest contributions under it, for `<call-for-contributions show-contributions>`:
 * loaded once the list shows, so a list without the attribute never downloads the gallery.
 */
export const latestContributions = (call: Call, settings: SettingsController, headingLevel: number): TemplateResult =>
  html`<contribution-gallery
    class="latest"
    part="contributions"
    .source=${settings.source}
    call=${call.id}
    page-size="3"
    heading-level=${Math.min(6, headingLevel)}
    lang=${settings.lang}
    theme=${settings.theme}
  ></contribution-gallery>`;
