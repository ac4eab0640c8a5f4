import { AsyncDirective, directive, type Part } from 'lit/async-directive.js';
import type { Reporting } from './uploads-controller.js';

/**
 * A value in a template that follows an upload's progress by itself: a bar's `.value`, a
 * percent, a speed, the live region's announcement. Each report sets just this part, so that
 * the host (a whole form) does not update, restyle and lay out for it; while one is rendered,
 * the controller updates the host only when an upload changes state.
 */
class FollowProgress extends AsyncDirective {
  #source?: Reporting;
  #read?: () => unknown;
  #stop?: () => void;

  render(source: Reporting, read: () => unknown): unknown {
    void source;
    return read();
  }

  override update(part: Part, [source, read]: Parameters<this['render']>): unknown {
    void part;
    this.#read = read;
    if (source !== this.#source) {
      this.#stop?.();
      this.#stop = undefined;
      this.#source = source;
    }
    if (this.isConnected) this.#follow();
    return read();
  }

  #follow(): void {
    this.#stop ??= this.#source?.onProgress(() => this.#read && this.setValue(this.#read()));
  }

  protected override disconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
  }

  protected override reconnected(): void {
    this.#follow();
  }
}

export const followProgress = directive(FollowProgress);
