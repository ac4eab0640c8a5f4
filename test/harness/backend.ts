// Typed access, from a browser test, to the reference backend that test/harness/backend-plugin.mjs runs.
import { executeServerCommand } from '@web/test-runner-commands';
import type { Call } from '../../src/api/types.js';

export interface Backend {
  /** Base URL of the contract, e.g. http://127.0.0.1:41234/v1 */
  api: string;
  /** Where the backend keeps contributions and uploads (readable by server commands). */
  dataDir: string;
  /** A token of the organiser API that covers every campaign. */
  organiserToken: string;
}

export const backend = () => executeServerCommand<Backend, undefined>('backend');

/** A call as the backend serves it, to hand a widget as `callData` (changed, for a test, as a site's own data might be). */
export const callFrom = async (api: string, id: string): Promise<Call> =>
  (await (await fetch(`${api}/calls/${encodeURIComponent(id)}`)).json()) as Call;

/** Request lines the backend saw since the last call (`GET /v1/calls?kind=text 200 2ms`); clears the list. */
export const backendRequests = () => executeServerCommand<string[], undefined>('backend-requests');

/** What the backend's tus store holds for an upload. */
export const storedUpload = (id: string) =>
  executeServerCommand<{ exists: boolean; size?: number; sha256?: string }, { id: string }>('backend-upload', { id });

export interface StoredContribution {
  id: string;
  callId: string;
  kind: string;
  text?: string;
  creditName: string;
  basedOn?: string[];
  uploads: Array<{ url: string; uploadId: string; size: number }>;
}

export const storedContributions = () => executeServerCommand<StoredContribution[], undefined>('backend-contributions');

/** Publishes or rejects a contribution through the organiser API, as an organiser would; the PATCH's answer. */
export const reviewContribution = (id: string, status: 'published' | 'rejected') =>
  executeServerCommand<{ status: number; body: unknown }, { id: string; status: string }>('backend-review', { id, status });

/** Closes a call by editing the backend's seed, as an organiser would. */
export const closeCall = (id: string) => executeServerCommand<boolean, { id: string }>('backend-close-call', { id });

/** Kills the backend (SIGKILL) / starts it again on the same port and data. */
export const stopBackend = () => executeServerCommand<boolean, undefined>('backend-stop');
export const startBackend = () => executeServerCommand<Backend, undefined>('backend-start');

/**
 * A reverse proxy in front of the backend that answers 413 to bodies over `limit` bytes; with
 * `cors: false` its 413 has no CORS headers, so that a browser reads it as no answer at all.
 */
export const startProxy = (limit: number, cors = true) =>
  executeServerCommand<{ api: string }, { limit: number; cors: boolean }>('proxy-start', { limit, cors });
export const stopProxy = () => executeServerCommand<boolean, undefined>('proxy-stop');

export interface ProxiedRequest {
  method: string;
  path: string;
  authorization: string | null;
  /** The request's Content-Length. */
  bytes: number;
  /** The body bytes that arrived (fewer than `bytes` when the request was cut or answered early). */
  received: number;
  /** What the proxy answered (0: not yet, or the connection was cut). */
  status: number;
}

/** The requests that came to the proxy, with the Authorization header each carried. */
export const proxiedRequests = () => executeServerCommand<ProxiedRequest[], undefined>('proxy-requests');

/**
 * Switches the proxy's fault: `bad-gateway` answers everything 502, as a gateway does while
 * the server behind it restarts; `gone` answers 410 to a HEAD of the uploads named.
 */
export const setProxyFault = (kind: 'none' | 'bad-gateway' | 'gone', goneIds: string[] = []) =>
  executeServerCommand<boolean, { kind: string; goneIds: string[] }>('proxy-fault', { kind, goneIds });
