import { LitElement, type PropertyDeclarations } from 'lit';
import type { CallSource } from '../api/source.js';
import type { WordTable } from './words.js';
import type { Theme } from './context.js';
import { SettingsController } from './settings.js';

/**
 * What every open-call widget takes: where its backend is, and how it speaks and looks. Each
 * setting may instead come from an enclosing `<open-call-config>` or widget (the list around the
 * answer form, the form around its recorder);
 * a value set on the widget itself wins.
 */
export class OpenCallWidget extends LitElement {
  // Typed broadly: each widget declares its own properties, and Lit merges them with these.
  static override properties: PropertyDeclarations = {
    api: { type: String },
    lang: { type: String },
    theme: { type: String },
    uploadEndpoint: { type: String, attribute: 'upload-endpoint' },
    timeout: { type: Number },
    headers: { attribute: false },
    source: { attribute: false },
  };

  /** Base URL of the backend (the contract in the README). */
  declare api: string | undefined;
  /** UI language (BCP 47). Default: the nearest `lang` up the page, then the browser's. */
  declare lang: string;
  /** `light`, `dark` or `auto` (default: follows the visitor's system). */
  declare theme: Theme | undefined;
  /** Overrides the tus endpoint that calls name. */
  declare uploadEndpoint: string | undefined;
  /** Milliseconds to wait for the backend before showing an error. Default 15000. */
  declare timeout: number | undefined;
  /** Headers sent to the API and its upload endpoint (and no other origin), e.g. `{ Authorization: 'Bearer …' }`. */
  declare headers: Record<string, string> | undefined;
  /** A backend that does not speak the contract: an object with the `CallSource` methods. */
  declare source: CallSource | undefined;

  /** The word tables a widget shows words from: each update waits until they have arrived in its language. */
  protected static readonly wordTables: readonly WordTable<unknown>[] = [];

  protected readonly settings = new SettingsController(this);

  /**
   * Each update waits for the settings an enclosing element shares (an `<open-call-config>`
   * whose code is still on its way, say), then until the widget's words have arrived in its
   * language, so a page in Malay never flashes English, and a page in English never downloads Malay.
   */
  protected override scheduleUpdate(): ReturnType<LitElement['scheduleUpdate']> {
    const shared = this.settings.sharedSettingsArriving();
    if (shared) return shared.then(() => this.scheduleUpdate());
    const words = this.settings.wordsArriving((this.constructor as typeof OpenCallWidget).wordTables);
    return words ? words.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
}
