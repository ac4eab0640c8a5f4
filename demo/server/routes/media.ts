import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps.js';
import { checkPreview } from '../auth.js';
import { mediaPath } from '../contribution-views.js';
import { serveMedia } from '../media.js';
import { Problem } from '../problem.js';

/**
 * Files of contributions, `/v1/media/{contributionId}/{n}`: a published contribution's files
 * for anyone, any other contribution's only through a preview link an organiser's listing
 * signed. Everything else, an unknown contribution included, is the same 404.
 */
export function mediaRoutes(deps: AppDeps): Hono<AppEnv> {
  const { contributions, uploads, organiserTokens } = deps;
  const routes = new Hono<AppEnv>();

  routes.get('/:id/:n{[0-9]{1,3}}', async (c) => {
    const id = c.req.param('id');
    const n = Number(c.req.param('n'));
    const notFound = new Problem(404, 'media-not-found', 'There is no such file.', 'No published contribution has this file.');
    const record = await contributions.get(id);
    const upload = record?.uploads[n];
    if (!record || !upload) throw notFound;
    const preview =
      record.status !== 'published' &&
      checkPreview(organiserTokens.previewKey(), mediaPath(id, n), c.req.query('expires'), c.req.query('signature'));
    if (record.status !== 'published' && !preview) throw notFound;
    const response = await serveMedia(c.req.raw, {
      size: upload.size,
      filetype: upload.filetype,
      downloadName: `${id}-${n}`,
      version: `${upload.uploadId}:${upload.size}`,
      modified: new Date(record.receivedAt),
      open: (range) => uploads.read(upload.uploadId, range),
    });
    // A file in review must not sit in a shared cache once the link is gone.
    if (preview) response.headers.set('Cache-Control', 'private, max-age=600');
    return response;
  });

  return routes;
}
