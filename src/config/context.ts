import { createContext } from '@lit/context';
import type { CallSource } from '../api/source.js';

export type Theme = 'light' | 'dark' | 'auto';

/** Settings shared with every widget inside an `<open-call-config>` (or a `<call-for-contributions>`). */
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
