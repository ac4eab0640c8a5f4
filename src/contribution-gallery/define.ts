import { define } from '../core/define.js';
import '../open-call-config/define.js';
import { ContributionGalleryElement } from './contribution-gallery.js';

define('contribution-gallery', ContributionGalleryElement);

declare global {
  interface HTMLElementTagNameMap {
    'contribution-gallery': ContributionGalleryElement;
  }
}
