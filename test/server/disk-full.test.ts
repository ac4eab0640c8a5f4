// A full disk, for real: a 2 MiB tmpfs (root can mount one; elsewhere the test is skipped and says why).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLog } from '../../demo/server/stores/contributions-file.js';
import { checkedFetch, json, startTestServer, textContribution, type TestServer } from './harness.js';

// Every answer in this file is checked against openapi.yaml too.
const fetch = checkedFetch;

const mountPoint = mkdtempSync(join(tmpdir(), 'oc-tmpfs-'));
let mounted = false;
let why = '';
try {
  if (process.getuid?.() !== 0) throw new Error('not root');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'pipe' });
  mounted = true;
} catch (error) {
  why = `the disk-full tests need a 2 MiB tmpfs, which only root can mount (${(error as Error).message.split('\n')[0]})`;
  console.log(`# skipped: ${why}`);
}

const filler = join(mountPoint, 'filler');
/** Fills the disk but for `spare` bytes. */
function fillDisk(spare: number) {
  rmSync(filler, { force: true });
  const { bavail, bsize } = statfsSync(mountPoint);
  writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - spare)));
}

describe('a full disk', { skip: mounted ? false : why }, () => {
  const dataDir = join(mountPoint, 'data');
  let server: TestServer;
  before(async () => (server = await startTestServer({ dataDir })));
  after(async () => {
    await server?.close().catch(() => undefined);
    if (mounted) execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('never answers 201 for a contribution that did not reach the disk, and loses none that it answered', async () => {
    fillDisk(3 * 4096);
    const answered: string[] = [];
    const statuses = new Map<number, number>();
    // Enough contributions to run out of room several times over, some of them at once.
    for (let round = 0; round < 12; round++) {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          fetch(`${server.api}/calls/astronaut-one-liner/contributions`, {
            method: 'POST',
            ...json(textContribution({ text: `Round ${round}, take ${i}: ${'x'.repeat(100)}` })),
          }),
        ),
      );
      for (const res of answers) {
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const body = (await res.json()) as { id?: string; type?: string; detail?: string };
        if (res.status === 201) answered.push(body.id!);
        else {
          assert.equal(res.status, 507, JSON.stringify(body));
          assert.equal(body.type, 'urn:open-call-widgets:problem:storage-full');
          assert.doesNotMatch(JSON.stringify(body), /ENOSPC|\/tmp|oc-tmpfs/);
        }
      }
    }
    console.log(`# full disk: ${JSON.stringify(Object.fromEntries(statuses))} (status: count)`);
    assert.ok((statuses.get(507) ?? 0) > 0, 'the disk filled up');
    assert.ok(answered.length > 0, 'some fitted');

    // The log holds complete lines only, and every contribution answered 201.
    const log = readFileSync(join(dataDir, 'contributions.jsonl'), 'utf8');
    assert.ok(log.endsWith('\n'), 'no torn last line');
    const kept = new Set(readLog(join(dataDir, 'contributions.jsonl')).map((c) => c.id));
    assert.deepEqual(
      answered.filter((id) => !kept.has(id)),
      [],
    );
    assert.equal(kept.size, answered.length, 'nothing unanswered was kept');

    // Room again: it takes contributions, and a restart reads every one back.
    rmSync(filler);
    assert.equal((await server.call('POST', '/calls/astronaut-one-liner/contributions', json(textContribution()))).status, 201);
    await server.close();
    server = await startTestServer({ dataDir });
    assert.equal((await server.store.list({ limit: 200 })).items.length, answered.length + 1);
    assert.ok(!existsSync(join(dataDir, 'contributions.rejected.jsonl')), 'nothing had to be set aside');
  });

  it('keeps a review decision durably, or refuses it when the disk is full', async () => {
    const { items } = await server.store.list({ limit: 1 });
    const id = items[0].id;
    fillDisk(0);
    // The log's last page may still have room for a few decisions: decide until it has none.
    let kept = items[0].status;
    let refused: unknown;
    for (let i = 0; i < 200 && !refused; i++) {
      const status = i % 2 === 0 ? 'published' : 'rejected';
      await server.store.setStatus(id, status).then(
        () => (kept = status),
        (error: unknown) => (refused = error),
      );
    }
    assert.match(String(refused), /no room/);
    assert.equal((await server.store.get(id))?.status, kept, 'a refused decision changes nothing');
    rmSync(filler);
    assert.equal((await server.store.setStatus(id, 'published'))?.status, 'published');
    await server.close();
    server = await startTestServer({ dataDir });
    const again = await server.store.get(id);
    assert.equal(again?.status, 'published');
    assert.ok(again?.publishedAt);
  });

  it('answers an upload the disk cannot hold with a 507 problem, and the upload resumes once there is room', async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
    const made = await fetch(`${server.api}/uploads/`, {
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(bytes.length),
        'Upload-Metadata': `callId ${Buffer.from('puisi-voices').toString('base64')},filetype ${Buffer.from('audio/ogg').toString('base64')},secret ${Buffer.from('disk-full-secret-01').toString('base64')}`,
      },
    });
    assert.equal(made.status, 201);
    const location = made.headers.get('location')!;
    const headers = { 'Tus-Resumable': '1.0.0', 'Upload-Secret': 'disk-full-secret-01' };
    fillDisk(64 * 1024);
    const patch = await fetch(location, {
      method: 'PATCH',
      headers: { ...headers, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
      body: bytes,
    });
    const text = await patch.text();
    assert.equal(patch.status, 507, text);
    assert.match(patch.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.doesNotMatch(text, /ENOSPC|\/tmp|oc-tmpfs/);
    rmSync(filler);
    const offset = Number((await fetch(location, { method: 'HEAD', headers })).headers.get('upload-offset'));
    assert.ok(offset < bytes.length);
    const rest = await fetch(location, {
      method: 'PATCH',
      headers: { ...headers, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
      body: bytes.subarray(offset),
    });
    assert.equal(rest.status, 204);
    const stored = readFileSync(join(dataDir, 'uploads', location.split('/').pop()!));
    assert.ok(Buffer.from(bytes).equals(stored), 'the resumed file is byte-identical');
  });
});
