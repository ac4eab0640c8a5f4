import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import type { CallSource } from '../api/source.js';
import { configContext, sameConfig, type OpenCallConfig, type Theme } from './context.js';

/**
 * Shares settings with every open-call widget inside it, so a page sets `api`, `lang`,
 * `headers` or `theme` once. An attribute on a widget still wins over the shared value.
 *
 * @tagname open-call-config
 * @summary Shared settings for the widgets inside it.
 * @slot - The widgets (and anything else).
 */
export class OpenCallConfigElement extends LitElement {
  static override properties = {
    api: { type: String },
    lang: { type: String },
    theme: { type: String },
    uploadEndpoint: { type: String, attribute: 'upload-endpoint' },
    timeout: { type: Number },
    headers: { attribute: false },
    source: { attribute: false },
  };

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the backend, for every widget inside. */
  declare api: string | undefined;
  /** UI language (BCP 47) for every widget inside. */
  declare lang: string;
  /** `light`, `dark` or `auto`. */
  declare theme: Theme | undefined;
  /** Overrides the tus endpoint that calls name. */
  declare uploadEndpoint: string | undefined;
  /** Milliseconds to wait for the backend before showing an error. Default 15000. */
  declare timeout: number | undefined;
  /** Headers sent to the API and its upload endpoint, e.g. `{ Authorization: 'Bearer …' }`. */
  declare headers: Record<string, string> | undefined;
  /** A backend that does not speak the contract: an object with the `CallSource` methods. */
  declare source: CallSource | undefined;

  private readonly provider = new ContextProvider(this, { context: configContext, initialValue: {} });

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const value: OpenCallConfig = {
      api: this.api || undefined,
      lang: this.lang || undefined,
      theme: this.theme,
      headers: this.headers,
      source: this.source,
      uploadEndpoint: this.uploadEndpoint || undefined,
      timeout: this.timeout,
    };
    if (!sameConfig(value, this.provider.value)) this.provider.setValue(value);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
