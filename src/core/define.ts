import { warnTwoVersions } from './failure.js';
import { version } from './version.js';

/** The version a copy of this library stamps on the elements it defines. */
const versionKey = Symbol.for('open-call-widgets/version');

type Stamped = CustomElementConstructor & { [versionKey]?: string };

let warned = false;

/**
 * Defines a tag, tolerating another copy of this library on the page (a blog theme and an
 * article can both include the script). The same version: nothing happens. Another version:
 * the first definition stays, and this copy warns once, naming both versions (the warning's
 * words come with the failures' words: only such a page downloads them).
 */
export function define(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag) as Stamped | undefined;
  if (!existing) {
    (element as Stamped)[versionKey] = version;
    customElements.define(tag, element);
    return;
  }
  const other = existing[versionKey];
  if (existing === element || other === version || warned) return;
  warned = true;
  warnTwoVersions(tag, version, other);
}
