import type { Context } from '@lit/context';
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

/**
 * A global symbol: two copies of the library on one page still find each other's provider.
 * A context is its key (what `createContext` returns), typed: the list, which has no provider
 * or consumer of its own, then needs none of @lit/context's code.
 */
export const configContext = Symbol.for('open-call-widgets/config') as Context<symbol, OpenCallConfig>;
