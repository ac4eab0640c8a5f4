import { html, type TemplateResult } from 'lit';
import type { Call } from '../api/types.js';
import type { ReactiveControllerHost } from 'lit';
import type { SettingsController } from '../core/settings.js';
import { settingsToShare, shareSettings } from '../open-call-config/share.js';
import './define.js';

/** The answer form under a list's chosen call; `submitted` runs when a contribution has arrived. */
export type AnswerForm = (call: Call, headingLevel: number, submitted: () => void) => TemplateResult;

/**
 * What a list needs to answer its calls in place, in the answer form's chunk: a page that only
 * lists calls never downloads it. From now on the list shares its settings with the forms
 * inside it, so they send to the same backend, in the same language and theme.
 */
export function answerForms(list: ReactiveControllerHost & HTMLElement, settings: SettingsController): AnswerForm {
  shareSettings(list, () => settingsToShare(settings));
  return (call, headingLevel, submitted) =>
    html`<contribution-uploader
      .callData=${call}
      heading-level=${Math.min(6, headingLevel)}
      @contribution-submit=${submitted}
    ></contribution-uploader>`;
}
