import type { Call } from './api/types.js';

/** `calls-load`: a page of calls arrived and is shown. */
export interface CallsLoadDetail {
  /** The calls this load added. */
  calls: Call[];
  /** Every call shown now. */
  shown: number;
  /** Whether "Load more" can fetch another page. */
  hasMore: boolean;
}

/** `call-select`: a visitor chose to answer a call. */
export interface CallSelectDetail {
  call: Call;
}

/** Every event the widgets send, by name. */
export interface OpenCallEventMap {
  'calls-load': CallsLoadDetail;
  'call-select': CallSelectDetail;
}

/** The one way an element sends an event: bubbling out of shadow roots, with a typed detail. */
export function emit<K extends keyof OpenCallEventMap>(
  from: EventTarget,
  type: K,
  detail: OpenCallEventMap[K],
  cancelable = false,
): boolean {
  return from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'calls-load': CustomEvent<CallsLoadDetail>;
    'call-select': CustomEvent<CallSelectDetail>;
  }
}
