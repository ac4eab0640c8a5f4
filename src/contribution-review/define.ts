import { define } from '../core/define.js';
import '../open-call-config/define.js';
import { ContributionReviewElement } from './contribution-review.js';

define('contribution-review', ContributionReviewElement);

declare global {
  interface HTMLElementTagNameMap {
    'contribution-review': ContributionReviewElement;
  }
}
