import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCall } from '../../src/api/validate.js';

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

describe('a call with translations', () => {
  it('still passes the widgets’ validation, which does not read them yet', () => {
    const translations = { ms: { title: 'Tulis satu baris', summary: 'Untuk angkasawan' }, 'zh-Hant': {} };
    const parsed = parseCall({ ...call, translations });
    assert.equal(parsed.title, call.title);
    assert.equal(parsed.translations, undefined, 'left out until a widget shows it');
  });
});
