import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { startCli } from './harness.js';

const fileToken = 'from-the-tokens-file-0000';
const envToken = 'from-the-environment-0000';

/** What the organiser listing answers a token with, on a server started by the command. */
const statusFor = async (api: string, token: string, query = '') =>
  (await fetch(`${api}/organiser/contributions${query}`, { headers: { Authorization: `Bearer ${token}` } })).status;

describe('npm run server and organiser tokens', () => {
  it('takes tokens per campaign from --organiser-tokens and one for every campaign from the environment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oc-cli-tokens-'));
    writeFileSync(join(dir, 'tokens.json'), JSON.stringify({ [fileToken]: ['dans-birthday'] }));
    const server = await startCli(
      ['--port', '0', '--data-dir', join(dir, 'data'), '--organiser-tokens', join(dir, 'tokens.json')],
      { ...process.env, OPEN_CALL_ORGANISER_TOKEN: envToken },
    );
    try {
      assert.match(server.output(), /organiser\s+\S+\/organiser\/contributions \(tokens from .*tokens\.json\)/);
      assert.equal(await statusFor(server.api, fileToken, '?campaign=dans-birthday'), 200);
      assert.equal(await statusFor(server.api, fileToken, '?campaign=this-is-malaysia'), 403);
      assert.equal(await statusFor(server.api, envToken, '?campaign=this-is-malaysia'), 200);
      assert.equal(await statusFor(server.api, 'some-other-token-000000'), 401);
    } finally {
      server.child.kill();
      await once(server.child, 'exit');
    }
  });

  it('keeps the organiser API closed, and says so, when no token is given', async () => {
    const env = { ...process.env };
    delete env.OPEN_CALL_ORGANISER_TOKEN;
    const server = await startCli(['--port', '0', '--data-dir', mkdtempSync(join(tmpdir(), 'oc-cli-closed-'))], env);
    try {
      assert.match(server.output(), /organiser .*closed: no --organiser-tokens/);
      assert.equal(await statusFor(server.api, envToken), 401);
    } finally {
      server.child.kill();
      await once(server.child, 'exit');
    }
  });

  it('refuses to start with a tokens file it cannot use, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oc-cli-bad-tokens-'));
    writeFileSync(join(dir, 'tokens.json'), JSON.stringify({ short: '*' }));
    await assert.rejects(
      startCli(['--port', '0', '--data-dir', join(dir, 'data'), '--organiser-tokens', join(dir, 'tokens.json')]),
      /tokens\.json: token 1: a token must be at least 16 characters/,
    );
  });
});
