import { acceptsType } from '../api/accepts.js';
import type { Call } from '../api/types.js';

/** What a take is recorded as: the recorder's MIME type, and the file's type and extension. */
export interface RecordingFormat {
  kind: 'audio' | 'video';
  /** For MediaRecorder, codecs included. */
  mimeType: string;
  /** For the file and the upload's metadata, without codecs. */
  fileType: string;
  extension: string;
}

export const audioBitsPerSecond = 96_000;
export const videoBitsPerSecond = 1_500_000;

// Preferred first: WebM with Opus (and VP8) where the browser has it, then Ogg, then MP4,
// which is all that Safari records.
const candidates: Record<'audio' | 'video', Array<[mimeType: string, fileType: string, extension: string]>> = {
  audio: [
    ['audio/webm;codecs=opus', 'audio/webm', 'webm'],
    ['audio/ogg;codecs=opus', 'audio/ogg', 'ogg'],
    ['audio/webm', 'audio/webm', 'webm'],
    ['audio/mp4', 'audio/mp4', 'm4a'],
  ],
  video: [
    ['video/webm;codecs=vp8,opus', 'video/webm', 'webm'],
    ['video/webm', 'video/webm', 'webm'],
    ['video/mp4', 'video/mp4', 'mp4'],
  ],
};

/** Whether this browser can record at all (MediaRecorder and getUserMedia exist). */
export const canRecord = (): boolean =>
  typeof MediaRecorder !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

/**
 * The format to record `kind` in: the first the browser supports that the call takes.
 * Undefined when there is none: the call then gets files only.
 */
export function recordingFormat(call: Call, kind: 'audio' | 'video'): RecordingFormat | undefined {
  if (typeof MediaRecorder === 'undefined') return undefined;
  const accepts = call.accepts.find((a) => a.kind === kind);
  if (!accepts) return undefined;
  for (const [mimeType, fileType, extension] of candidates[kind]) {
    if (MediaRecorder.isTypeSupported(mimeType) && acceptsType(accepts.types, fileType))
      return { kind, mimeType, fileType, extension };
  }
  return undefined;
}

/** The kinds a call can be answered with by recording, video first (it has sound too). */
export function recordableKinds(call: Call): Array<'audio' | 'video'> {
  return (['video', 'audio'] as const).filter((kind) => recordingFormat(call, kind) !== undefined);
}
