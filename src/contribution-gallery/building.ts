import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Call, PublishedContribution } from '../api/types.js';
import type { SettingsController } from '../core/settings.js';
import { settingsToShare, shareSettings } from '../open-call-config/share.js';
import '../contribution-uploader/define.js';

/** The answer form under a gallery's item, building on it. */
export type BuildingForm = (
  call: Call,
  on: Pick<PublishedContribution, 'id' | 'title' | 'creditName'>,
  headingLevel: number,
) => TemplateResult;

/**
 * What a gallery needs for "Build on this", loaded the first time someone presses it: the
 * answer form (and its upload code). From then on the gallery shares its settings with the
 * forms inside it, so they send to the same backend, in the same language and theme.
 */
export function buildingForms(gallery: ReactiveControllerHost & HTMLElement, settings: SettingsController): BuildingForm {
  shareSettings(gallery, () => settingsToShare(settings));
  return (call, on, headingLevel) =>
    html`<contribution-uploader
      .callData=${call}
      .basedOn=${on}
      heading-level=${Math.min(6, headingLevel)}
    ></contribution-uploader>`;
}
