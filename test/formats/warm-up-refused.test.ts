// A page whose Content-Security-Policy refuses workers made from a blob: the formats still
// warm up, on the page's thread, with no uncaught error.
import { expect } from '@open-wc/testing';
import { made } from './counting.js';
import { Formats } from '../../src/core/format.js';
import { until } from '../harness/dom.js';

describe('the formats’ warm-up on a page that refuses blob workers', () => {
  it('still makes the card’s formatters in advance, on the page’s thread', async () => {
    const policy = document.createElement('meta');
    policy.httpEquiv = 'Content-Security-Policy';
    policy.content = "worker-src 'none'; child-src 'none'";
    document.head.append(policy);
    const refused: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => refused.push(e.effectiveDirective));
    const errors: unknown[] = [];
    window.addEventListener('error', (e) => errors.push(e.error ?? e.message));
    new Formats('en');
    await until(() => made.relativeFormats > 0, 'the relative-time formatter made in advance');
    expect(made.workers).to.equal(1);
    expect(refused.length).to.be.greaterThan(0);
    expect(errors).to.deep.equal([]);
  });
});
