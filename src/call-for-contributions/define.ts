import { define } from '../core/define.js';
import '../open-call-config/define.js';
import { CallForContributionsElement } from './call-for-contributions.js';

define('call-for-contributions', CallForContributionsElement);

declare global {
  interface HTMLElementTagNameMap {
    'call-for-contributions': CallForContributionsElement;
  }
}
