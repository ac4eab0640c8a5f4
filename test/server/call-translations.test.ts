import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCall } from '../../src/api/validate.js';
import { readSeed } from '../../demo/server/catalogue.js';
import { startTestServer, type TestServer } from './harness.js';

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

/** Runs `read` with console.warn captured; returns what it returned and what was warned. */
function warned<T>(read: () => T): { value: T; warnings: string[] } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    return { value: read(), warnings };
  } finally {
    console.warn = original;
  }
}

describe('a call with translations', () => {
  it('keeps each translation that follows the contract, fields optional', () => {
    const translations = { ms: { title: 'Tulis satu baris', summary: 'Untuk angkasawan' }, 'zh-Hant': {} };
    const parsed = parseCall({ ...call, translations });
    assert.equal(parsed.title, call.title);
    assert.deepEqual(parsed.translations, translations);
  });

  it('leaves out a bad translation with a note in the console, and keeps the call and its good ones', () => {
    const translations = {
      ms: { title: 'Tulis satu baris' },
      'not a tag!': { title: 'x' },
      fr: { title: 'x'.repeat(301) },
      de: 'Schreib eine Zeile',
      es: { summary: 42 },
    };
    const { value, warnings } = warned(() => parseCall({ ...call, translations }));
    assert.equal(value.id, call.id);
    assert.deepEqual(value.translations, { ms: { title: 'Tulis satu baris' } });
    assert.equal(warnings.length, 4);
    assert.ok(
      warnings.some((w) => w.includes('call.translations.fr.title is longer than 300 characters')),
      warnings.join('\n'),
    );
    assert.ok(
      warnings.some((w) => w.includes('is not a BCP 47 language tag')),
      warnings.join('\n'),
    );
  });

  it('refuses translations that are not an object: the whole field is wrong', () => {
    assert.throws(() => parseCall({ ...call, translations: ['ms'] }), /call\.translations is not an object/);
  });
});

describe('the seed’s translations', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  it('gives the Malaysian calls their Malay words, beside their English ones', async () => {
    const { body } = await server.call('GET', '/calls?campaign=this-is-malaysia');
    for (const c of body.items as Array<{ id: string; title: string; translations?: Record<string, { title?: string }> }>) {
      assert.match(c.title, /[A-Za-z]/, `${c.id} has its own English title`);
      assert.ok(c.translations?.ms?.title, `${c.id} has a Malay title`);
      assert.notEqual(c.translations.ms.title, c.title);
    }
  });

  it('names the field of a bad translation in a seed file, before the server starts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oc-seed-'));
    try {
      const seed = JSON.parse(readFileSync(new URL('../../demo/server/seed.json', import.meta.url), 'utf8'));
      seed.calls[0].translations = { ms: { title: '' } };
      const path = join(dir, 'seed.json');
      writeFileSync(path, JSON.stringify(seed));
      assert.throws(() => readSeed(path), /calls\[0\]\.translations\.ms\.title is empty/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
