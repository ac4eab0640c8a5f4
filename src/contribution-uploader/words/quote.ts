/**
 * A call's title in quotes, inside a sentence: “Say ‘puisi’ in your own voice”. Quotes already
 * in the title become the inner kind, so that they do not nest as “Say “puisi” in…”.
 */
export function quoted(title: string, [open, close, innerOpen, innerClose] = ['“', '”', '‘', '’']): string {
  const inner = title.replace(/[“"](.*?)[”"]/g, `${innerOpen}$1${innerClose}`);
  return `${open}${inner}${close}`;
}
