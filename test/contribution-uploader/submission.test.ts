// The answer form's pure part: the request it sends, and where a refusal's message goes.
import { expect } from '@open-wc/testing';
import { BackendError } from '../../src/api/request.js';
import type { Call, Problem } from '../../src/api/types.js';
import { en } from '../../src/contribution-uploader/words/en.js';
import type { AnswerValues } from '../../src/contribution-uploader/checks.js';
import { contributionRequest, refusalOf } from '../../src/contribution-uploader/submission.js';
import { quoted } from '../../src/contribution-uploader/words/quote.js';

const call = {
  id: 'puisi-voices',
  title: 'Puisi voices',
  languages: ['ms', 'en'],
  accepts: [{ kind: 'audio' }, { kind: 'text', maxLength: 140 }],
  terms: { url: 'https://example.org/terms', version: '2026-03' },
} as unknown as Call;

const typed: AnswerValues = {
  title: '  Hujan  ',
  text: 'Bulan pun rindu.',
  creditName: '  Aisyah R. ',
  email: ' ',
  language: 'ms',
  consent: true,
};
const now = new Date('2026-12-01T10:00:00Z');
const refusedWith = (problem: Partial<Problem>) =>
  new BackendError('problem', 'refused', 422, { type: 'urn:x', title: 'Refused', status: 422, ...problem });

describe('building a contribution', () => {
  it('sends a text answer with what was typed, trimmed, and the terms accepted now', () => {
    expect(contributionRequest(typed, 'text', call, [], now)).to.deep.equal({
      kind: 'text',
      title: 'Hujan',
      text: 'Bulan pun rindu.',
      creditName: 'Aisyah R.',
      language: 'ms',
      consent: { termsVersion: '2026-03', acceptedAt: '2026-12-01T10:00:00.000Z' },
      uploads: [],
    });
  });

  it('sends files as their upload URLs in the order chosen, of the first file’s kind, without the text', () => {
    const request = contributionRequest({ ...typed, title: '', email: 'a@b.my' }, 'files', call, [
      { kind: 'audio', url: 'https://up.example/1' },
      { kind: 'audio', url: undefined },
    ]);
    expect(request.kind).to.equal('audio');
    expect(request.uploads).to.deep.equal(['https://up.example/1', '']);
    expect(request).to.not.have.property('text');
    expect(request).to.not.have.property('title');
    expect(request.email).to.equal('a@b.my');
  });

  it('leaves out an email that is only spaces, and a language nobody chose', () => {
    const request = contributionRequest({ ...typed, language: '' }, 'text', call, [], now);
    expect(request).to.not.have.property('email');
    expect(request).to.not.have.property('language');
  });
});

describe('mapping a refusal onto the form', () => {
  const words = en.errors;

  it('puts a failure that is not the backend’s above the form, with nothing to fix', () => {
    expect(refusalOf(new TypeError('Failed to fetch'), words)).to.deep.equal({
      field: 'form',
      message: words.submitServerProblem,
    });
  });

  it('says the server did not answer when it was unreachable or too slow', () => {
    for (const kind of ['unreachable', 'timeout'] as const)
      expect(refusalOf(new BackendError(kind, 'x'), words)).to.deep.equal({ field: 'form', message: words.submitUnreachable });
  });

  it('says the call closed meanwhile, above the form', () => {
    expect(refusalOf(refusedWith({ type: 'urn:open-call:call-not-open' }), words)).to.deep.equal({
      field: 'form',
      message: words.callClosedMeanwhile,
    });
  });

  it('puts changed terms beside the consent, marked so the form shows the new ones', () => {
    expect(refusalOf(refusedWith({ type: 'urn:open-call:terms-outdated' }), words)).to.deep.equal({
      field: 'consent',
      message: words.termsChanged,
      termsOutdated: true,
    });
  });

  it('puts a problem about a field beside that field, in the backend’s words', () => {
    expect(refusalOf(refusedWith({ field: 'creditName', detail: 'Too long.' }), words)).to.deep.equal({
      field: 'creditName',
      message: 'Too long.',
    });
    expect(refusalOf(refusedWith({ field: 'uploads', title: 'Unknown upload' }), words)).to.deep.equal({
      field: 'files',
      message: 'Unknown upload',
    });
  });

  it('puts a problem about no field the form has above the form, after its own words', () => {
    expect(refusalOf(refusedWith({ field: 'mood', detail: 'No.' }), words)).to.deep.equal({
      field: 'form',
      message: `${words.submitFailed} No.`,
    });
  });

  it('says the server had a problem, with nothing to fix, when it failed or refused without a reason', () => {
    const failed = new BackendError('problem', 'POST /v1/calls/x/contributions answered 502.', 502);
    expect(refusalOf(failed, words)).to.deep.equal({ field: 'form', message: words.submitServerProblem });
    const withProblem = new BackendError('problem', 'x', 503, { type: 'urn:x', title: 'Down', status: 503, detail: 'DB down.' });
    expect(refusalOf(withProblem, words)).to.deep.equal({ field: 'form', message: words.submitServerProblem });
    const bare = new BackendError('problem', 'POST /v1/calls/x/contributions answered 400.', 400);
    expect(refusalOf(bare, words)).to.deep.equal({ field: 'form', message: words.submitServerProblem });
    expect(refusalOf(new BackendError('invalid', 'did not answer JSON'), words).message).to.equal(words.submitServerProblem);
    expect(words.submitServerProblem).to.not.match(/fix/);
  });
});

describe('a call’s title inside a sentence', () => {
  it('is quoted, its own quotes turned to the inner kind so that they do not nest', () => {
    expect(quoted('Window photo')).to.equal('“Window photo”');
    expect(quoted('Say “puisi” in your own voice')).to.equal('“Say ‘puisi’ in your own voice”');
    expect(quoted('Say "puisi" and "sajak"')).to.equal('“Say ‘puisi’ and ‘sajak’”');
  });
});
