// React components for the widgets, made with @lit/react: properties (callData, headers,
// source) are set as properties, not attributes, and each event is an `on…` prop with its
// typed detail. Importing this module defines the tags.
import { createComponent, type EventName } from '@lit/react';
// The default import: React ships CommonJS, which every bundler (and the test server) exposes as one.
import React from 'react';
import { CallForContributionsElement } from '../call-for-contributions/call-for-contributions.js';
import '../call-for-contributions/define.js';
import { OpenCallConfigElement } from '../open-call-config/open-call-config.js';
import '../open-call-config/define.js';
import { ContributionUploaderElement } from '../contribution-uploader/contribution-uploader.js';
import '../contribution-uploader/define.js';
import { ContributionRecorderElement } from '../contribution-recorder/contribution-recorder.js';
import '../contribution-recorder/define.js';
import { ContributionGalleryElement } from '../contribution-gallery/contribution-gallery.js';
import '../contribution-gallery/define.js';
import { ContributionReviewElement } from '../contribution-review/contribution-review.js';
import '../contribution-review/define.js';
import type { OpenCallEventMap } from '../core/events.js';

/** A widget's event name, typed so that its React handler gets the event's detail. */
const on = <K extends keyof OpenCallEventMap>(type: K) => type as EventName<CustomEvent<OpenCallEventMap[K]>>;

/** What the answer form sends, from the form itself or from inside a list. */
const answerEvents = {
  onContributionProgress: on('contribution-progress'),
  onContributionError: on('contribution-error'),
  onContributionSubmit: on('contribution-submit'),
};

/** `<call-for-contributions>` for React: `onCallsLoad`, `onCallSelect`, and the form's events from inside it. */
export const CallForContributions = createComponent({
  react: React,
  tagName: 'call-for-contributions',
  elementClass: CallForContributionsElement,
  displayName: 'CallForContributions',
  events: { onCallsLoad: on('calls-load'), onCallSelect: on('call-select'), ...answerEvents },
});

/** `<contribution-uploader>` for React. */
export const ContributionUploader = createComponent({
  react: React,
  tagName: 'contribution-uploader',
  elementClass: ContributionUploaderElement,
  displayName: 'ContributionUploader',
  events: answerEvents,
});

/** `<contribution-recorder>` for React: `onRecordingUse` hands over the take and its upload. */
export const ContributionRecorder = createComponent({
  react: React,
  tagName: 'contribution-recorder',
  elementClass: ContributionRecorderElement,
  displayName: 'ContributionRecorder',
  events: { onRecordingUse: on('recording-use'), onContributionError: on('contribution-error') },
});

/** `<open-call-config>` for React: settings shared with every widget inside it. */
export const OpenCallConfig = createComponent({
  react: React,
  tagName: 'open-call-config',
  elementClass: OpenCallConfigElement,
  displayName: 'OpenCallConfig',
});

/** `<contribution-gallery>` for React: `onContributionsLoad`, and the answer form's events from "Build on this". */
export const ContributionGallery = createComponent({
  react: React,
  tagName: 'contribution-gallery',
  elementClass: ContributionGalleryElement,
  displayName: 'ContributionGallery',
  events: { onContributionsLoad: on('contributions-load'), ...answerEvents },
});

/** `<contribution-review>` for React: `onContributionReview` once the backend kept a decision. */
export const ContributionReview = createComponent({
  react: React,
  tagName: 'contribution-review',
  elementClass: ContributionReviewElement,
  displayName: 'ContributionReview',
  events: { onContributionReview: on('contribution-review') },
});
