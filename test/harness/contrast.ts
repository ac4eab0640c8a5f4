// axe's colour-contrast rule alone, on one element (through its shadow roots), as lines to read.
import type { AxeResults, RunOptions } from 'axe-core';

type Axe = { run(context: Element, options: RunOptions): Promise<AxeResults> };

export async function contrastFindings(el: Element): Promise<string[]> {
  const page = window as unknown as { axe?: Axe };
  // axe's browser build registers itself on the window.
  // @ts-expect-error: the browser build has no types of its own (axe-core's are for the package).
  if (!page.axe) await import('axe-core/axe.min.js');
  const { violations } = await page.axe!.run(el, { runOnly: ['color-contrast'], resultTypes: ['violations'] });
  return violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? n.failureSummary}`));
}
