import { html } from 'lit';
import { css } from '../core/styles/css.js';
import { shareSettings } from './share.js';
import { OpenCallWidget } from '../core/open-call-widget.js';

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
  protected static override readonly wordTables = [];

  constructor() {
    super();
    // What is set here, not what this element inherits: a widget inside still finds a nearer `lang`.
    shareSettings(this, () => ({
      api: this.api || undefined,
      lang: this.lang || undefined,
      theme: this.theme,
      headers: this.headers,
      source: this.source,
      uploadEndpoint: this.uploadEndpoint || undefined,
      timeout: this.timeout,
    }));
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
