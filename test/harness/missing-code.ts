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

/**
 * Defines elements from each of `defines` (paths under src/) as served at `/held/{page}/`: whole,
 * but the modules that `holdCode(page, …)` names wait until it names others. `page` (letters,
 * digits, dashes) keeps this test file's code apart from every other file's.
 */
export async function defineHeld(page: string, ...defines: string[]): Promise<void> {
  for (const define of defines) await import(`/held/${page}/src/${define}`);
}

/**
 * From now on, the code of `page` (see defineHeld) is slow for `modules` (names as for
 * defineWithout): their requests wait until the next call, which `holdCode(page, [])` lets through.
 */
export async function holdCode(page: string, modules: string[]): Promise<void> {
  const answer = await fetch(`/held/${page}?${new URLSearchParams({ modules: modules.join(',') })}`, { method: 'POST' });
  if (!answer.ok) throw new Error(`holding the code of ${page} answered ${answer.status}`);
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
