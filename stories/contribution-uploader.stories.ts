import type { Meta, StoryObj } from '@storybook/web-components';
import { html, nothing } from 'lit';
import '../src/contribution-uploader/define.js';
import type { CallSource } from '../src/api/source.js';
import {
  api,
  choose,
  fill,
  holdUploadsAfter,
  inside,
  partnerColours,
  recording,
  seedSource,
  until,
  uploaderIn,
} from './support.js';

interface UploaderArgs {
  api: string;
  call: string;
  chunkSize?: number;
  uploadEndpoint?: string;
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  style?: string;
  source?: CallSource;
}

const meta: Meta<UploaderArgs> = {
  title: 'Elements/contribution-uploader',
  component: 'contribution-uploader',
  // The call comes from the reference backend's seed; files and contributions go to the backend.
  args: { api, call: 'puisi-voices', source: seedSource },
  argTypes: { source: { table: { disable: true } } },
  render: (args) =>
    html`<contribution-uploader
      api=${args.api}
      call=${args.call}
      chunk-size=${args.chunkSize ?? nothing}
      upload-endpoint=${args.uploadEndpoint ?? nothing}
      lang=${args.lang ?? nothing}
      theme=${args.theme ?? nothing}
      style=${args.style ?? nothing}
      .source=${args.source}
    ></contribution-uploader>`,
};
export default meta;
type Story = StoryObj<UploaderArgs>;

const fileStatus = (uploader: Element) => uploader.shadowRoot?.querySelector('.file-status')?.textContent ?? '';
const fileIn = (uploader: Element, state: string) => inside(uploader, `.file.${state}`);

/** The form for a call that takes audio or video: picker, credit, language, consent. */
export const MediaCall: Story = {};

/** The form for a call that takes text, with a live character count. */
export const TextCall: Story = { args: { call: 'astronaut-one-liner' } };

/** Send pressed on an empty form: each message beside its field, focus on the first. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const uploader = await uploaderIn(canvasElement);
    (await inside(uploader, '.submit')).click();
    await inside(uploader, '#creditName-error');
  },
};

/**
 * A 40 MB recording going up in 1 MiB chunks: progress, speed, time left, pause. Held part way
 * (the story sends a few chunks, then holds the next), so that it stays uploading.
 * Needs the reference backend (`npm run storybook` starts one beside the stories).
 */
export const Uploading: Story = {
  tags: ['needs-backend'],
  args: { chunkSize: 1024 * 1024 },
  beforeEach: () => holdUploadsAfter(14),
  play: async ({ canvasElement }) => {
    const uploader = await uploaderIn(canvasElement);
    await choose(uploader, recording('puisi-take-1.ogg', 40_000_000));
    await until(
      () => /[1-9]\d*\s?%/.test(fileStatus(uploader)) && uploader.shadowRoot?.querySelector('.file.uploading'),
      'progress',
    );
  },
};

/**
 * Paused by the visitor; Resume continues from the server's offset.
 * Needs the reference backend (`npm run storybook` starts one beside the stories).
 */
export const Paused: Story = {
  tags: ['needs-backend'],
  args: { chunkSize: 1024 * 1024 },
  play: async ({ canvasElement }) => {
    const uploader = await uploaderIn(canvasElement);
    await choose(uploader, recording('puisi-take-2.ogg', 30_000_000));
    (await inside(uploader, '.file.uploading .pause')).click();
    await fileIn(uploader, 'paused');
  },
};

/**
 * The browser went offline: the upload waits and says so, and continues when it is back.
 * Needs the reference backend (`npm run storybook` starts one beside the stories).
 */
export const Offline: Story = {
  tags: ['needs-backend'],
  args: { chunkSize: 1024 * 1024 },
  play: async ({ canvasElement }) => {
    const uploader = await uploaderIn(canvasElement);
    await choose(uploader, recording('puisi-take-3.ogg', 30_000_000));
    await fileIn(uploader, 'uploading');
    window.dispatchEvent(new Event('offline'));
    await fileIn(uploader, 'offline');
  },
};

/**
 * The same file chosen again in a fresh form (after a reload, say): it resumes, and says from where.
 * Needs the reference backend (`npm run storybook` starts one beside the stories).
 */
export const Resumed: Story = {
  tags: ['needs-backend'],
  args: { chunkSize: 1024 * 1024 },
  play: async ({ canvasElement }) => {
    const first = await uploaderIn(canvasElement);
    const file = recording('puisi-take-4.ogg', 24_000_000);
    await choose(first, file);
    await until(() => /[1-9]\d*\s?%/.test(fileStatus(first)) && first.shadowRoot?.querySelector('.pause'), 'some progress');
    first.shadowRoot?.querySelector<HTMLElement>('.pause')?.click();
    await fileIn(first, 'paused');
    // A fresh form, as after a reload, given the same file.
    const fresh = first.cloneNode() as Element;
    first.replaceWith(fresh);
    await choose(fresh, file);
    await until(() => fileStatus(fresh).includes('resuming'), '"resuming from"');
    fresh.shadowRoot?.querySelector<HTMLElement>('.pause')?.click();
    await fileIn(fresh, 'paused');
  },
};

/**
 * The upload endpoint refused the file: the reason in words, and Retry.
 * Needs the reference backend (`npm run storybook` starts one beside the stories).
 */
export const Failed: Story = {
  tags: ['needs-backend'],
  args: { uploadEndpoint: `${api}/no-uploads-here/` },
  play: async ({ canvasElement }) => {
    const uploader = await uploaderIn(canvasElement);
    await choose(uploader, recording('puisi-take-5.ogg', 200_000));
    await fileIn(uploader, 'failed');
  },
};

/**
 * Sent: the thank-you, with focus on its heading.
 * Needs the reference backend (`npm run storybook` starts one beside the stories).
 */
export const Done: Story = {
  tags: ['needs-backend'],
  args: { call: 'astronaut-one-liner' },
  play: async ({ canvasElement }) => {
    const uploader = await uploaderIn(canvasElement);
    await fill(uploader, '#text', 'Somewhere up there, I left the kettle on.');
    await fill(uploader, '#creditName', 'Storybook');
    (await inside(uploader, '#consent')).click();
    (await inside(uploader, '.submit')).click();
    await inside(uploader, '.thanks-heading');
  },
};

/** A call that has closed: said plainly, and nothing to fill in. */
export const ClosedCall: Story = { args: { call: 'thank-you-notes-2025' } };

export const DarkTheme: Story = { args: { theme: 'dark' } };

/**
 * In Malay, with a file chosen: every word from the Malay table.
 * Needs the reference backend (`npm run storybook` starts one beside the stories).
 */
export const Malay: Story = {
  tags: ['needs-backend'],
  args: { lang: 'ms', chunkSize: 1024 * 1024 },
  play: async ({ canvasElement }) => {
    const uploader = await uploaderIn(canvasElement);
    await choose(uploader, recording('puisi-saya.ogg', 2_000_000));
    await fileIn(uploader, 'done');
  },
};

export const CustomColours: Story = { args: { style: partnerColours } };
