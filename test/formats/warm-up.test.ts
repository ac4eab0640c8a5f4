// The page's first Formats makes the card's formatters before a card needs them, after a worker
// has paid for loading the locale data off the page's thread.
import { expect } from '@open-wc/testing';
import { made } from './counting.js';
import { Formats } from '../../src/core/format.js';
import { until } from '../harness/dom.js';

describe('the formats’ warm-up', () => {
  it('makes the card’s formatters after a worker has loaded the locale data, once per page', async () => {
    const errors: unknown[] = [];
    window.addEventListener('error', (e) => errors.push(e.error ?? e.message));
    const formats = new Formats('ms');
    new Formats('en');
    await until(() => made.relativeFormats > 0, 'the relative-time formatter made in advance');
    expect(made.workers).to.equal(1);
    // The card's first relative date uses the formatter made in advance: it makes none.
    const before = made.relativeFormats;
    expect(formats.relativeTo(new Date(Date.now() + 3 * 86_400_000).toISOString()))
      .to.be.a('string')
      .and.not.equal('');
    expect(made.relativeFormats).to.equal(before);
    expect(errors).to.deep.equal([]);
  });
});
