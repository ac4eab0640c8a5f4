import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps.js';
import { ImageSizes, publishedView } from '../contribution-views.js';
import { cached, revalidated } from './calls.js';
import { pageLimit, storePage } from './paging.js';

/**
 * Published contributions, `GET /v1/contributions?call=&campaign=&limit=&cursor=`: newest
 * first, cached like the calls. Only what `publishedView` lists ever leaves the server.
 */
export function publicContributionRoutes(deps: AppDeps, sizes = new ImageSizes(deps.uploads)): Hono<AppEnv> {
  const { catalogue, contributions, publicUrl } = deps;
  const routes = new Hono<AppEnv>();

  routes.get('/', revalidated(), async (c) => {
    const call = c.req.query('call');
    const campaign = c.req.query('campaign');
    const limit = pageLimit(c.req.query('limit'), 12, 50);
    let callIds: string[] | undefined = call === undefined ? undefined : [call];
    if (campaign !== undefined) {
      const inCampaign = catalogue
        .campaigns()
        .filter((k) => k.campaign === campaign)
        .map((k) => k.id);
      callIds = callIds ? callIds.filter((id) => inCampaign.includes(id)) : inCampaign;
    }
    const page = await storePage(() =>
      contributions.list({ callIds, status: 'published', limit, cursor: c.req.query('cursor') }),
    );
    const items = await Promise.all(
      page.items.map((record) =>
        publishedView(
          record,
          catalogue.find(record.callId, publicUrl, () => 0),
          publicUrl,
          sizes,
        ),
      ),
    );
    return cached(c, { items, next: page.next });
  });

  return routes;
}
