// `npm run check:package` (after `npm run build`): an app's code against the built package,
// through its `exports` map and shipped types only, as a developer's editor sees them.
import { CallForContributionsElement, httpSource, type Call, type CallSelectDetail } from 'open-call-widgets';
import 'open-call-widgets/call-for-contributions/define';
import { ContributionUploaderElement } from 'open-call-widgets/contribution-uploader';
import { CallForContributions, ContributionUploader } from 'open-call-widgets/react';
import { createElement } from 'react';

// Tags are typed through HTMLElementTagNameMap.
const list: CallForContributionsElement = document.createElement('call-for-contributions');
list.api = 'https://calls.example.org/v1';
list.source = httpSource('https://calls.example.org/v1', { headers: { Authorization: 'Bearer x' } });

// Events are typed through GlobalEventHandlersEventMap.
list.addEventListener('call-select', (event) => {
  const call: Call = event.detail.call;
  const detail: CallSelectDetail = event.detail;
  console.log(call.title, detail.call.id);
});
list.addEventListener('contribution-submit', (event) => console.log(event.detail.contributionId.toUpperCase()));

const uploader: ContributionUploaderElement = document.createElement('contribution-uploader');
uploader.call = 'puisi-voices';

// React props and typed handlers.
createElement(CallForContributions, { api: list.api, onCallSelect: (event) => console.log(event.detail.call.id) });
createElement(ContributionUploader, {
  call: 'puisi-voices',
  onContributionProgress: (event) => console.log(event.detail.percent),
});

// @ts-expect-error: an unknown property is an error, so the checks above are real.
list.notAProperty = 1;

// The gallery and the review, their events and React components.
import { ContributionGalleryElement } from 'open-call-widgets/contribution-gallery';
import 'open-call-widgets/contribution-review/define';
import { ContributionGallery, ContributionReview } from 'open-call-widgets/react';

const gallery: ContributionGalleryElement = document.createElement('contribution-gallery');
gallery.campaign = 'this-is-malaysia';
gallery.addEventListener('contributions-load', (event) => console.log(event.detail.contributions.length));
document.createElement('contribution-review').headers = { Authorization: 'Bearer x' };
createElement(ContributionGallery, { call: 'puisi-voices', onContributionsLoad: (event) => console.log(event.detail.shown) });
createElement(ContributionReview, { onContributionReview: (event) => console.log(event.detail.status) });
