import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Decision = 'published' | 'rejected';

interface Pending {
  status: Decision;
  /** When it is sent, in `performance.now()` time. */
  at: number;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Decisions that wait a few seconds before they are sent, so that Undo needs no way back on the
 * backend (a decision cannot return a contribution to "received"). A widget leaving the page
 * sends what is waiting at once rather than lose it.
 */
export class PendingDecisions implements ReactiveController {
  readonly #pending = new Map<string, Pending>();
  #ticker?: ReturnType<typeof setInterval>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly send: (id: string, status: Decision) => void,
    private readonly undoTime: () => number,
  ) {
    host.addController(this);
  }

  decide(id: string, status: Decision): void {
    this.undo(id);
    const ms = this.undoTime();
    const timer = setTimeout(() => this.#flush(id), ms);
    this.#pending.set(id, { status, at: performance.now() + ms, timer });
    // The countdown beside the item moves each second.
    this.#ticker ??= setInterval(() => this.host.requestUpdate(), 1000);
    this.host.requestUpdate();
  }

  /** Takes a waiting decision back; false when there was none. */
  undo(id: string): boolean {
    const pending = this.#pending.get(id);
    if (!pending) return false;
    clearTimeout(pending.timer);
    this.#pending.delete(id);
    this.#stopTicking();
    this.host.requestUpdate();
    return true;
  }

  /** The decision waiting for `id`, and the whole seconds left to undo it. */
  of(id: string): { status: Decision; seconds: number } | undefined {
    const pending = this.#pending.get(id);
    return pending && { status: pending.status, seconds: Math.max(1, Math.ceil((pending.at - performance.now()) / 1000)) };
  }

  #flush(id: string): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#pending.delete(id);
    this.#stopTicking();
    this.send(id, pending.status);
  }

  #stopTicking(): void {
    if (this.#pending.size || !this.#ticker) return;
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  hostDisconnected(): void {
    for (const id of [...this.#pending.keys()]) this.#flush(id);
  }
}
