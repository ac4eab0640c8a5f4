// Types for what scripts outside web-test-runner use of backend-plugin.mjs.

/** One reference backend as a child process, with its own data; stopped and started on the same port. */
export interface BackendInstance {
  start(): Promise<void>;
  /** Kills it (SIGKILL). */
  stop(): Promise<void>;
  dispose(): Promise<void>;
  readonly api: string;
  readonly dataDir: string;
  readonly seed: string;
  requests(peek?: boolean): Promise<string[]>;
}

/** `publicUrl`: the address the backend hands out in links, when a server stands in front of it. */
export function backendInstance(options?: { publicUrl?: string }): BackendInstance;
export function referenceBackend(): unknown;
