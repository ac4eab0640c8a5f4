/**
 * The key a person pressed, as a move in reading order: in a widget written right to left
 * (Arabic), ArrowLeft goes on to the next item and ArrowRight back, as the items are laid out.
 */
export function readingKey(event: KeyboardEvent, within: Element): string {
  if (getComputedStyle(within).direction !== 'rtl') return event.key;
  return { ArrowLeft: 'ArrowRight', ArrowRight: 'ArrowLeft' }[event.key] ?? event.key;
}
