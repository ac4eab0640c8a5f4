import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { configContext, type OpenCallConfig } from '../core/context.js';

/**
 * Hands `host` the settings that `<sharer>`, an element around it, shares (see share.ts), now
 * and whenever they change; settles once `sharer` is defined and they can arrive. Its own
 * module: a widget loads it only when it sits inside such an element, so a page with a plain
 * list never downloads it.
 */
export async function receiveSettings(
  host: ReactiveControllerHost & HTMLElement,
  sharer: string,
  received: (value: OpenCallConfig) => void,
): Promise<void> {
  // A page that never defines the sharer (its script missing) would leave this widget waiting: say why.
  const hint = setTimeout(() => console.warn(`open-call-widgets: <${host.localName}> waits for <${sharer}> to be defined`), 5000);
  await customElements.whenDefined(sharer);
  clearTimeout(hint);
  new ContextConsumer(host, { context: configContext, subscribe: true, callback: (value) => received(value ?? {}) });
}
