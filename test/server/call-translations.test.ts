import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContractError, parseCall } from '../../src/api/validate.js';

const call = {
  id: 'astronaut-one-liner',
  title: 'Write a one-liner for the thinking astronaut',
  summary: 'One line.',
  description: 'What is she thinking?',
  languages: ['en', 'ms'],
  accepts: [{ kind: 'text', maxLength: 140 }],
  status: 'open',
  contributionCount: 0,
  terms: { url: 'http://127.0.0.1/terms', version: '1' },
  upload: { endpoint: 'http://127.0.0.1/v1/uploads/' },
};

describe('a call’s translations', () => {
  it('are read by language, each with an optional title, summary and description', () => {
    const translations = { ms: { title: 'Tulis satu baris', summary: 'Untuk angkasawan' }, 'zh-Hant': {} };
    assert.deepEqual(parseCall({ ...call, translations }).translations, translations);
    assert.equal(parseCall(call).translations, undefined);
  });

  it('refuse a key that is not a language tag, or a value that is not text', () => {
    assert.throws(() => parseCall({ ...call, translations: { 'not a tag': {} } }), ContractError);
    assert.throws(() => parseCall({ ...call, translations: { ms: { title: 42 } } }), /translations\.ms\.title is not a string/);
    assert.throws(() => parseCall({ ...call, translations: ['ms'] }), /translations is not an object/);
  });
});
