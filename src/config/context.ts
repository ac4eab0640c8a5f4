import { createContext } from '@lit/context';
import type { CallSource } from '../api/source.js';

export type Theme = 'light' | 'dark' | 'auto';

/** The elements that share their settings with every widget inside them (see share.ts). */
export const sharingTags: readonly string[] = [
  'open-call-config',
  'call-for-contributions',
  'contribution-uploader',
  'contribution-gallery',
];

/** Settings shared with every widget inside an `<open-call-config>` (or a list, or an answer form). */
export interface OpenCallConfig {
  api?: string;
  lang?: string;
  headers?: Record<string, string>;
  theme?: Theme;
  source?: CallSource;
  uploadEndpoint?: string;
  /** Milliseconds to wait for the backend before giving up. */
  timeout?: number;
}

// A global symbol: two copies of the library on one page still find each other's provider.
export const configContext = createContext<OpenCallConfig>(Symbol.for('open-call-widgets/config'));
