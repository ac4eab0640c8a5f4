/**
 * Code that loads when it is first needed, once for the page. A failure (offline, a file missing
 * on a CDN) is warned about and gives undefined, so that the caller can say so in words or do
 * without; the next call asks again. Browsers that follow the current HTML standard fetch the
 * file again then; older ones keep the failure until the page reloads.
 */
export function loadOnce<T>(what: string, load: () => Promise<T>): () => Promise<T | undefined> {
  let loading: Promise<T | undefined> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      console.warn(`open-call-widgets: ${what} could not be loaded`, error);
      loading = undefined;
      return undefined;
    }));
}
