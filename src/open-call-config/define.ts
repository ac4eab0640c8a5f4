import { define } from '../core/define.js';
import { OpenCallConfigElement } from './open-call-config.js';

define('open-call-config', OpenCallConfigElement);

declare global {
  interface HTMLElementTagNameMap {
    'open-call-config': OpenCallConfigElement;
  }
}
