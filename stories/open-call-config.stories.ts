import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../src/open-call-config/define.js';
import '../src/call-for-contributions/define.js';
import '../src/contribution-uploader/define.js';
import { api, partnerColours } from './support.js';

interface ConfigArgs {
  api: string;
  lang: string;
  theme: 'light' | 'dark' | 'auto';
}

const meta: Meta<ConfigArgs> = {
  title: 'Elements/open-call-config',
  component: 'open-call-config',
  args: { api, lang: 'ms', theme: 'light' },
};
export default meta;

/**
 * A partner's campaign page: one `<open-call-config>` sets the backend, Malay and the theme
 * for a featured call and the campaign's list; the colours come from the page's CSS.
 */
export const PartnerCampaign: StoryObj<ConfigArgs> = {
  render: (args) =>
    html`<open-call-config api=${args.api} lang=${args.lang} theme=${args.theme} style=${partnerColours}>
      <call-for-contributions call="puisi-voices" heading-level="2"></call-for-contributions>
      <call-for-contributions campaign="this-is-malaysia" heading-level="3"></call-for-contributions>
    </open-call-config>`,
};
