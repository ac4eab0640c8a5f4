import type pg from 'pg';
import {
  InvalidCursorError,
  StorageFullError,
  UploadClaimedError,
  type ContributionPage,
  type ContributionQuery,
  type ContributionStore,
  type NewContribution,
  type ReviewStatus,
  type StoredContribution,
} from './contributions.js';

interface Row {
  seq: string;
  id: string;
  record: NewContribution;
  status: ReviewStatus;
  published_at: Date | null;
}

const columns = 'seq, id, record, status, published_at';

/**
 * Contributions in PostgreSQL (`DATABASE_URL`), shared by every instance behind a load balancer.
 * A contribution and its upload claims are inserted in one transaction; `upload_claims`' primary
 * key makes a second claim of the same upload fail, whichever instance makes it. Expects the
 * schema that `migrate` brings the database to.
 */
export class PgContributionStore implements ContributionStore {
  /**
   * Every GET /calls shows the counts: they are counted at most once a second, and again at
   * once after a contribution this instance kept. Another instance's shows within a second
   * (the answers themselves may be cached for 30).
   */
  private counts?: { at: number; value: Promise<ReadonlyMap<string, number>> };

  constructor(
    private readonly pool: pg.Pool,
    /** Whether `close` ends the pool (false when the locks share it). */
    private readonly ownsPool = true,
  ) {}

  async add(contribution: NewContribution): Promise<StoredContribution> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<Row>(
        `INSERT INTO contributions (id, call_id, received_at, record) VALUES ($1, $2, $3, $4) RETURNING ${columns}`,
        [contribution.id, contribution.callId, contribution.receivedAt, JSON.stringify(contribution)],
      );
      for (const upload of contribution.uploads) {
        // The claim of another contribution, committed or about to be: undo ours, then name it.
        try {
          await client.query('INSERT INTO upload_claims (upload_id, contribution_id) VALUES ($1, $2)', [
            upload.uploadId,
            contribution.id,
          ]);
        } catch (error) {
          if ((error as { code?: string }).code !== '23505') throw error;
          await client.query('ROLLBACK');
          const owner = await this.usedBy(upload.uploadId);
          throw new UploadClaimedError(upload.uploadId, owner ?? 'another contribution');
        }
      }
      await client.query('COMMIT');
      this.counts = undefined;
      return toContribution(rows[0]);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw storageError(error);
    } finally {
      client.release();
    }
  }

  async get(id: string): Promise<StoredContribution | undefined> {
    const { rows } = await this.pool.query<Row>(`SELECT ${columns} FROM contributions WHERE id = $1`, [id]);
    return rows[0] && toContribution(rows[0]);
  }

  async list({ callIds, status, limit, cursor }: ContributionQuery): Promise<ContributionPage> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (cursor !== undefined) {
      const [seq, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
      if (!/^\d{1,18}$/.test(seq ?? '') || !id) throw new InvalidCursorError();
      const found = await this.pool.query('SELECT 1 FROM contributions WHERE seq = $1 AND id = $2', [seq, id]);
      if (found.rowCount === 0) throw new InvalidCursorError();
      values.push(seq);
      where.push(`seq <= $${values.length}`);
    }
    if (callIds) {
      values.push(callIds);
      where.push(`call_id = ANY($${values.length})`);
    }
    if (status) {
      values.push(status);
      where.push(`status = $${values.length}`);
    }
    values.push(limit + 1);
    const { rows } = await this.pool.query<Row>(
      `SELECT ${columns} FROM contributions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY seq DESC LIMIT $${values.length}`,
      values,
    );
    // The cursor names the first item of the next page, as the embedded store's does.
    const after = rows[limit];
    return {
      items: rows.slice(0, limit).map(toContribution),
      next: after ? Buffer.from(`${after.seq}:${after.id}`).toString('base64url') : null,
    };
  }

  async setStatus(id: string, status: ReviewStatus, at = new Date()): Promise<StoredContribution | undefined> {
    try {
      const { rows } = await this.pool.query<Row>(
        `UPDATE contributions
            SET status = $2, reviewed_at = $3,
                published_at = CASE WHEN $2 = 'published' THEN $3 ELSE published_at END
          WHERE id = $1 RETURNING ${columns}`,
        [id, status, at],
      );
      return rows[0] && toContribution(rows[0]);
    } catch (error) {
      throw storageError(error);
    }
  }

  countsByCall(): Promise<ReadonlyMap<string, number>> {
    const now = Date.now();
    if (!this.counts || now - this.counts.at > 1000) {
      const value = this.pool
        .query<{ call_id: string; n: string }>('SELECT call_id, count(*) AS n FROM contributions GROUP BY call_id')
        .then(({ rows }) => new Map(rows.map((r) => [r.call_id, Number(r.n)])));
      const counts = { at: now, value };
      this.counts = counts;
      // A failed count is not kept for the next request.
      value.catch(() => {
        if (this.counts === counts) this.counts = undefined;
      });
    }
    return this.counts.value;
  }

  async usedBy(uploadId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ contribution_id: string }>(
      'SELECT contribution_id FROM upload_claims WHERE upload_id = $1',
      [uploadId],
    );
    return rows[0]?.contribution_id;
  }

  /** Whether the database answers (for `/readyz`). */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}

function toContribution(row: Row): StoredContribution {
  const contribution: StoredContribution = { ...row.record, status: row.status };
  if (row.published_at) contribution.publishedAt = row.published_at.toISOString();
  return contribution;
}

/** PostgreSQL's disk_full (53100): the record was not kept. */
function storageError(error: unknown): unknown {
  if (error instanceof UploadClaimedError) return error;
  const code = (error as { code?: string }).code;
  return code === '53100' ? new StorageFullError({ cause: error }) : error;
}
