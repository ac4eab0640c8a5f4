import { define } from '../define.js';
import '../config/define.js';
import { ContributionUploaderElement } from './contribution-uploader.js';

define('contribution-uploader', ContributionUploaderElement);

declare global {
  interface HTMLElementTagNameMap {
    'contribution-uploader': ContributionUploaderElement;
  }
}
