import { define } from '../core/define.js';
import '../open-call-config/define.js';
import { ContributionRecorderElement } from './contribution-recorder.js';

define('contribution-recorder', ContributionRecorderElement);

declare global {
  interface HTMLElementTagNameMap {
    'contribution-recorder': ContributionRecorderElement;
  }
}
