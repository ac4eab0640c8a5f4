import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Call } from '../../../src/api/types.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { assertCovers, bearerChallenge, checkPreview, covers, signPreview, type OrganiserAccess } from '../auth.js';
import { ImageSizes, organiserView } from '../contribution-views.js';
import { exportZip, type ExportedContribution } from '../export-zip.js';
import { Problem } from '../problem.js';
import { reviewStatuses, StorageFullError, type ReviewStatus, type StoredContribution } from '../stores/contributions.js';
import { readJson } from './calls.js';
import { pageLimit, storePage } from './paging.js';

/**
 * The organiser API, `/v1/organiser/…`: every route needs `Authorization: Bearer <token>`
 * (401 without or with an unknown one) for the call's campaign (403 otherwise). Answers hold
 * emails, so no cache keeps them.
 */
/** The path of a call's export, as its signed link names it. */
const exportPath = (callId: string) => `/v1/organiser/calls/${encodeURIComponent(callId)}/export`;

export function organiserRoutes(deps: AppDeps, sizes = new ImageSizes(deps.uploads)): Hono<AppEnv> {
  const { catalogue, contributions, uploads, publicUrl, organiserTokens } = deps;
  const routes = new Hono<AppEnv>();
  const callOf = (id: string): Call | undefined => catalogue.find(id, publicUrl, () => 0);
  const view = (record: StoredContribution) =>
    organiserView(record, callOf(record.callId), publicUrl, sizes, organiserTokens.previewKey());

  routes.use(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    if (c.res.status === 401) c.header('WWW-Authenticate', bearerChallenge);
  });

  /** The call, once the token is known to cover its campaign. */
  const coveredCall = (access: OrganiserAccess, callId: string): Call => {
    const call = callOf(callId);
    if (!call) throw new Problem(404, 'call-not-found', 'There is no such call.', `No call has the id "${callId}".`);
    assertCovers(access, call.campaign);
    return call;
  };

  routes.get('/contributions', async (c) => {
    const access = organiserTokens.accessFor(c.req.header('authorization'));
    const call = c.req.query('call');
    const campaign = c.req.query('campaign');
    const status = c.req.query('status');
    if (status !== undefined && !(reviewStatuses as readonly string[]).includes(status))
      throw Problem.badRequest('status', `status must be one of ${reviewStatuses.join(', ')}.`);
    const limit = pageLimit(c.req.query('limit'), 20, 100);
    if (call !== undefined) coveredCall(access, call);
    if (campaign !== undefined) assertCovers(access, campaign);
    const callIds = callsFor(access, call, campaign);
    const page = await storePage(() =>
      contributions.list({ callIds, status: status as ReviewStatus | undefined, limit, cursor: c.req.query('cursor') }),
    );
    const items = await Promise.all(page.items.map(view));
    const key = organiserTokens.previewKey();
    // A call's export as a link that works without the token for a while, for an <a download>:
    // a page cannot send a header with a plain link, and a large export should not pass through
    // the page's memory. The zip holds only what is public anyway: published files and credits.
    if (call === undefined || !key) return c.json({ items, next: page.next });
    const path = exportPath(call);
    return c.json({ items, next: page.next, export: `${publicUrl}${path}?${signPreview(key, path)}` });
  });

  /** The calls a listing may show: those asked for, within the token's campaigns. */
  const callsFor = (access: OrganiserAccess, call?: string, campaign?: string): string[] | undefined => {
    if (call !== undefined) return campaign === undefined || callOf(call)?.campaign === campaign ? [call] : [];
    if (campaign !== undefined)
      return catalogue
        .campaigns()
        .filter((k) => k.campaign === campaign)
        .map((k) => k.id);
    // A * token sees every contribution, those of calls since taken out of the seed too.
    if (access.everyCampaign) return undefined;
    return catalogue
      .campaigns()
      .filter((k) => covers(access, k.campaign))
      .map((k) => k.id);
  };

  routes.patch(
    '/contributions/:id',
    bodyLimit({ maxSize: 4096, onError: () => Promise.reject(new Problem(413, 'body-too-large', 'The body is too large.')) }),
    async (c) => {
      const access = organiserTokens.accessFor(c.req.header('authorization'));
      const id = c.req.param('id');
      const record = await contributions.get(id);
      if (!record)
        throw new Problem(404, 'contribution-not-found', 'There is no such contribution.', `No contribution has the id "${id}".`);
      assertCovers(access, callOf(record.callId)?.campaign);
      const body = await readJson(c);
      const status = (body as { status?: unknown } | null)?.status;
      if (status !== 'published' && status !== 'rejected')
        throw Problem.invalid('status', 'status must be "published" or "rejected".', 'invalid-status');
      if (record.status === status) return c.json(await view(record));
      try {
        const updated = await contributions.setStatus(id, status);
        if (!updated) throw new Problem(404, 'contribution-not-found', 'There is no such contribution.');
        return c.json(await view(updated));
      } catch (error) {
        if (error instanceof StorageFullError)
          throw new Problem(507, 'storage-full', 'The server has no room.', 'The decision was not kept; try again later.');
        throw error;
      }
    },
  );

  routes.get('/calls/:id/export', async (c) => {
    const id = c.req.param('id');
    const signed =
      c.req.header('authorization') === undefined &&
      checkPreview(organiserTokens.previewKey(), exportPath(id), c.req.query('expires'), c.req.query('signature'));
    const call = signed ? callOf(id) : coveredCall(organiserTokens.accessFor(c.req.header('authorization')), id);
    if (!call) throw new Problem(404, 'call-not-found', 'There is no such call.', `No call has the id "${id}".`);
    const published: StoredContribution[] = [];
    let cursor: string | undefined;
    do {
      const page = await contributions.list({ callIds: [call.id], status: 'published', limit: 100, cursor });
      published.push(...page.items);
      cursor = page.next ?? undefined;
    } while (cursor);
    // Oldest first: the order they came in, as an editor would lay them out.
    published.reverse();
    const entries: ExportedContribution[] = await Promise.all(published.map((record) => exported(record, call)));
    const zip = exportZip(entries);
    return new Response(Readable.toWeb(zip.stream) as ReadableStream<Uint8Array>, {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Length': String(zip.size),
        // A header value must be Latin-1: the call's id is cut down to plain characters.
        'Content-Disposition': `attachment; filename="${call.id.replace(/[^A-Za-z0-9._-]+/g, '_')}-published.zip"`,
      },
    });
  });

  /** A published record with its files, each checked to be in the store before the first byte goes out. */
  const exported = async (record: StoredContribution, call: Call): Promise<ExportedContribution> => {
    const files = await Promise.all(
      record.uploads.map(async (upload) => {
        const stored = await uploads.get(upload.uploadId);
        if (!stored || stored.offset !== upload.size)
          throw new Problem(
            500,
            'export-file-missing',
            'A published file is missing.',
            `Contribution ${record.id} names a file the upload store no longer has in full.`,
          );
        return { filetype: upload.filetype, size: upload.size, open: () => uploads.read(upload.uploadId) };
      }),
    );
    const entry: ExportedContribution = { id: record.id, kind: record.kind, creditName: record.creditName, files };
    if (record.title !== undefined) entry.title = record.title;
    if (record.text !== undefined) entry.text = record.text;
    if (record.language !== undefined) entry.language = record.language;
    if (call.terms.license) entry.license = call.terms.license;
    if (record.basedOn?.length) entry.basedOn = record.basedOn;
    if (record.publishedAt) entry.publishedAt = record.publishedAt;
    return entry;
  };

  return routes;
}
