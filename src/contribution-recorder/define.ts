import { define } from '../define.js';
import '../config/define.js';
import { ContributionRecorderElement } from './contribution-recorder.js';

define('contribution-recorder', ContributionRecorderElement);

declare global {
  interface HTMLElementTagNameMap {
    'contribution-recorder': ContributionRecorderElement;
  }
}
