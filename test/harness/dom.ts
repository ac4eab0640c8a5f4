// Small helpers for reading a widget's shadow DOM in tests.
import { expect, waitUntil } from '@open-wc/testing';

export const shadow = (el: Element) => {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
};

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...shadow(el).querySelectorAll<T>(selector),
];

/** waitUntil with room for network work on a busy machine (its own default is 1 s). */
export const until = (predicate: () => unknown, message?: string, timeout = 10_000) => waitUntil(predicate, message, { timeout });

/** Waits until the widget has left its loading state (a list, a call, a message). */
export async function settled(
  el: Element,
  what = '.list, .card.single:not(.skeleton), .message',
  timeout = 10_000,
): Promise<void> {
  await waitUntil(() => shadow(el).querySelector(what), `<${el.localName}> did not show ${what}`, { timeout });
}

/**
 * What `read` gives the moment `ready` first holds in `el`'s shadow DOM, before the browser has
 * drawn that state: to check what a widget's first frame of it shows.
 */
export function atFirstFrame<T>(el: Element, ready: () => unknown, read: () => T): Promise<T> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      resolve(read());
    });
    observer.observe(shadow(el), { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Text as a person reads it: whitespace collapsed. */
/** The text a person reads in `node`: spaces collapsed, and the invisible marks that isolate a title's direction left out. */
export const words = (node: Node | null | undefined) =>
  (node?.textContent ?? '')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Presses Tab until `target` has focus; fails after `limit` presses rather than spinning forever. */
export async function tabTo(target: Element, limit = 40): Promise<void> {
  const { sendKeys } = await import('@web/test-runner-commands');
  for (let i = 0; i < limit && deepActiveElement() !== target; i++) await sendKeys({ press: 'Tab' });
  if (deepActiveElement() !== target) throw new Error(`Tab never reached ${target.outerHTML.slice(0, 80)}`);
}

const describeElement = (el: Element | null | undefined) =>
  el ? el.outerHTML.replace(/<!--[^>]*-->/g, '').slice(0, 100) : String(el);

/** Asserts where focus is, with a short message (chai would inspect the whole DOM to compare elements). */
export function expectFocusOn(target: Element | null | undefined): void {
  const active = deepActiveElement();
  if (active !== target) throw new Error(`focus is on ${describeElement(active)}, not on ${describeElement(target)}`);
}

/**
 * Asserts that a widget cancels its request when `change` makes it ask again, and cancels the
 * new one when it is removed. `signals` collects the signal of each request, in order.
 */
export async function expectCancelsOnChangeAndRemoval(
  el: Element & { updateComplete: Promise<unknown> },
  signals: AbortSignal[],
  change: () => void,
): Promise<void> {
  // A widget may ask a task after it has drawn (the list does, to keep each task short).
  await until(() => signals.length > 0, 'the widget did not ask');
  expect(signals).to.have.length(1);
  change();
  await el.updateComplete;
  await until(() => signals.length > 1, 'the widget did not ask again');
  expect(signals).to.have.length(2);
  expect(signals[0].aborted).to.equal(true);
  expect(signals[1].aborted).to.equal(false);
  el.remove();
  expect(signals[1].aborted).to.equal(true);
}
