import { expect } from '@open-wc/testing';
import React from 'react';
import { forget } from '../../src/api/cache.js';
import type { ContributionGalleryElement } from '../../src/contribution-gallery/contribution-gallery.js';
import type { ContributionReviewElement } from '../../src/contribution-review/contribution-review.js';
import type { ContributionsLoadDetail } from '../../src/core/events.js';
import { ContributionGallery, ContributionReview } from '../../src/react/index.js';
import { backend } from '../harness/backend.js';
import { reactStage } from '../harness/react.js';
import { until, words } from '../harness/dom.js';
import { contribute, published } from '../harness/organiser.js';
import { reviewOf } from '../harness/review.js';

let api: string;
let token: string;
before(async () => ({ api, organiserToken: token } = await backend()));

const stage = reactStage();
beforeEach(() => forget());
let container: HTMLElement;
const render = (element: ReturnType<typeof React.createElement>) => void (container = stage.render(element));

describe('React components for the gallery and the review', () => {
  it('ContributionGallery shows what is published, and hands onContributionsLoad its typed detail', async () => {
    const title = `React ${Math.random().toString(36).slice(2, 8)}`;
    await published('astronaut-one-liner', { title, text: 'From React.' });
    const loads: ContributionsLoadDetail[] = [];
    render(
      React.createElement(ContributionGallery, {
        api,
        call: 'astronaut-one-liner',
        onContributionsLoad: (event) => loads.push(event.detail),
      }),
    );
    const el = container.querySelector<ContributionGalleryElement>('contribution-gallery')!;
    await until(() => loads.length === 1);
    expect(loads[0].contributions[0].title).to.equal(title);
    await expect(el).to.be.accessible();
  });

  it('ContributionReview takes its token through the headers property', async () => {
    const title = `React review ${Math.random().toString(36).slice(2, 8)}`;
    await contribute('astronaut-one-liner', { title });
    render(
      React.createElement(ContributionReview, {
        api,
        call: 'astronaut-one-liner',
        pageSize: 100,
        headers: { Authorization: `Bearer ${token}` },
      }),
    );
    const el = container.querySelector<ContributionReviewElement>('contribution-review')!;
    await until(() => reviewOf(el).items.length > 0);
    expect(reviewOf(el).items.map((i) => words(i.title))).to.include(title);
    await expect(el).to.be.accessible();
  });
});
