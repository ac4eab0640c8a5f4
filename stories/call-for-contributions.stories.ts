import type { Meta, StoryObj } from '@storybook/web-components';
import { html, nothing } from 'lit';
import '../src/call-for-contributions/define.js';
import type { CallSource } from '../src/api/source.js';
import { api, inside, partnerColours, pendingSource, seedSource, unreachableSource, until } from './support.js';

interface ListArgs {
  api: string;
  campaign?: string;
  call?: string;
  status?: 'open' | 'upcoming' | 'closed';
  kind?: string;
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  headingLevel?: number;
  source?: CallSource;
  style?: string;
}

const meta: Meta<ListArgs> = {
  title: 'Elements/call-for-contributions',
  component: 'call-for-contributions',
  // The calls come from the reference backend's seed, in the browser: no backend needed to look.
  args: { api, campaign: 'this-is-malaysia', source: seedSource },
  argTypes: { source: { table: { disable: true } } },
  render: (args) =>
    html`<call-for-contributions
      api=${args.api}
      campaign=${args.campaign ?? nothing}
      call=${args.call ?? nothing}
      status=${args.status ?? nothing}
      kind=${args.kind ?? nothing}
      lang=${args.lang ?? nothing}
      theme=${args.theme ?? nothing}
      heading-level=${args.headingLevel ?? nothing}
      style=${args.style ?? nothing}
      .source=${args.source}
    ></call-for-contributions>`,
};
export default meta;
type Story = StoryObj<ListArgs>;

/** A campaign's open calls, as a blog embeds them. */
export const ListOfCalls: Story = {};

/** Before the calls arrive: a skeleton the size of a card, so the article does not jump. */
export const Loading: Story = { args: { source: pendingSource } };

/** A campaign with no open call right now. */
export const Empty: Story = { args: { campaign: 'no-such-campaign' } };

/** The backend cannot be reached: the message, and a way to try again. */
export const Failed: Story = { args: { source: unreachableSource } };

/** One call, with its whole description, as an article about it would show it. */
export const SingleCall: Story = { args: { campaign: undefined, call: 'puisi-voices' } };

/** Calls that open later: marked, with when they open, and no Contribute button. */
export const Upcoming: Story = { args: { campaign: undefined, status: 'upcoming' } };

/** Calls that have closed. */
export const Closed: Story = { args: { campaign: undefined, status: 'closed' } };

/** Contribute opens the answer form in place. */
export const Answering: Story = {
  args: { campaign: undefined, call: 'puisi-voices' },
  play: async ({ canvasElement }) => {
    const list = await until(() => canvasElement.querySelector('call-for-contributions'), 'the list');
    (await inside(list, '.contribute')).click();
    const uploader = await inside(list, 'contribution-uploader');
    await inside(uploader, 'form');
  },
};

export const DarkTheme: Story = { args: { theme: 'dark' } };

/** In Malay: words from the Malay table, dates and numbers through Intl. */
export const Malay: Story = { args: { lang: 'ms' } };

/** A partner's colours, radius and font, through CSS custom properties. */
export const CustomColours: Story = { args: { style: partnerColours } };
