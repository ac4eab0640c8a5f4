import { expect } from '@open-wc/testing';
import { until } from './harness/dom.js';
import { define } from '../src/core/define.js';
import { version } from '../src/core/version.js';

const versionKey = Symbol.for('open-call-widgets/version');

describe('define', () => {
  let warnings: unknown[][];
  const warn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => (console.warn = warn));

  it('defines a tag the page does not have yet', () => {
    class FirstWidget extends HTMLElement {}
    define('oc-test-first', FirstWidget);
    expect(customElements.get('oc-test-first')).to.equal(FirstWidget);
  });

  it('ignores a second copy of the same version silently', () => {
    class Original extends HTMLElement {}
    class SameVersionCopy extends HTMLElement {}
    define('oc-test-same', Original);
    define('oc-test-same', SameVersionCopy);
    define('oc-test-same', Original);
    expect(customElements.get('oc-test-same')).to.equal(Original);
    expect(warnings).to.have.length(0);
  });

  it('keeps the first version and warns once, naming both, when another version defined the tag', async () => {
    class OlderCopy extends HTMLElement {}
    (OlderCopy as unknown as Record<symbol, string>)[versionKey] = '0.0.9';
    customElements.define('oc-test-older', OlderCopy);
    customElements.define('oc-test-older-2', class extends OlderCopy {});
    define('oc-test-older', class extends HTMLElement {});
    define('oc-test-older-2', class extends HTMLElement {});
    expect(customElements.get('oc-test-older')).to.equal(OlderCopy);
    // The warning's words load only on such a page (a second warning would come with the first).
    await until(() => warnings.length > 0, 'no warning');
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('0.0.9').and.contain(version);
  });
});
