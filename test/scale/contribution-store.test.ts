import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileContributionStore } from '../../demo/server/stores/contributions-file.js';
import { PgContributionStore } from '../../demo/server/stores/contributions-pg.js';
import { migrate, migrations, openPool, schemaVersion } from '../../demo/server/stores/postgres.js';
import {
  InvalidCursorError,
  UploadClaimedError,
  type ContributionStore,
  type NewContribution,
} from '../../demo/server/stores/contributions.js';
import { postgresAvailable, startPostgres, type TestPostgres } from './postgres.js';

const contribution = (callId: string, uploadIds: string[] = [], extra: Partial<NewContribution> = {}): NewContribution => ({
  id: randomUUID(),
  callId,
  receivedAt: new Date().toISOString(),
  kind: uploadIds.length ? 'audio' : 'text',
  text: uploadIds.length ? undefined : 'A few lines.',
  creditName: 'Ana',
  email: 'ana@example.org',
  consent: { termsVersion: '2024-01', acceptedAt: new Date().toISOString() },
  uploads: uploadIds.map((uploadId) => ({
    url: `http://127.0.0.1/v1/uploads/${uploadId}`,
    uploadId,
    size: 3,
    filetype: 'audio/ogg',
  })),
  ...extra,
});

const withoutUndefined = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

let postgres: TestPostgres | undefined;
before(async () => {
  if (postgresAvailable()) postgres = await startPostgres();
});
after(() => postgres?.stop());

interface Implementation {
  name: string;
  /** A new, empty store, and how to open the same data again (a restart). */
  open(): Promise<{ store: ContributionStore; reopen(): Promise<ContributionStore>; dispose(): Promise<void> }>;
}

const implementations: Implementation[] = [
  {
    name: 'the embedded log',
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'oc-store-'));
      return {
        store: new FileContributionStore(dir),
        reopen: () => Promise.resolve(new FileContributionStore(dir)),
        dispose: () => rm(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      assert.ok(postgres);
      const url = await postgres.createDatabase(`store_${randomUUID().replaceAll('-', '')}`);
      const fresh = async () => {
        const pool = openPool(url);
        await migrate(pool);
        return new PgContributionStore(pool);
      };
      return { store: await fresh(), reopen: fresh, dispose: () => Promise.resolve() };
    },
  },
];

for (const implementation of implementations) {
  describe(
    `contribution store: ${implementation.name}`,
    { skip: implementation.name === 'PostgreSQL' && !postgresAvailable() && 'PostgreSQL 15 is not installed' },
    () => {
      test('keeps a contribution as given, received, and finds it by id', async () => {
        const { store, dispose } = await implementation.open();
        const given = contribution('call-a', [], { basedOn: ['c-1'], title: 'Title', language: 'ms' });
        const stored = await store.add(given);
        assert.deepEqual(withoutUndefined(stored), withoutUndefined({ ...given, status: 'received' }));
        assert.deepEqual(withoutUndefined(await store.get(given.id)), withoutUndefined(stored));
        assert.equal(await store.get('no-such-id'), undefined);
        await store.close();
        await dispose();
      });

      test('an upload claimed by one contribution is refused to the next, and nothing of the second is kept', async () => {
        const { store, dispose } = await implementation.open();
        const first = await store.add(contribution('call-a', ['up-1']));
        const second = contribution('call-a', ['up-2', 'up-1']);
        await assert.rejects(store.add(second), (error: unknown) => {
          assert.ok(error instanceof UploadClaimedError);
          assert.equal(error.uploadId, 'up-1');
          assert.equal(error.contributionId, first.id);
          return true;
        });
        assert.equal(await store.get(second.id), undefined);
        assert.equal(await store.usedBy('up-2'), undefined, 'the refused contribution claimed nothing');
        assert.equal(await store.usedBy('up-1'), first.id);
        await store.close();
        await dispose();
      });

      test('of 20 contributions claiming one upload at once, exactly one is kept', async () => {
        const { store, dispose } = await implementation.open();
        const results = await Promise.allSettled(Array.from({ length: 20 }, () => store.add(contribution('call-a', ['shared']))));
        const kept = results.filter((r) => r.status === 'fulfilled');
        assert.equal(kept.length, 1);
        for (const r of results) if (r.status === 'rejected') assert.ok(r.reason instanceof UploadClaimedError);
        assert.equal((await store.list({ limit: 100 })).items.length, 1);
        await store.close();
        await dispose();
      });

      test('lists newest first, by call and status, in pages whose last says next: null', async () => {
        const { store, dispose } = await implementation.open();
        const ids: string[] = [];
        for (let i = 0; i < 5; i++) ids.push((await store.add(contribution(i % 2 ? 'call-b' : 'call-a'))).id);
        const page1 = await store.list({ limit: 2 });
        assert.deepEqual(
          page1.items.map((c) => c.id),
          [ids[4], ids[3]],
        );
        assert.ok(page1.next);
        const page2 = await store.list({ limit: 2, cursor: page1.next });
        assert.deepEqual(
          page2.items.map((c) => c.id),
          [ids[2], ids[1]],
        );
        const page3 = await store.list({ limit: 2, cursor: page2.next ?? undefined });
        assert.deepEqual(
          page3.items.map((c) => c.id),
          [ids[0]],
        );
        assert.equal(page3.next, null);
        const callA = await store.list({ limit: 10, callIds: ['call-a'] });
        assert.deepEqual(
          callA.items.map((c) => c.id),
          [ids[4], ids[2], ids[0]],
        );
        assert.equal(callA.next, null);
        assert.deepEqual(Object.fromEntries(await store.countsByCall()), { 'call-a': 3, 'call-b': 2 });
        await store.add(contribution('call-b'));
        assert.deepEqual(Object.fromEntries(await store.countsByCall()), { 'call-a': 3, 'call-b': 3 }, 'counted again at once');
        await assert.rejects(store.list({ limit: 2, cursor: 'bm90LWEtY3Vyc29y' }), InvalidCursorError);
        await store.close();
        await dispose();
      });

      test('a review decision is kept: published with its time, then rejected keeps publishedAt', async () => {
        const { store, reopen, dispose } = await implementation.open();
        const { id } = await store.add(contribution('call-a'));
        const at = new Date('2026-11-30T10:00:00.000Z');
        const published = await store.setStatus(id, 'published', at);
        assert.equal(published?.status, 'published');
        assert.equal(published?.publishedAt, at.toISOString());
        assert.deepEqual(
          (await store.list({ limit: 10, status: 'published' })).items.map((c) => c.id),
          [id],
        );
        assert.equal(await store.setStatus('no-such-id', 'published'), undefined);
        const rejected = await store.setStatus(id, 'rejected', new Date('2026-11-30T11:00:00.000Z'));
        assert.equal(rejected?.status, 'rejected');
        assert.equal(rejected?.publishedAt, at.toISOString());
        await store.close();
        const again = await reopen();
        const kept = await again.get(id);
        assert.equal(kept?.status, 'rejected');
        assert.equal(kept?.publishedAt, at.toISOString());
        assert.equal((await again.list({ limit: 10, status: 'published' })).items.length, 0);
        await again.close();
        await dispose();
      });

      test('everything survives a restart of the store, claims included', async () => {
        const { store, reopen, dispose } = await implementation.open();
        const a = await store.add(contribution('call-a', ['u-1']));
        await store.close();
        const again = await reopen();
        assert.equal((await again.get(a.id))?.id, a.id);
        assert.equal(await again.usedBy('u-1'), a.id);
        await assert.rejects(again.add(contribution('call-a', ['u-1'])), UploadClaimedError);
        await again.close();
        await dispose();
      });
    },
  );
}

