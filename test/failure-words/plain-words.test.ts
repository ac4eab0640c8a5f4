// What a visitor reads when something fails: plain words, never the request, its status or the
// content type, which go to the console in one line for the site's developer.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/call-for-contributions/define.js';
import '../../src/contribution-uploader/define.js';
import { httpSource, type CallSource } from '../../src/api/source.js';
import type { Call } from '../../src/api/types.js';
import { settled, until, words } from '../harness/dom.js';
import { listOf } from '../harness/list.js';
import { formOf } from '../harness/uploader.js';
import { warningsOfEachTest } from '../harness/missing-code.js';

/** What the widgets told the site's developer in this test. */
const warnings = warningsOfEachTest(fixtureCleanup);

/** Everything a visitor can read in a widget: its text, and the labels of what it shows. */
function readable(el: Element): string {
  const root = el.shadowRoot!;
  const labels = [...root.querySelectorAll('[aria-label], [title], [alt]')].flatMap((n) =>
    ['aria-label', 'title', 'alt'].map((a) => n.getAttribute(a) ?? ''),
  );
  return [words(root), ...labels].join(' ');
}

function expectPlainWords(el: Element): void {
  const text = readable(el);
  expect(text, 'no URL').to.not.match(/https?:\/\/|\/v1\b|127\.0\.0\.1/);
  expect(text, 'no status number').to.not.match(/\b[45]\d\d\b/);
  expect(text, 'no content type').to.not.match(/content-type|text\/html|application\/|\bjson\b/i);
}

/** The one console line that tells the developer what failed, with the request. */
function expectToldInConsole(...parts: string[]): void {
  const told = warnings().filter((w) => w.startsWith('open-call-widgets:') && parts.every((p) => w.includes(p)));
  expect(told, `one console line with ${parts.join(', ')} in: ${warnings().join(' | ')}`).to.have.length(1);
  expect(told[0]).to.not.contain('\n');
}

const textCall = {
  id: 'street-sounds',
  title: 'Street sounds',
  summary: 'Write what your street sounds like.',
  description: 'Plain words.',
  status: 'open',
  closesAt: '2030-01-01T00:00:00Z',
  languages: ['en'],
  accepts: [{ kind: 'text', maxLength: 80 }],
  contributionCount: 3,
  terms: { url: 'https://example.org/terms', version: '1' },
  upload: { endpoint: 'https://example.org/uploads/' },
} as unknown as Call;

describe('a list that cannot load says so in plain words', () => {
  const cases: Array<[string, () => CallSource | string, RegExp, string[]]> = [
    ['answers HTML instead of JSON', () => '/faults/html/v1', /cannot read/, ['/faults/html/v1/calls', 'did not answer JSON']],
    [
      'fails with a 500',
      () => '/faults/problem/v1',
      /had a problem/,
      ['GET', '/faults/problem/v1/calls', '500', 'The calls database did not answer.'],
    ],
    ['cannot be reached (offline)', () => 'http://127.0.0.1:9/v1', /could not reach/, ['GET', 'http://127.0.0.1:9/v1/calls']],
    [
      'does not answer in time',
      () => httpSource('/faults/slow/v1', { timeoutMs: 300 }),
      /taking too long/,
      ['GET', '/faults/slow/v1/calls', '0.3 s'],
    ],
  ];
  for (const [what, backend, message, told] of cases)
    it(`when the backend ${what}`, async () => {
      const given = backend();
      const el =
        typeof given === 'string'
          ? await fixture(html`<call-for-contributions api=${given}></call-for-contributions>`)
          : await fixture(html`<call-for-contributions .source=${given}></call-for-contributions>`);
      await settled(el);
      await until(() => listOf(el).errorMessage, 'no error shown');
      expect(words(listOf(el).errorMessage)).to.match(message);
      expectPlainWords(el);
      expectToldInConsole(...told);
    });
});

describe('a form that cannot send says so in plain words', () => {
  async function form(source: CallSource) {
    const el = await fixture(html`<contribution-uploader .source=${source} .callData=${textCall}></contribution-uploader>`);
    await settled(el, 'form');
    formOf(el).fill({ text: 'Motorbikes and rain.', creditName: 'Wan', consent: true });
    return el;
  }
  const send = async (el: Element) => {
    formOf(el).submitButton!.click();
    await until(() => formOf(el).formError ?? formOf(el).firstError, 'no error shown');
  };

  it('when the server fails (5xx): nothing to fix, send again, and the input is kept', async () => {
    const el = await form(httpSource('/faults/problem/v1'));
    await send(el);
    expect(words(formOf(el).formError)).to.equal(
      'Your contribution could not be sent: the server had a problem. Nothing is lost: send again in a moment. Send again',
    );
    expect(words(formOf(el).formError)).to.not.match(/fix what/);
    expect(formOf(el).textField!.value).to.equal('Motorbikes and rain.');
    expectPlainWords(el);
    expectToldInConsole('POST', '/faults/problem/v1/calls/street-sounds/contributions', '500');
  });

  it('when the server answers what is not JSON', async () => {
    const el = await form(httpSource('/faults/html/v1'));
    await send(el);
    expect(words(formOf(el).formError)).to.match(/the server had a problem/);
    expectPlainWords(el);
    expectToldInConsole('/faults/html/v1/calls/street-sounds/contributions', 'did not answer JSON');
  });

  it('when the visitor is offline (a failed fetch)', async () => {
    const el = await form(httpSource('http://127.0.0.1:9/v1'));
    await send(el);
    expect(words(formOf(el).formError)).to.match(/the server did not answer/);
    expectPlainWords(el);
    expectToldInConsole('POST', 'http://127.0.0.1:9/v1/calls/street-sounds/contributions');
  });

  it('when sending takes too long', async () => {
    const el = await form(httpSource('/faults/slow/v1', { timeoutMs: 300 }));
    await send(el);
    expect(words(formOf(el).formError)).to.match(/the server did not answer/);
    expectPlainWords(el);
    expectToldInConsole('POST', '/faults/slow/v1/calls/street-sounds/contributions', '0.3 s');
  });

  it('when the backend refuses a field (4xx problem+json), beside that field, in its words', async () => {
    const el = await form(httpSource('/faults/refused/v1'));
    await send(el);
    expect(formOf(el).formError).to.equal(null);
    expect(words(formOf(el).errorOf('creditName'))).to.equal('This credit name is taken: choose another.');
    expectPlainWords(el);
    expectToldInConsole('POST', '/faults/refused/v1/calls/street-sounds/contributions', '422');
  });

  it('shows only the new message when sending again fails differently', async () => {
    const failing = httpSource('/faults/problem/v1');
    const refusing = httpSource('/faults/refused/v1');
    let attempts = 0;
    const source: CallSource = {
      ...failing,
      submitContribution: (...args) => (++attempts === 1 ? failing : refusing).submitContribution(...args),
    };
    const el = await form(source);
    await send(el);
    expect(words(formOf(el).formError)).to.match(/the server had a problem/);
    formOf(el).sendAgainButton!.click();
    await until(() => formOf(el).errorOf('creditName'), 'no field message after sending again');
    expect(formOf(el).formError, 'the first failure’s message is gone').to.equal(null);
    expect(words(formOf(el).errorOf('creditName'))).to.equal('This credit name is taken: choose another.');
    expectPlainWords(el);
  });
});
