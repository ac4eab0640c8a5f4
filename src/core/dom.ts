/**
 * The nearest ancestor of `element` that `matches`, looking out through shadow roots too: a
 * widget may sit inside another widget (the answer form in a list, the recorder in the form).
 */
export function enclosing(element: Element, matches: (ancestor: Element) => boolean): Element | undefined {
  for (let node = element.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode)
    if (node instanceof Element && matches(node)) return node;
  return undefined;
}
