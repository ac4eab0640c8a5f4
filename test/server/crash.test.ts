// kill -9 of the real command (demo/server/cli.ts) in the middle of work: nothing answered is lost.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLog } from '../../demo/server/stores/contributions-file.js';
import { json, startCli as startServerCommand, textContribution } from './harness.js';

/** The real command on `dataDir`, with the per-visitor creation limit out of the way of the load. */
const startCli = (dataDir: string, port = 0) =>
  startServerCommand(['--port', String(port), '--data-dir', dataDir, '--creations-per-minute', '100000']);

async function kill(child: ChildProcess) {
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

describe('kill -9', () => {
  it('loses no contribution it answered 201, with many in flight when it dies', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oc-crash-'));
    const answered: string[] = [];
    let failed = 0;
    for (let round = 0; round < 3; round++) {
      const { child, api } = await startCli(dataDir);
      let dying = false;
      // 16 senders, each posting one contribution after another until the server is gone.
      const senders = Array.from({ length: 16 }, async (_, sender) => {
        for (let i = 0; ; i++) {
          try {
            const res = await fetch(`${api}/calls/astronaut-one-liner/contributions`, {
              method: 'POST',
              ...json(textContribution({ text: `round ${round}, sender ${sender}, #${i}` })),
            });
            if (res.status === 201) answered.push(((await res.json()) as { id: string }).id);
            else assert.fail(`answered ${res.status}`);
          } catch (error) {
            if (!dying) throw error;
            failed++;
            return;
          }
        }
      });
      await new Promise((r) => setTimeout(r, 400 + round * 150));
      dying = true;
      await kill(child);
      await Promise.all(senders);
    }
    const { child } = await startCli(dataDir);
    try {
      const kept = new Set(readLog(join(dataDir, 'contributions.jsonl')).map((c) => c.id));
      const lost = answered.filter((id) => !kept.has(id));
      console.log(`# kill -9 during contribution POSTs: ${answered.length} answered 201, ${failed} cut off, ${lost.length} lost`);
      assert.ok(answered.length > 20, `only ${answered.length} answered`);
      assert.deepEqual(lost, []);
    } finally {
      await kill(child);
    }
  });

  it('resumes an upload killed in the middle of PATCHes, byte-identical', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oc-crash-upload-'));
    const file = new Uint8Array(6 * 1024 * 1024).map((_, i) => (i * 131 + (i >> 13)) % 256);
    const secret = 'crash-test-secret-0001';
    const tusHeaders = { 'Tus-Resumable': '1.0.0', 'Upload-Secret': secret };
    let server = await startCli(dataDir);
    const port = Number(new URL(server.api).port);
    const create = await fetch(`${server.api}/uploads/`, {
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(file.length),
        'Upload-Metadata': ['callId puisi-voices', 'filetype audio/ogg', `secret ${secret}`]
          .map((p) => p.split(' '))
          .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
          .join(','),
      },
    });
    assert.equal(create.status, 201);
    const id = create.headers.get('location')!.split('/').pop()!;
    let kills = 0;
    let acknowledged = 0;
    const resumedAt: number[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      const upload = `${server.api}/uploads/${id}`;
      const head = await fetch(upload, { method: 'HEAD', headers: tusHeaders });
      assert.equal(head.status, 200);
      const offset = Number(head.headers.get('upload-offset'));
      assert.ok(offset >= acknowledged, `offset ${offset} is behind the ${acknowledged} bytes answered 204`);
      if (offset === file.length) break;
      resumedAt.push(offset);
      // The rest of the file, 64 KiB every few milliseconds, so that a kill lands mid-body.
      let sent = offset;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sent >= file.length) return controller.close();
          const end = Math.min(file.length, sent + 64 * 1024);
          controller.enqueue(file.slice(sent, end));
          sent = end;
          await new Promise((r) => setTimeout(r, 4));
        },
      });
      const patch = fetch(upload, {
        method: 'PATCH',
        headers: { ...tusHeaders, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
        body,
        duplex: 'half',
      } as RequestInit).then(
        (res) => {
          if (res.status === 204) acknowledged = Number(res.headers.get('upload-offset'));
          return res.status;
        },
        () => 0,
      );
      if (kills < 3) {
        await new Promise((r) => setTimeout(r, 120));
        await kill(server.child);
        kills++;
        await patch;
        server = await startCli(dataDir, port);
      } else assert.equal(await patch, 204);
    }
    try {
      const stored = readFileSync(join(dataDir, 'uploads', id));
      console.log(
        `# kill -9 during PATCHes: ${kills} kills, resumed at ${resumedAt.join(', ')}, ${stored.length} of ${file.length} bytes`,
      );
      assert.equal(kills, 3);
      assert.ok(
        resumedAt.slice(1).every((at) => at > 0 && at < file.length),
        'each kill landed in the middle of the file',
      );
      assert.equal(
        createHash('sha256').update(stored).digest('hex'),
        createHash('sha256').update(file).digest('hex'),
        'the resumed file is byte-identical',
      );
    } finally {
      await kill(server.child);
    }
  });
});
