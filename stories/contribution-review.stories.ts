import type { Meta, StoryObj } from '@storybook/web-components';
import { html, nothing } from 'lit';
import '../src/contribution-review/define.js';
import type { CallSource } from '../src/api/source.js';
import { failingReview, forbiddenReview, pendingReview, receivedContributions, reviewFrom } from './contributions-support.js';
import { api, inside, until } from './support.js';

interface ReviewArgs {
  api: string;
  campaign?: string;
  call?: string;
  status?: 'received' | 'published' | 'rejected';
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  source?: CallSource;
}

const meta: Meta<ReviewArgs> = {
  title: 'Elements/contribution-review',
  component: 'contribution-review',
  args: { api, campaign: 'this-is-malaysia' },
  render: (args) =>
    html`<contribution-review
      api=${args.api}
      campaign=${args.campaign ?? nothing}
      call=${args.call ?? nothing}
      status=${args.status ?? nothing}
      lang=${args.lang ?? nothing}
      theme=${args.theme ?? nothing}
      .source=${args.source ?? reviewFrom(receivedContributions)}
    ></contribution-review>`,
};
export default meta;
type Story = StoryObj<ReviewArgs>;

/** The queue: each contribution with who sent it and what they agreed to, Publish and Reject. */
export const Queue: Story = {};

export const Loading: Story = { args: { source: pendingReview } };

/** Nothing waiting. */
export const Empty: Story = { args: { source: reviewFrom([]) } };

/** A token for another campaign: said so, never a blank. */
export const NotAllowed: Story = { args: { source: forbiddenReview } };

export const Failed: Story = { args: { source: failingReview } };

/** A decision waits a few seconds with Undo before it is sent. */
export const Deciding: Story = {
  play: async ({ canvasElement }) => {
    const review = await until(() => canvasElement.querySelector('contribution-review'), 'the review');
    (await inside(review, '.publish')).click();
    await inside(review, '.undo');
  },
};

/** One call chosen: its export zip is one click away. */
export const OneCall: Story = { args: { call: 'astronaut-one-liner' } };

export const DarkTheme: Story = { args: { theme: 'dark' } };

export const Malay: Story = { args: { lang: 'ms' } };
