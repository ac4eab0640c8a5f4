/**
 * Rules both sides of the contract apply the same way: the uploader checks before a byte
 * moves, the reference server checks again on arrival.
 */

/** Whether a MIME type matches a call's `types` (`audio/*` matches `audio/ogg`; without a list, every type does). */
export function acceptsType(types: readonly string[] | undefined, type: string): boolean {
  if (!types || types.length === 0) return true;
  const t = type.toLowerCase().split(';')[0].trim();
  return types.some((pattern) => {
    const p = pattern.toLowerCase();
    return p === t || (p.endsWith('/*') && t.startsWith(p.slice(0, -1)));
  });
}

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
