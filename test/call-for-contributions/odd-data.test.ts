import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/call-for-contributions/define.js';
import type { CallForContributionsElement } from '../../src/call-for-contributions/call-for-contributions.js';
import type { CallQuery, CallSource } from '../../src/api/source.js';
import type { Call, CallPage } from '../../src/api/types.js';
import { ContractError, parseCall } from '../../src/api/validate.js';
import type { CallsLoadDetail } from '../../src/core/events.js';
import { settled, until, words } from '../harness/dom.js';
import { listOf } from '../harness/list.js';
import { warningsOfEachTest } from '../harness/missing-code.js';

// Data a real backend sends only when something is wrong with it: a site's own source gives it on demand.
const call = (id: string, fields: Record<string, unknown> = {}) =>
  ({
    id,
    title: `Call ${id}`,
    summary: 'A call.',
    description: '',
    status: 'open',
    closesAt: '2030-01-01T00:00:00Z',
    languages: ['en'],
    accepts: [{ kind: 'text', maxLength: 100 }],
    contributionCount: 3,
    terms: { url: 'https://example.org/terms', version: '1' },
    upload: { endpoint: 'https://example.org/uploads/' },
    ...fields,
  }) as unknown as Call;

const pages = (page: (query: CallQuery) => CallPage): CallSource => ({
  listCalls: async (query) => page(query),
  getCall: () => Promise.reject(new Error('unused')),
  submitContribution: () => Promise.reject(new Error('unused')),
});

/** What the widgets told the site's developer in this test. */
const warnings = warningsOfEachTest(fixtureCleanup);

async function list(source: CallSource): Promise<CallForContributionsElement> {
  const el = await fixture<CallForContributionsElement>(
    html`<call-for-contributions .source=${source} lang="en"></call-for-contributions>`,
  );
  await settled(el);
  return el;
}

const titles = (el: Element) => listOf(el).titles;

describe('odd data from a backend', () => {
  it('shows an open call whose closing time has passed as closed: no Contribute, no "closes … ago"', async () => {
    const el = await list(
      pages(() => ({ items: [call('past', { closesAt: '2000-06-01T00:00:00Z' }), call('open')], next: null })),
    );
    const [past, open] = listOf(el).cards;
    expect(past.card!.classList.contains('closed')).to.equal(true);
    expect(words(past.status)).to.equal('Closed');
    expect(past.contributeButton).to.equal(null);
    expect(words(past.meta)).to.match(/closed \d+ years ago/);
    expect(words(past.meta)).not.to.contain('closes');
    expect(open.contributeButton).to.exist;
  });

  it('refuses a date that does not exist instead of rolling it over, and keeps the other calls', async () => {
    const el = await list(
      pages(() => ({ items: [call('fine'), call('feb-30', { closesAt: '2026-02-30T12:00:00Z' })], next: null })),
    );
    expect(titles(el)).to.deep.equal(['Call fine']);
    expect(warnings().join('\n')).to.contain('the call "feb-30"').and.to.contain('items[1].closesAt is not a date');
    const refused = (closesAt: string) => {
      try {
        parseCall(call('x', { closesAt }));
        return false;
      } catch (error) {
        return error instanceof ContractError && error.message === 'call.closesAt is not a date';
      }
    };
    for (const impossible of [
      '2026-02-30T00:00:00Z',
      '2027-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '2026-06-01T24:00:00Z',
      '2026-06-01T12:60:00Z',
      '2026-06-01T12:00:61Z',
      '2026-06-01T12:00:00+25:00',
    ])
      expect(refused(impossible), impossible).to.equal(true);
    for (const real of ['2028-02-29T00:00:00Z', '2026-12-31T23:59:59.999+08:00', '2026-06-01T12:00-05:30'])
      expect(refused(real), real).to.equal(false);
  });

  it('refuses absurd counts and limits, and prints a far-future date without a long number', async () => {
    const el = await list(
      pages(() => ({
        items: [
          call('many', { contributionCount: 1e21 }),
          call('huge', { accepts: [{ kind: 'audio', maxBytes: 1e21, maxSeconds: 30 }] }),
          call('forever', { accepts: [{ kind: 'video', maxSeconds: 1e21 }] }),
          call('far', { closesAt: '9999-12-31T23:59:00Z', contributionCount: 1e9 }),
        ],
        next: null,
      })),
    );
    expect(titles(el)).to.deep.equal(['Call far']);
    const told = warnings().join('\n');
    expect(told).to.contain('items[0].contributionCount is more than');
    expect(told).to.contain('items[1].accepts[0].maxBytes is more than');
    expect(told).to.contain('items[2].accepts[0].maxSeconds is more than');
    const card = words(listOf(el).card().card);
    expect(card).to.contain('9999');
    // No 22-digit number: with separators taken out, nothing longer than the largest count allowed.
    expect(card.replace(/(\d)[,.\u00a0\u202f ](?=\d{3}\b)/g, '$1')).not.to.match(/\d{11,}/);
  });

  it('hides Load more and says there is nothing more when the next cursor repeats', async () => {
    const asked: Array<string | undefined> = [];
    const el = await list(
      pages(({ cursor }) => {
        asked.push(cursor);
        return cursor ? { items: [call('second')], next: 'again' } : { items: [call('first')], next: 'again' };
      }),
    );
    listOf(el).loadMoreButton!.click();
    await until(() => titles(el).length === 2, 'the second page');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Call first', 'Call second']);
    expect(listOf(el).loadMoreButton).to.equal(null);
    expect(words(listOf(el).endOfList)).to.equal('That is every call there is for now.');
    expect(asked).to.deep.equal([undefined, 'again']);
  });

  it('ends the list, rather than paging in circles, when a new cursor brings no new call', async () => {
    let n = 0;
    const loads: CallsLoadDetail[] = [];
    const source = pages(() => ({ items: [call('same')], next: `cursor-${++n}` }));
    const el = await fixture<CallForContributionsElement>(
      html`<call-for-contributions
        .source=${source}
        @calls-load=${(e: CustomEvent<CallsLoadDetail>) => loads.push(e.detail)}
      ></call-for-contributions>`,
    );
    await settled(el);
    listOf(el).loadMoreButton!.click();
    await until(() => loads.length === 2, 'the second page');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Call same']);
    expect(listOf(el).loadMoreButton).to.equal(null);
    expect(words(listOf(el).endOfList)).to.contain('every call');
    expect(loads.map((l) => l.hasMore)).to.deep.equal([true, false]);
  });
});
