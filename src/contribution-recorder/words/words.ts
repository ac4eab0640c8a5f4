import { WordTable } from '../../core/words.js';
import { en } from './en.js';

/** The recorder, for calls that ask people to record themselves. */
export interface RecorderWords {
  /** The recorder's accessible name. */
  regionLabel(title: string): string;
  loading: string;
  /** While the browser asks the visitor for the devices. */
  asking(kind: 'audio' | 'video'): string;
  promptLabel: string;
  allow(kind: 'audio' | 'video'): string;
  allowHint: string;
  microphone: string;
  camera: string;
  /** A device the browser gives no name. */
  unnamedDevice(kind: 'audio' | 'video', n: number): string;
  level: string;
  preview: string;
  record(kind: 'audio' | 'video'): string;
  countdown(seconds: string): string;
  cancel: string;
  state: { recording: string; paused: string; stopped: string };
  pause: string;
  resume: string;
  stop: string;
  /** Elapsed time, and the limit when the call has one ("0:04 of 0:30"). */
  elapsed(elapsed: string, limit?: string): string;
  limitReached: string;
  sentWhileRecording(size: string): string;
  sending(percent: string): string;
  sent: string;
  waitingForNetwork: string;
  takeLabel: string;
  recordAgain: string;
  useTake: string;
  errors: {
    denied: string;
    noDevice(kind: 'audio' | 'video'): string;
    inUse: string;
    insecure: string;
    unsupported: string;
    failed: string;
    /** What to do instead, said after each of the above. */
    fallback: string;
    tryAgain: string;
  };
}

/** The recorder's words, travelling with the recorder. */
export const recorderWords = new WordTable<RecorderWords>('contribution-recorder', en);
