// Pages whose library code is partly missing from the server (see missingCode in faults-plugin.mjs).

/**
 * Defines elements from each of `defines` (paths under src/) as served with `missing` absent:
 * the ends of source paths without extension (`once-shown/answer-region`) or
 * packages (`tus-js-client`). Call it before anything else on the page imports the library: a
 * tag is defined once.
 */
export async function defineWithout(missing: string[], ...defines: string[]): Promise<void> {
  const root = `/without/${encodeURIComponent(missing.join(','))}/src/`;
  for (const define of defines) await import(root + define);
}

/** Warnings the page writes to the console, recorded (and still written); `restore` stops recording. */
export function recordWarnings(): { warnings: string[]; restore(): void } {
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    warn.apply(console, args);
  };
  return { warnings, restore: () => void (console.warn = warn) };
}

/**
 * For a test file about what the widgets tell the site's developer: records the warnings of each
 * test (and cleans up its fixtures after it); call the result for that test's warnings.
 */
export function warningsOfEachTest(cleanup: () => void): () => string[] {
  let recorded: ReturnType<typeof recordWarnings> | undefined;
  beforeEach(() => (recorded = recordWarnings()));
  afterEach(() => {
    recorded?.restore();
    cleanup();
  });
  return () => recorded?.warnings ?? [];
}
