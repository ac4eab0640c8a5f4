import { createHash, randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import type { AppDeps, AppEnv } from '../deps.js';
import { checkContribution } from '../check-contribution.js';
import { Problem } from '../problem.js';
import { StorageFullError, UploadClaimedError } from '../stores/contributions.js';
import { limitCreations } from '../limits.js';

export const maxContributionBytes = 64 * 1024;

/** The public calls and the route that takes contributions: `/calls…` under the API base. */
export function callRoutes(deps: AppDeps): Hono<AppEnv> {
  const { catalogue, contributions, uploads, publicUrl } = deps;
  const routes = new Hono<AppEnv>();
  const counts = async () => {
    const byCall = await contributions.countsByCall();
    return (id: string) => byCall.get(id) ?? 0;
  };

  routes.get('/calls', revalidated(), async (c) => {
    const { items, next } = catalogue.list(
      {
        status: c.req.query('status'),
        campaign: c.req.query('campaign'),
        kind: c.req.query('kind'),
        lang: c.req.query('lang'),
        limit: c.req.query('limit'),
        cursor: c.req.query('cursor'),
      },
      publicUrl,
      await counts(),
    );
    return cached(c, { items, next });
  });

  routes.get('/calls/:id', revalidated(), async (c) => {
    const id = c.req.param('id');
    const call = catalogue.find(id, publicUrl, await counts());
    if (!call) throw new Problem(404, 'call-not-found', 'There is no such call.', `No call has the id "${id}".`);
    return cached(c, call);
  });

  routes.post(
    '/calls/:id/contributions',
    limitCreations(deps.creations, deps.trustProxy),
    bodyLimit({ maxSize: maxContributionBytes, onError: () => Promise.reject(tooLarge()) }),
    async (c) => {
      const callId = c.req.param('id');
      const call = catalogue.find(callId, publicUrl, await counts());
      if (!call) throw new Problem(404, 'call-not-found', 'There is no such call.', `No call has the id "${callId}".`);
      if (call.status !== 'open')
        throw new Problem(
          409,
          'call-not-open',
          'This call is not open.',
          `"${call.title}" is ${call.status}: it takes no contributions now.`,
        );
      const checked = await checkContribution(await readJson(c), call, {
        publicUrl,
        uploads,
        usedBy: (id) => contributions.usedBy(id),
        isPublished: async (id) => (await contributions.get(id))?.status === 'published',
      });
      const deleting = checked.uploads.find((u) => deps.uploadsBeingDeleted.has(u.uploadId));
      if (deleting) throw Problem.invalid('uploads', `${deleting.url} is being deleted by its owner.`, 'upload-unknown');
      try {
        const stored = await contributions.add({
          ...checked,
          id: randomUUID(),
          callId: call.id,
          receivedAt: new Date().toISOString(),
        });
        return c.json({ id: stored.id, status: stored.status }, 201);
      } catch (error) {
        if (error instanceof UploadClaimedError)
          throw new Problem(
            409,
            'upload-already-used',
            'An upload was already sent.',
            `${publicUrl}/v1/uploads/${error.uploadId} belongs to contribution ${error.contributionId}.`,
            'uploads',
          );
        if (error instanceof StorageFullError)
          throw new Problem(507, 'storage-full', 'The server has no room.', 'The server could not keep this; try again later.');
        throw error;
      }
    },
  );

  return routes;
}

/**
 * ETag revalidation whose 304 keeps the CORS headers: a browser revalidates one cached answer for
 * every origin (Vary: Origin), so a 304 without them fails the fetch of a page on another origin
 * than the one that cached it (the embed page first, then a blog).
 */
export const revalidated = () =>
  etag({ retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'access-control-expose-headers', 'vary'] });

/**
 * GET answers carry a strong ETag and a short max-age, so that a page with many widgets, or a
 * CDN, can reuse an answer; revalidation is cheap after that. The tag is computed here, from the
 * text in hand, rather than by the etag middleware (which hashes a copy of the body stream); the
 * middleware answers a matching If-None-Match with 304.
 */
export function cached(c: Context<AppEnv>, body: unknown): Response {
  const text = JSON.stringify(body);
  c.header('ETag', `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`);
  c.header('Cache-Control', 'public, max-age=30, stale-while-revalidate=60');
  c.header('Content-Type', 'application/json; charset=utf-8');
  return c.body(text);
}

export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type))
    throw new Problem(
      415,
      'unsupported-media-type',
      'The body must be JSON.',
      `Content-Type is "${type}"; send application/json.`,
    );
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Problem(400, 'malformed-json', 'The body is not valid JSON.', 'The request body could not be read as JSON.');
  }
}

const tooLarge = () =>
  new Problem(
    413,
    'body-too-large',
    'The body is too large.',
    `A contribution's JSON may be at most ${maxContributionBytes / 1024} KB; files go to the upload endpoint.`,
  );
