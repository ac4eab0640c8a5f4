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

/**
 * Whether two configs say the same thing (values compared by identity). Providers publish a
 * new value only when it differs, so that consumers do not re-render with every provider update.
 */
export function sameConfig(a: OpenCallConfig, b: OpenCallConfig): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as Array<keyof OpenCallConfig>);
  return [...keys].every((key) => a[key] === b[key]);
}
