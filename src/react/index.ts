// React components for the widgets, made with @lit/react: properties (callData, headers,
// source) are set as properties, not attributes, and each event is an `on…` prop with its
// typed detail. Importing this module defines the tags.
import { createComponent, type EventName } from '@lit/react';
// The default import: React ships CommonJS, which every bundler (and the test server) exposes as one.
import React from 'react';
import { CallForContributionsElement } from '../call-for-contributions/call-for-contributions.js';
import '../call-for-contributions/define.js';
import { OpenCallConfigElement } from '../config/open-call-config.js';
import '../config/define.js';
import { ContributionUploaderElement } from '../contribution-uploader/contribution-uploader.js';
import '../contribution-uploader/define.js';
import { ContributionRecorderElement } from '../contribution-recorder/contribution-recorder.js';
import '../contribution-recorder/define.js';
import type { OpenCallEventMap } from '../events.js';

/** The event a widget sends as `type`, typed for a React handler. */
type WidgetEvent<K extends keyof OpenCallEventMap> = EventName<CustomEvent<OpenCallEventMap[K]>>;

/** `<call-for-contributions>` for React: `onCallsLoad`, `onCallSelect`, and the form's events from inside it. */
export const CallForContributions = createComponent({
  react: React,
  tagName: 'call-for-contributions',
  elementClass: CallForContributionsElement,
  displayName: 'CallForContributions',
  events: {
    onCallsLoad: 'calls-load' as WidgetEvent<'calls-load'>,
    onCallSelect: 'call-select' as WidgetEvent<'call-select'>,
    onContributionProgress: 'contribution-progress' as WidgetEvent<'contribution-progress'>,
    onContributionError: 'contribution-error' as WidgetEvent<'contribution-error'>,
    onContributionSubmit: 'contribution-submit' as WidgetEvent<'contribution-submit'>,
  },
});

/** `<contribution-uploader>` for React. */
export const ContributionUploader = createComponent({
  react: React,
  tagName: 'contribution-uploader',
  elementClass: ContributionUploaderElement,
  displayName: 'ContributionUploader',
  events: {
    onContributionProgress: 'contribution-progress' as WidgetEvent<'contribution-progress'>,
    onContributionError: 'contribution-error' as WidgetEvent<'contribution-error'>,
    onContributionSubmit: 'contribution-submit' as WidgetEvent<'contribution-submit'>,
  },
});

/** `<contribution-recorder>` for React: `onRecordingUse` hands over the take and its upload. */
export const ContributionRecorder = createComponent({
  react: React,
  tagName: 'contribution-recorder',
  elementClass: ContributionRecorderElement,
  displayName: 'ContributionRecorder',
  events: {
    onRecordingUse: 'recording-use' as WidgetEvent<'recording-use'>,
    onContributionError: 'contribution-error' as WidgetEvent<'contribution-error'>,
  },
});

/** `<open-call-config>` for React: settings shared with every widget inside it. */
export const OpenCallConfig = createComponent({
  react: React,
  tagName: 'open-call-config',
  elementClass: OpenCallConfigElement,
  displayName: 'OpenCallConfig',
});
