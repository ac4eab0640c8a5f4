import { define } from '../core/define.js';
import '../open-call-config/define.js';
import { ContributionUploaderElement } from './contribution-uploader.js';

define('contribution-uploader', ContributionUploaderElement);

declare global {
  interface HTMLElementTagNameMap {
    'contribution-uploader': ContributionUploaderElement;
  }
}
