import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { configContext, sameConfig, type OpenCallConfig } from './context.js';
import { OpenCallWidget } from './open-call-widget.js';

/**
 * Shares settings with every open-call widget inside it, so a page sets `api`, `lang`,
 * `headers` or `theme` once. An attribute on a widget still wins over the shared value.
 *
 * @tagname open-call-config
 * @summary Shared settings for the widgets inside it.
 * @slot - The widgets (and anything else).
 */
export class OpenCallConfigElement extends OpenCallWidget {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  // It shows no words of its own.
  protected static override readonly speaks = [];

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
