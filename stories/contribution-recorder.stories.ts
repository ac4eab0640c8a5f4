import type { Meta, StoryObj } from '@storybook/web-components';
import { html, nothing } from 'lit';
import '../src/contribution-recorder/define.js';
import '../src/contribution-uploader/define.js';
import type { CallSource } from '../src/api/source.js';
import type { Call } from '../src/api/types.js';
import {
  api,
  fakeDevices,
  inside,
  partnerColours,
  pendingSource,
  seedCall,
  seedSource,
  unreachableSource,
  until,
} from './support.js';

interface RecorderArgs {
  api: string;
  call?: string;
  callData?: Call;
  source?: CallSource;
  kind: 'audio' | 'video';
  countdown: number;
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  style?: string;
}

const meta: Meta<RecorderArgs> = {
  title: 'Elements/contribution-recorder',
  component: 'contribution-recorder',
  // The call comes from the reference backend's seed; takes go up to the backend as they are recorded.
  args: { api, call: 'puisi-voices', kind: 'audio', countdown: 0, source: seedSource },
  argTypes: { source: { table: { disable: true }, control: false }, callData: { table: { disable: true } } },
  // A microphone and a camera of the story's own: the recorder works on a machine without them.
  beforeEach: () => fakeDevices(),
  render: (args) =>
    html`<contribution-recorder
      api=${args.api}
      call=${args.callData ? nothing : (args.call ?? nothing)}
      .callData=${args.callData}
      .source=${args.source}
      kind=${args.kind}
      countdown=${args.countdown}
      lang=${args.lang ?? nothing}
      theme=${args.theme ?? nothing}
      style=${args.style ?? nothing}
    ></contribution-recorder>`,
};
export default meta;
type Story = StoryObj<RecorderArgs>;

const recorderIn = (canvas: HTMLElement) => until(() => canvas.querySelector('contribution-recorder'), 'the recorder');
const press = async (host: Element, selector: string) => (await inside(host, selector)).click();
/** Turns the devices on (the story's own, see fakeDevices). */
async function turnOn(canvas: HTMLElement): Promise<Element> {
  const recorder = await recorderIn(canvas);
  await press(recorder, '.turn-on');
  await inside(recorder, '.record');
  return recorder;
}
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Before the call arrives. */
export const Loading: Story = { args: { source: pendingSource } };

/** The call could not be loaded: why, and a way to try again. */
export const CallCannotLoad: Story = { args: { source: unreachableSource } };

/** What the call asks, and a button to turn the microphone on: nothing records before that. */
export const BeforeRecording: Story = {};

/** Devices on: microphone menu and live level. */
export const ReadyAudio: Story = { play: async ({ canvasElement }) => void (await turnOn(canvasElement)) };

/** Video: camera and microphone menus, and a live preview. */
export const ReadyVideo: Story = { args: { kind: 'video' }, play: ReadyAudio.play };

/**
 * The countdown before recording, said aloud for screen readers.
 * Needs the reference backend (`npm run storybook` starts one beside the stories): the take goes up as it is recorded.
 */
export const Countdown: Story = {
  tags: ['needs-backend'],
  args: { countdown: 30 },
  play: async ({ canvasElement }) => {
    const recorder = await turnOn(canvasElement);
    await press(recorder, '.record');
    await inside(recorder, '.countdown');
  },
};

/**
 * Recording: elapsed time against the call's limit, and the take already going to the server.
 * Needs the reference backend (`npm run storybook` starts one beside the stories): the take goes up as it is recorded.
 */
export const Recording: Story = {
  tags: ['needs-backend'],
  play: async ({ canvasElement }) => {
    const recorder = await turnOn(canvasElement);
    await press(recorder, '.record');
    await inside(recorder, '.stop');
  },
};

/**
 * Paused while recording.
 * Needs the reference backend (`npm run storybook` starts one beside the stories): the take goes up as it is recorded.
 */
export const Paused: Story = {
  tags: ['needs-backend'],
  play: async ({ canvasElement }) => {
    const recorder = await turnOn(canvasElement);
    await press(recorder, '.record');
    await wait(1500);
    await press(recorder, '.pause');
    await inside(recorder, '.resume');
  },
};

/**
 * Stopped: the take to play back, record again, or use.
 * Needs the reference backend (`npm run storybook` starts one beside the stories): the take goes up as it is recorded.
 */
export const Stopped: Story = {
  tags: ['needs-backend'],
  args: { kind: 'video' },
  play: async ({ canvasElement }) => {
    const recorder = await turnOn(canvasElement);
    await press(recorder, '.record');
    await wait(2000);
    await press(recorder, '.stop');
    await inside(recorder, '.use');
  },
};

/** The browser was not allowed to use the microphone: why, how to allow it, and the way round. */
export const PermissionRefused: Story = {
  play: async ({ canvasElement }) => {
    const recorder = await recorderIn(canvasElement);
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    try {
      await press(recorder, '.turn-on');
      await inside(recorder, '.problem');
    } finally {
      navigator.mediaDevices.getUserMedia = original;
    }
  },
};

/** A call whose formats this browser cannot record: said plainly, with the way round. */
export const CannotRecordThisFormat: Story = {
  args: {
    callData: {
      ...seedCall('puisi-voices'),
      accepts: [{ kind: 'audio', types: ['audio/x-nothing-records-this'], maxSeconds: 30 }],
    },
  },
};

/** In the answer form, beside "Choose files". */
export const InTheAnswerForm: StoryObj<RecorderArgs> = {
  render: (args) =>
    html`<contribution-uploader api=${args.api} call="puisi-voices" .source=${args.source}></contribution-uploader>`,
  play: async ({ canvasElement }) => {
    const uploader = await until(() => canvasElement.querySelector('contribution-uploader'), 'the form');
    await press(uploader, '.record-audio');
    await inside(uploader, 'contribution-recorder');
  },
};

/**
 * A take recorded on an earlier visit and never sent: the form offers it.
 * Needs the reference backend (`npm run storybook` starts one beside the stories): the take goes up as it is recorded.
 */
export const UnsentTakeOffered: StoryObj<RecorderArgs> = {
  tags: ['needs-backend'],
  play: async ({ canvasElement }) => {
    const recorder = await turnOn(canvasElement);
    await press(recorder, '.record');
    await wait(1500);
    await press(recorder, '.stop');
    await inside(recorder, '.use');
    await wait(300);
    // The next visit.
    const form = document.createElement('contribution-uploader');
    form.setAttribute('api', api);
    form.setAttribute('call', 'puisi-voices');
    form.source = seedSource;
    recorder.replaceWith(form);
    await inside(form, '.unsent');
  },
};

export const Malay: Story = { args: { lang: 'ms' }, play: ReadyAudio.play };

export const DarkTheme: Story = { args: { theme: 'dark' } };

export const CustomColours: Story = { args: { style: partnerColours } };
