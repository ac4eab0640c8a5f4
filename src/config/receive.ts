import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { configContext, type OpenCallConfig } from './context.js';

/**
 * Hands `host` the settings that an enclosing element shares (see share.ts), now and whenever
 * they change. Its own module: a widget loads it only when it sits inside such an element, so
 * a page with a plain list never downloads it.
 */
export function receiveSettings(host: ReactiveControllerHost & HTMLElement, received: (value: OpenCallConfig) => void): void {
  new ContextConsumer(host, { context: configContext, subscribe: true, callback: (value) => received(value ?? {}) });
}
