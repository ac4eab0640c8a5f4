import { define } from '../define.js';
import '../config/define.js';
import { ContributionReviewElement } from './contribution-review.js';

define('contribution-review', ContributionReviewElement);

declare global {
  interface HTMLElementTagNameMap {
    'contribution-review': ContributionReviewElement;
  }
}
