import { expect } from '@open-wc/testing';
import { ContractError, object, parsePage, text } from '../../src/api/validate.js';

// Any list the contract pages (calls now, a gallery's contributions later) is read the same way.
const item = object<{ id: string; title: string }>({ id: text(50, true), title: text(20, true) });

describe('a page of items from a backend', () => {
  it('keeps the items that follow the contract, and names each one left out with its first wrong field', () => {
    const page = parsePage(
      {
        items: [{ id: 'a', title: 'Fine' }, { id: 'b', title: '' }, 'nonsense', { id: 'c', title: 'Also fine' }],
        next: 'cursor-2',
      },
      item,
    );
    expect(page.items.map((i) => i.id)).to.deep.equal(['a', 'c']);
    expect(page.next).to.equal('cursor-2');
    expect(page.skipped.map(({ index, id, error }) => [index, id, error.message])).to.deep.equal([
      [1, 'b', 'items[1].title is empty'],
      [2, undefined, 'items[2] is not an object'],
    ]);
  });

  it('refuses a page with nothing to show: every item wrong, items not a list, or a bad next', () => {
    const refusal = (value: unknown) => {
      try {
        parsePage(value, item);
      } catch (error) {
        expect(error).to.be.instanceOf(ContractError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refusal({ items: [{ id: 'a' }], next: null })).to.equal('items[0].title is not a string');
    expect(refusal({ items: 'none', next: null })).to.equal('items is not a list');
    expect(refusal({ items: [{ id: 'a', title: 'Fine' }], next: 7 })).to.equal('next is not a string');
    expect(refusal([])).to.equal('response is not an object');
    // An empty page is a page, not an error.
    expect(parsePage({ items: [], next: null }, item).items).to.deep.equal([]);
  });
});
