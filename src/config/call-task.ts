import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { CallSource } from '../api/source.js';
import type { Call } from '../api/types.js';
import { describeFailure, type Failure } from '../i18n/failure.js';
import type { SettingsController } from './settings.js';

/** A widget that shows one call: by id from its backend, or as an object the page hands it. */
export interface CallHost extends ReactiveControllerHost, HTMLElement {
  call?: string;
  callData?: Call;
}

/** Why the call could not be loaded, in the widget's language (and details for the site owner). */
export class CallLoadFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

type Args = readonly [CallSource | undefined, string | undefined, string | undefined];

/**
 * The call a widget shows, as a Lit task: it loads again when the backend, the given call's
 * id or `call` change (fresher data about the same call does not start over), the request
 * before is cancelled then, and when the widget leaves the page. A failure arrives worded (a
 * `CallLoadFailure`); `started` runs as each load begins, so the widget forgets the call before.
 */
export class CallTask extends Task<Args, Call> {
  /** Cancelled by the widget leaving the page: it loads again when it is back. */
  #interrupted = false;

  constructor(
    host: CallHost,
    settings: SettingsController,
    options: { started?(): void; loaded?(call: Call): void; failed?(failure: Failure): void } = {},
  ) {
    super(host, {
      args: (): Args => [settings.source, host.callData?.id, host.call],
      task: async (_args, { signal }) => {
        options.started?.();
        try {
          return await settings.call(host.callData, host.call, signal);
        } catch (error) {
          if (signal.aborted) throw error;
          throw new CallLoadFailure(await describeFailure(error, settings.lang));
        }
      },
      onComplete: (call) => options.loaded?.(call),
      onError: (error) => error instanceof CallLoadFailure && options.failed?.(error.failure),
    });
  }

  /** The worded failure, when the last load failed (not when it was cancelled). */
  get failure(): Failure | undefined {
    return this.status === TaskStatus.ERROR && this.error instanceof CallLoadFailure ? this.error.failure : undefined;
  }

  hostConnected(): void {
    if (!this.#interrupted) return;
    this.#interrupted = false;
    void this.run();
  }

  hostDisconnected(): void {
    if (this.status !== TaskStatus.PENDING) return;
    this.#interrupted = true;
    this.abort();
  }
}
