import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { readLog } from '../../demo/server/stores/contributions-file.js';
import { cli, startCli, startTestServer, textContribution, json, tusUpload } from './harness.js';

describe('keeping contributions', () => {
  it('loses nothing when the process is killed right after answering 201', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oc-kill-'));
    const first = await startCli(['--port', '0', '--data-dir', dataDir]);
    const { url } = await tusUpload(`${first.api}/uploads/`, new Uint8Array(2048).fill(7), {
      callId: 'puisi-voices',
      filetype: 'audio/webm',
    });
    const res = await fetch(`${first.api}/calls/puisi-voices/contributions`, {
      method: 'POST',
      ...json(textContribution({ kind: 'audio', text: undefined, language: 'ms', uploads: [url] })),
    });
    first.child.kill('SIGKILL');
    assert.equal(res.status, 201);
    const { id } = (await res.json()) as { id: string };
    await once(first.child, 'exit');

    const second = await startCli(['--port', '0', '--data-dir', dataDir]);
    try {
      assert.ok(readLog(join(dataDir, 'contributions.jsonl')).some((c) => c.id === id));
      const reused = await fetch(`${second.api}/calls/puisi-voices/contributions`, {
        method: 'POST',
        ...json(
          textContribution({ kind: 'audio', text: undefined, language: 'ms', uploads: [url.replace(first.api, second.api)] }),
        ),
      });
      assert.equal(reused.status, 409, 'the upload is still known to be used after the restart');
      const call = (await (await fetch(`${second.api}/calls/puisi-voices`)).json()) as { contributionCount: number };
      assert.equal(call.contributionCount, 1);
    } finally {
      second.child.kill();
    }
  });

  it('starts after a crash that tore the last line, dropping only that line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oc-torn-'));
    const server = await startTestServer({ dataDir });
    await server.call('POST', '/calls/astronaut-one-liner/contributions', json(textContribution()));
    await server.close();
    appendFileSync(join(dataDir, 'contributions.jsonl'), '{"id":"half-writ');
    const again = await startTestServer({ dataDir });
    try {
      assert.equal((await again.store.list({ limit: 10 })).items.length, 1);
      assert.ok(readFileSync(join(dataDir, 'contributions.jsonl'), 'utf8').endsWith('}\n'));
      assert.equal((await again.call('POST', '/calls/astronaut-one-liner/contributions', json(textContribution()))).status, 201);
      assert.equal(readLog(join(dataDir, 'contributions.jsonl')).length, 2);
    } finally {
      await again.close();
    }
  });
});

describe('recovering the log', () => {
  it('sets a damaged record in the middle aside and keeps every record after it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oc-middle-'));
    const server = await startTestServer({ dataDir });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await server.call('POST', '/calls/astronaut-one-liner/contributions', json(textContribution()))).body.id);
    await server.close();
    const path = join(dataDir, 'contributions.jsonl');
    const lines = readFileSync(path, 'utf8').split('\n');
    const damaged = lines[1].slice(0, 40) + '\u0000garbage';
    writeFileSync(path, [lines[0], damaged, '{"id": 42}', ...lines.slice(1)].join('\n'));
    const again = await startTestServer({ dataDir });
    try {
      const kept = (await again.store.list({ limit: 10 })).items.map((c) => c.id);
      assert.deepEqual(kept.sort(), [...ids].sort(), 'every whole record is kept, before and after the damage');
      const rejected = readFileSync(join(dataDir, 'contributions.rejected.jsonl'), 'utf8');
      assert.ok(rejected.includes('garbage') && rejected.includes('{"id": 42}'), 'the damaged lines are set aside');
      assert.equal(readLog(path).length, 3);
      assert.equal((await again.call('POST', '/calls/astronaut-one-liner/contributions', json(textContribution()))).status, 201);
    } finally {
      await again.close();
    }
  });

  it('keeps review decisions across a restart, newest first in the list', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oc-review-'));
    const server = await startTestServer({ dataDir });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await server.call('POST', '/calls/astronaut-one-liner/contributions', json(textContribution()))).body.id);
    await server.store.setStatus(ids[0], 'published');
    await server.store.setStatus(ids[1], 'rejected');
    await server.close();
    const again = await startTestServer({ dataDir });
    try {
      assert.equal((await again.store.get(ids[0]))?.status, 'published');
      assert.ok((await again.store.get(ids[0]))?.publishedAt);
      assert.equal((await again.store.get(ids[1]))?.status, 'rejected');
      assert.equal((await again.store.get(ids[2]))?.status, 'received');
      const published = await again.store.list({ status: 'published', limit: 10 });
      assert.deepEqual(
        published.items.map((c) => c.id),
        [ids[0]],
      );
      const firstPage = await again.store.list({ limit: 2 });
      assert.deepEqual(
        firstPage.items.map((c) => c.id),
        [ids[2], ids[1]],
      );
      const secondPage = await again.store.list({ limit: 2, cursor: firstPage.next! });
      assert.deepEqual(
        secondPage.items.map((c) => c.id),
        [ids[0]],
      );
      assert.equal(secondPage.next, null);
    } finally {
      await again.close();
    }
  });
});

describe('the server command', () => {
  it('prints its URLs and takes --port, --data-dir, --origins and --seed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oc-cli-'));
    const seed = new URL('../../demo/server/seed.json', import.meta.url).pathname;
    const server = await startCli(['--port', '0', '--data-dir', dataDir, '--origins', 'https://blog.example', '--seed', seed]);
    try {
      assert.match(server.output(), /uploads\s+http:\/\/127\.0\.0\.1:\d+\/v1\/uploads\//);
      assert.match(server.output(), new RegExp(`data\\s+${dataDir}`));
      const res = await fetch(`${server.api}/calls`, { headers: { Origin: 'https://blog.example' } });
      assert.equal(res.headers.get('access-control-allow-origin'), 'https://blog.example');
    } finally {
      server.child.kill();
    }
  });

  it('explains a bad port instead of crashing', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 2);
    assert.match(err, /--port must be a number/);
  });
});
