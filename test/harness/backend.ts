// Typed access, from a browser test, to the reference backend that test/harness/backend-plugin.mjs runs.
import { executeServerCommand } from '@web/test-runner-commands';

export interface Backend {
  /** Base URL of the contract, e.g. http://127.0.0.1:41234/v1 */
  api: string;
  /** Where the backend keeps contributions and uploads (readable by server commands). */
  dataDir: string;
}

export const backend = () => executeServerCommand<Backend, undefined>('backend');

/** Request lines the backend saw since the last call (`GET /v1/calls?kind=text 200 2ms`); clears the list. */
export const backendRequests = () => executeServerCommand<string[], undefined>('backend-requests');
