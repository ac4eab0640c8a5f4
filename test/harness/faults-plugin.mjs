// Faults that a real server gives only when something is wrong, on demand, for the browser
// tests: a backend's bad answers at `/faults/{fault}/v1/calls[/id]`, and the library's own code
// missing at `/without/{modules}/src/…`. Everything else is tested against the real backend.

/** A valid call, to be spoiled one field at a time. */
export function validCall(id, fields = {}) {
  return {
    id,
    title: `Call ${id}`,
    summary: 'A valid call.',
    description: 'Plain *words*.',
    status: 'open',
    closesAt: '2030-01-01T00:00:00Z',
    languages: ['en'],
    accepts: [{ kind: 'text', maxLength: 100 }],
    contributionCount: 3,
    terms: { url: 'http://127.0.0.1:9/terms', version: '1' },
    upload: { endpoint: 'http://127.0.0.1:9/uploads/' },
    ...fields,
  };
}

const attack = (field) =>
  `${field}<script>window.__xss=1</script><img src=x onerror="window.__xss=1"><a href="javascript:window.__xss=1">x</a><b onmouseover=alert(1)>b</b>`;

/** A call with markup in every text field the contract allows text in. */
export function hostileCall(id) {
  return validCall(id, {
    title: attack('title'),
    summary: attack('summary'),
    description: `${attack('description')}\n\n- [click me](javascript:window.__xss=1)\n- [data](data:text/html,<script>window.__xss=1</script>)\n- **${attack('strong')}**`,
    campaign: attack('campaign'),
    project: { title: attack('project'), url: 'http://127.0.0.1:9/"><img src=x onerror=window.__xss=1>' },
    cover: { url: 'http://127.0.0.1:9/cover.png?"><script>window.__xss=1</script>', alt: attack('alt'), width: 400, height: 200 },
    accepts: [{ kind: 'audio', types: [attack('type')], maxBytes: 1000, maxSeconds: 10 }],
    // The contract caps a terms version at 100 characters: a short attack.
    terms: { url: 'http://127.0.0.1:9/terms', version: '<i>v</i>', license: attack('license') },
  });
}

const json = (body, status = 200, type = 'application/json') => ({ body: JSON.stringify(body), type, status });

const faults = {
  slow: async () => {
    await new Promise((r) => setTimeout(r, 4000));
    return json({ items: [validCall('late')], next: null });
  },
  html: () => ({
    body: '<!doctype html><title>Site maintenance</title><h1>We will be right back</h1>',
    type: 'text/html',
    status: 200,
  }),
  problem: () =>
    json(
      {
        type: 'urn:example:db-down',
        title: 'The calls database is down',
        status: 500,
        detail: 'The calls database did not answer.',
      },
      500,
      'application/problem+json',
    ),
  // A contribution refused for one field, as a real backend words it.
  refused: () =>
    json(
      {
        type: 'urn:example:credit-taken',
        title: 'Credit name taken',
        status: 422,
        detail: 'This credit name is taken: choose another.',
        field: 'creditName',
      },
      422,
      'application/problem+json',
    ),
  malformed: () => json({ items: [validCall('fine'), validCall('broken', { closesAt: 'soon' })], next: null }),
  'bad-url': () =>
    json({
      items: [validCall('bad', { cover: { url: 'javascript:window.__xss=1', alt: '', width: 1, height: 1 } })],
      next: null,
    }),
  xss: (path) =>
    path.includes('/calls/')
      ? json(hostileCall('hostile-1'))
      : json({ items: [hostileCall('hostile-1'), hostileCall('"><img src=x onerror=window.__xss=1>')], next: null }),
};

/** A Koa middleware for the test server (a `serve` plugin cannot set the status). */
export function faultyBackends() {
  return async (context, next) => {
    const match = /^\/faults\/([a-z-]+)\/v1\/calls/.exec(context.path);
    if (!match || !faults[match[1]]) return next();
    const { body, type, status } = await faults[match[1]](context.path);
    context.status = status;
    context.type = type;
    context.body = body;
  };
}

/**
 * `/without/{modules}/src/…` serves the library's source with the modules named missing: a
 * 404, as from a CDN that has lost a file, or for a visitor who went offline after the page
 * loaded. `{modules}` is a URL-encoded, comma-separated list of source paths without extension
 * (`answer-region`, `contribution-recorder/define`: the end of the path) and of packages
 * (`tus-js-client`). A test that imports the library from such a path gets a real failed fetch
 * for that code, on its own page only; every other page uses `/src/` as it is.
 */
export function missingCode() {
  return async (context, next) => {
    const match = /^\/without\/([^/]+)(\/src\/.+)$/.exec(context.path);
    if (!match) return next();
    const [, list, path] = match;
    await serveWithout(context, next, path, decodeURIComponent(list).split(','));
  };
}

/** Serves `path` (under /src/) as it is, except the modules named in `missing`, which get a 404. */
async function serveWithout(context, next, path, missing) {
  const module = path.replace(/\.[jt]s$/, '');
  if (missing.some((name) => module.endsWith(`/${name}`))) {
    context.status = 404;
    return;
  }
  context.url = context.querystring ? `${path}?${context.querystring}` : path;
  await next();
  // Packages come from where every other page gets them (one Lit on the page, not two), or
  // from nowhere when named.
  if (typeof context.body === 'string')
    context.body = context.body.replace(
      /(["'])(?:\.\/)?(?:\.\.\/)+node_modules\/((?:@[\w-]+\/)?[\w.-]+)/g,
      (_, quote, pkg) => `${quote}${missing.includes(pkg) ? '/missing' : ''}/node_modules/${pkg}`,
    );
}

/** The modules held back on each `/held/{page}/` page, as its test last named them, and the requests waiting for them. */
const holds = new Map();
const holdOf = (page) => {
  if (!holds.has(page)) holds.set(page, { modules: [], waiting: [] });
  return holds.get(page);
};

/**
 * `/held/{page}/src/…` serves the library's source like `/without/`, except that the modules the
 * page's test named last (`POST /held/{page}?modules=a,b`, the names of `/without/`) wait until
 * it names others (a slow network, for as long as the test needs to look at what waits for them).
 */
export function heldCode() {
  return async (context, next) => {
    const control = /^\/held\/([\w-]+)$/.exec(context.path);
    if (control && context.method === 'POST') {
      const hold = holdOf(control[1]);
      hold.modules = context.query.modules ? String(context.query.modules).split(',') : [];
      for (const release of hold.waiting.splice(0)) release();
      context.status = 204;
      return;
    }
    const match = /^\/held\/([\w-]+)(\/src\/.+)$/.exec(context.path);
    if (!match) return next();
    const [, page, path] = match;
    const hold = holdOf(page);
    const module = path.replace(/\.[jt]s$/, '');
    while (hold.modules.some((name) => module.endsWith(`/${name}`))) await new Promise((release) => hold.waiting.push(release));
    await serveWithout(context, next, path, []);
  };
}
