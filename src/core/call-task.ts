import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { CallSource } from '../api/source.js';
import type { Call } from '../api/types.js';
import { describeFailure, type Failure } from './failure.js';
import type { SettingsController } from './settings.js';

/** A widget that shows one call: by id from its backend, or as an object the page hands it. */
export interface CallHost extends ReactiveControllerHost, HTMLElement {
  call?: string;
  callData?: Call;
}

type Args = readonly [CallSource | undefined, string | undefined, string | undefined];

/**
 * The call a widget shows, as a Lit task: it loads again when the backend, the given call's
 * id or `call` change (fresher data about the same call does not start over), and the request
 * before is cancelled then, and when the widget leaves the page (it asks again when put back).
 * `started` runs as each load begins, so the widget forgets the call before; a failure is
 * worded in the widget's language before `failed` hears of it (a cancelled load is not worded).
 */
export class CallTask extends Task<Args, Call> {
  /** Why the last load failed, in words; undefined while loading, and after a success. */
  failure?: Failure;
  /** Cancelled by the widget leaving the page: it loads again when it is back. */
  #interrupted = false;

  constructor(
    host: CallHost,
    settings: SettingsController,
    on: { started?(): void; loaded?(call: Call): void; failed?(failure: Failure): void } = {},
  ) {
    super(host, {
      args: (): Args => [settings.source, host.callData?.id, host.call],
      task: async (_args, { signal }) => {
        this.failure = undefined;
        on.started?.();
        try {
          const call = await settings.call(host.callData, host.call, signal);
          if (!signal.aborted) on.loaded?.(call);
          return call;
        } catch (error) {
          const failure = signal.aborted ? undefined : await describeFailure(error, settings.lang);
          if (failure && !signal.aborted) {
            this.failure = failure;
            on.failed?.(failure);
          }
          throw error;
        }
      },
    });
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
