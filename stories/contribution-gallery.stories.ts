import type { Meta, StoryObj } from '@storybook/web-components';
import { html, nothing } from 'lit';
import '../src/contribution-gallery/define.js';
import '../src/call-for-contributions/define.js';
import type { CallSource } from '../src/api/source.js';
import { failingGallery, galleryFrom, pendingGallery, publishedContributions } from './contributions-support.js';
import { api, inside, until } from './support.js';

interface GalleryArgs {
  api: string;
  campaign?: string;
  call?: string;
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  pageSize?: number;
  source?: CallSource;
}

const meta: Meta<GalleryArgs> = {
  title: 'Elements/contribution-gallery',
  component: 'contribution-gallery',
  args: { api, campaign: 'this-is-malaysia', source: galleryFrom(publishedContributions) },
  render: (args) =>
    html`<contribution-gallery
      api=${args.api}
      campaign=${args.campaign ?? nothing}
      call=${args.call ?? nothing}
      lang=${args.lang ?? nothing}
      theme=${args.theme ?? nothing}
      page-size=${args.pageSize ?? nothing}
      .source=${args.source}
    ></contribution-gallery>`,
};
export default meta;
type Story = StoryObj<GalleryArgs>;

/** A campaign's published contributions: quotes beside their call, a photo, a voice. */
export const Contributions: Story = {};

/** Before they arrive: placeholders in an item's shape, so the article does not jump. */
export const Loading: Story = { args: { source: pendingGallery } };

/** Nothing published yet: what a call shows before any organiser has published. */
export const Empty: Story = { args: { source: galleryFrom([]), campaign: 'no-such-campaign' } };

/** The backend cannot be reached: the message, and a way to try again. */
export const Failed: Story = { args: { source: failingGallery } };

/** Two at a time, with Load more. */
export const Paging: Story = { args: { source: galleryFrom(publishedContributions, 2) } };

/** "Build on this" opens the answer form under the item, naming what it builds on. */
export const BuildingOn: Story = {
  play: async ({ canvasElement }) => {
    const gallery = await until(() => canvasElement.querySelector('contribution-gallery'), 'the gallery');
    (await inside(gallery, '.build-on')).click();
    const form = await inside(gallery, 'contribution-uploader');
    await inside(form, '.building-on');
  },
};

export const DarkTheme: Story = { args: { theme: 'dark' } };

/** In Malay. */
export const Malay: Story = { args: { lang: 'ms' } };

/** Under each call of a list, with `show-contributions`. */
export const UnderTheCalls: Story = {
  render: (args) =>
    html`<call-for-contributions api=${args.api} campaign="this-is-malaysia" show-contributions .source=${args.source}>
    </call-for-contributions>`,
};