describe('PostgreSQL migrations', { skip: !postgresAvailable() && 'PostgreSQL 15 is not installed' }, () => {
  test('an empty database is brought to the newest version, and a second run changes nothing', async () => {
    assert.ok(postgres);
    const pool = openPool(await postgres.createDatabase(`m_${randomUUID().replaceAll('-', '')}`));
    assert.equal(await schemaVersion(pool), 0);
    const newest = Math.max(...migrations().map((m) => m.version));
    assert.ok(newest >= 2);
    assert.deepEqual(
      await migrate(pool),
      migrations().map((m) => m.version),
    );
    assert.equal(await schemaVersion(pool), newest);
    assert.deepEqual(await migrate(pool), []);
    await pool.end();
  });

  test('instances starting together migrate once', async () => {
    assert.ok(postgres);
    const url = await postgres.createDatabase(`m_${randomUUID().replaceAll('-', '')}`);
    const pools = [openPool(url), openPool(url), openPool(url)];
    const applied = await Promise.all(pools.map((p) => migrate(p)));
    assert.deepEqual(
      applied.flat().sort(),
      migrations()
        .map((m) => m.version)
        .sort(),
    );
    await Promise.all(pools.map((p) => p.end()));
  });

  test('a version 1 database with contributions and claims is upgraded without losing any', async () => {
    assert.ok(postgres);
    const pool = openPool(await postgres.createDatabase(`m_${randomUUID().replaceAll('-', '')}`));
    assert.deepEqual(await migrate(pool, { to: 1 }), [1]);
    // Rows as version 1 of the server wrote them: no review columns yet.
    const old = [contribution('call-a', ['old-upload']), contribution('call-b')];
    for (const c of old) {
      await pool.query('INSERT INTO contributions (id, call_id, received_at, record) VALUES ($1, $2, $3, $4)', [
        c.id,
        c.callId,
        c.receivedAt,
        JSON.stringify(c),
      ]);
      for (const u of c.uploads)
        await pool.query('INSERT INTO upload_claims (upload_id, contribution_id) VALUES ($1, $2)', [u.uploadId, c.id]);
    }
    assert.deepEqual(await migrate(pool), [
      2,
      ...migrations()
        .map((m) => m.version)
        .filter((v) => v > 2),
    ]);
    const store = new PgContributionStore(pool);
    for (const c of old)
      assert.deepEqual(withoutUndefined(await store.get(c.id)), withoutUndefined({ ...c, status: 'received' }));
    assert.equal(await store.usedBy('old-upload'), old[0].id);
    await assert.rejects(store.add(contribution('call-a', ['old-upload'])), UploadClaimedError);
    const published = await store.setStatus(old[1].id, 'published');
    assert.equal(published?.status, 'published');
    assert.deepEqual(
      (await store.list({ limit: 10 })).items.map((c) => c.id),
      [old[1].id, old[0].id],
    );
    await store.close();
  });
});
