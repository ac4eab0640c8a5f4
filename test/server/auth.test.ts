import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPreview, OrganiserTokens, signPreview } from '../../demo/server/auth.js';
import { Problem } from '../../demo/server/problem.js';

const kualaToken = 'kuala-lumpur-organiser-0001';
const everyToken = 'every-campaign-organiser-0002';
const envToken = 'environment-organiser-token-0003';

function tokensFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'oc-tokens-')), 'tokens.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** The status and problem code a refused authorisation throws. */
function refusal(run: () => unknown): [number, string] {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof Problem, String(error));
    return [error.status, error.code];
  }
  assert.fail('it was let in');
}

describe('organiser tokens', () => {
  const tokens = new OrganiserTokens({
    file: tokensFile({ [kualaToken]: ['kl-2026', 'selangor'], [everyToken]: '*' }),
    envToken,
  });

  it('lets in a token for the call’s campaign, and a * token for any campaign or none', () => {
    assert.ok(tokens.authorize(`Bearer ${kualaToken}`, 'kl-2026').campaigns.has('selangor'));
    assert.equal(tokens.authorize(`Bearer ${everyToken}`, 'penang').everyCampaign, true);
    assert.equal(tokens.authorize(`bearer ${everyToken}`, undefined).everyCampaign, true);
    assert.equal(tokens.authorize(`Bearer ${envToken}`, 'penang').everyCampaign, true);
  });

  it('answers 401 without a token, with another scheme, and with an unknown token', () => {
    assert.deepEqual(
      refusal(() => tokens.authorize(undefined, 'kl-2026')),
      [401, 'token-missing'],
    );
    assert.deepEqual(
      refusal(() => tokens.authorize(`Basic ${Buffer.from(`x:${kualaToken}`).toString('base64')}`, 'kl-2026')),
      [401, 'token-missing'],
    );
    assert.deepEqual(
      refusal(() => tokens.authorize('Bearer ', 'kl-2026')),
      [401, 'token-missing'],
    );
    assert.deepEqual(
      refusal(() => tokens.authorize(`Bearer ${kualaToken}x`, 'kl-2026')),
      [401, 'token-unknown'],
    );
    assert.deepEqual(
      refusal(() => tokens.authorize(`Bearer ${kualaToken.slice(0, -1)}`, 'kl-2026')),
      [401, 'token-unknown'],
    );
  });

  it('answers 403 for a known token that does not cover the campaign, or a call in no campaign', () => {
    assert.deepEqual(
      refusal(() => tokens.authorize(`Bearer ${kualaToken}`, 'penang')),
      [403, 'campaign-not-covered'],
    );
    assert.deepEqual(
      refusal(() => tokens.authorize(`Bearer ${kualaToken}`, undefined)),
      [403, 'campaign-not-covered'],
    );
  });

  it('refuses every token when none is configured', () => {
    const none = new OrganiserTokens();
    assert.equal(none.empty, true);
    assert.deepEqual(
      refusal(() => none.accessFor(`Bearer ${kualaToken}`)),
      [401, 'token-unknown'],
    );
  });

  it('picks up a revoked token without a restart, and keeps the last good tokens after a broken edit', () => {
    const path = tokensFile({ [kualaToken]: ['kl-2026'] });
    const live = new OrganiserTokens({ file: path });
    assert.ok(live.authorize(`Bearer ${kualaToken}`, 'kl-2026'));
    writeFileSync(path, JSON.stringify({ [everyToken]: '*' }));
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    assert.deepEqual(
      refusal(() => live.authorize(`Bearer ${kualaToken}`, 'kl-2026')),
      [401, 'token-unknown'],
    );
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      writeFileSync(path, '{ "broken": ');
      utimesSync(path, new Date(), new Date(Date.now() + 10_000));
      assert.ok(live.authorize(`Bearer ${everyToken}`, 'penang'));
    } finally {
      console.error = original;
    }
    assert.match(String(errors[0]), /Kept the previous organiser tokens/);
  });

  it('refuses at start a file that is not a token map, a short token or a bad scope, without printing the token', () => {
    assert.throws(() => new OrganiserTokens({ file: tokensFile('[1]') }), /must be an object/);
    assert.throws(() => new OrganiserTokens({ file: tokensFile('{') }), /not valid JSON/);
    assert.throws(() => new OrganiserTokens({ file: join(tmpdir(), 'no-such-tokens.json') }), /no such organiser tokens file/);
    assert.throws(() => new OrganiserTokens({ file: tokensFile({ [kualaToken]: 'kl-2026' }) }), /token 1 must map to/);
    assert.throws(() => new OrganiserTokens({ file: tokensFile({ [kualaToken]: [''] }) }), /token 1 must map to/);
    assert.throws(
      () => new OrganiserTokens({ file: tokensFile({ short: '*' }) }),
      (error: Error) => /at least 16 characters/.test(error.message) && !error.message.includes('short'),
    );
    assert.throws(() => new OrganiserTokens({ envToken: 'short' }), /OPEN_CALL_ORGANISER_TOKEN: a token must be/);
  });
});

describe('media preview links', () => {
  const key = new OrganiserTokens({ envToken }).previewKey()!;
  const path = '/v1/media/abc/0';
  const query = (q: string) => new URLSearchParams(q);

  it('open the file they were made for until they expire', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    const q = query(signPreview(key, path, now));
    assert.equal(checkPreview(key, path, q.get('expires'), q.get('signature'), now), true);
    assert.equal(checkPreview(key, path, q.get('expires'), q.get('signature'), now + 3600_000), true);
    assert.equal(checkPreview(key, path, q.get('expires'), q.get('signature'), now + 2 * 3600_000), false);
  });

  it('are the same within a few minutes, so a refreshed listing keeps cacheable links', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    assert.equal(signPreview(key, path, now + 1000), signPreview(key, path, now + 60_000));
  });

  it('do not open another file, carry a changed expiry, or work with another server’s tokens', () => {
    const q = query(signPreview(key, path));
    assert.equal(checkPreview(key, '/v1/media/abc/1', q.get('expires'), q.get('signature')), false);
    assert.equal(checkPreview(key, path, String(Number(q.get('expires')) + 600), q.get('signature')), false);
    const other = new OrganiserTokens({ envToken: everyToken }).previewKey();
    assert.equal(checkPreview(other, path, q.get('expires'), q.get('signature')), false);
    assert.equal(checkPreview(key, path, q.get('expires'), null), false);
    assert.equal(checkPreview(key, path, '1e99', q.get('signature')), false);
  });

  it('never open anything on a server with no tokens', () => {
    assert.equal(new OrganiserTokens().previewKey(), undefined);
    const q = query(signPreview(key, path));
    assert.equal(checkPreview(undefined, path, q.get('expires'), q.get('signature')), false);
  });
});
