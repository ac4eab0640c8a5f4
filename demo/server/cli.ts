import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { defaultSeed, startServer } from './app.js';
import type { Limits } from './limits.js';
import { storesFromEnvironment } from './stores/from-env.js';

const usage = `Reference backend for open-call-widgets.

  npm run server -- [--port 8787] [--data-dir .data] [--origins URL,URL|*] [--seed demo/server/seed.json]
                    [--public-url https://calls.example.org]

  --port        port to listen on (0: any free port)          env PORT
  --host        address to listen on (default 127.0.0.1)      env HOST
  --data-dir    where contributions and uploads are kept       env DATA_DIR
  --origins     browser origins allowed to call the API, comma-separated;
                * allows any page (default: localhost pages only)   env ORIGINS
  --seed        the calls file a campaign organiser edits      env SEED
  --public-url  the base URL every link and upload endpoint is built on
                (default http://127.0.0.1:PORT)                env PUBLIC_URL
  --creations-per-minute  uploads plus contributions one client address may
                start per minute (default 120)
  --pending-bytes-per-call  bytes of unfinished uploads one call may hold
                (default 4 GiB)
  --trust-proxy behind a reverse proxy: client addresses (for per-client
                limits) come from X-Forwarded-For
  --log         print one line per request
  --log-json    print one JSON line per request instead, with its X-Request-Id

  Pages for blogs that forbid scripts (README, "On blogs that forbid scripts"): each call's page
  /calls/{id} (OpenGraph, oEmbed discovery), /oembed?url=…, /embed?api=…&call=…|campaign=…,
  /embed.js (the host page's resizer), /cdn/* (dist/cdn, after npm run build:cdn).

  Organiser API (/v1/organiser/…), bearer tokens per campaign:
  --organiser-tokens FILE  JSON { "<token>": ["campaign", …] | "*" }, re-read when it changes
                           env OPEN_CALL_ORGANISER_TOKEN: one token for every campaign

  Scale-out, from the environment (README, "Operating it"): DATABASE_URL (PostgreSQL for
  contributions and locks; migrated at start-up, or with npm run migrate), UPLOAD_STORE=file|s3|azure
  with UPLOAD_BUCKET, AWS_REGION, AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, or
  AZURE_STORAGE_CONNECTION_STRING, UPLOAD_CONTAINER.
`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8787' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    'data-dir': { type: 'string', default: process.env.DATA_DIR ?? '.data' },
    origins: { type: 'string', default: process.env.ORIGINS ?? '' },
    seed: { type: 'string', default: process.env.SEED ?? defaultSeed },
    'public-url': { type: 'string', default: process.env.PUBLIC_URL },
    'creations-per-minute': { type: 'string' },
    'pending-bytes-per-call': { type: 'string' },
    'trust-proxy': { type: 'boolean', default: false },
    log: { type: 'boolean', default: false },
    'log-json': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    // Organiser API
    'organiser-tokens': { type: 'string' },
  },
});
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be a number from 0 to 65535, not "${values.port}".\n\n${usage}`);
  process.exit(2);
}

const publicUrl = values['public-url'];
if (publicUrl !== undefined && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(publicUrl)) {
  process.stderr.write(`--public-url must be an http(s) URL such as https://calls.example.org, not "${publicUrl}".\n\n${usage}`);
  process.exit(2);
}

const limits: Partial<Limits> = {};
for (const [flag, key] of [
  ['creations-per-minute', 'creationsPerMinute'],
  ['pending-bytes-per-call', 'pendingBytesPerCall'],
] as const) {
  const value = values[flag];
  if (value === undefined) continue;
  limits[key] = Number(value);
  if (!Number.isInteger(limits[key]) || limits[key] < 1) {
    process.stderr.write(`--${flag} must be a whole number above 0, not "${value}".\n\n${usage}`);
    process.exit(2);
  }
}

try {
  // Scale-out (issue 19): the stores DATABASE_URL and UPLOAD_STORE choose.
  const scaleOut = await storesFromEnvironment(process.env, { uploadExpiryMs: 24 * 3600 * 1000 });
  const server = await startServer({
    port,
    host: values.host,
    dataDir: resolve(values['data-dir']),
    seed: resolve(values.seed),
    origins: values.origins
      ? values.origins
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean)
      : [],
    publicUrl,
    limits,
    trustProxy: values['trust-proxy'],
    organiserTokensFile: values['organiser-tokens'] && resolve(values['organiser-tokens']),
    organiserToken: process.env.OPEN_CALL_ORGANISER_TOKEN || undefined,
    stores: scaleOut.stores,
    readiness: scaleOut.checks,
    onRequest:
      values.log && !values['log-json']
        ? (r) => process.stdout.write(`${r.method} ${r.path} ${r.status} ${r.ms}ms ${r.bytesIn}B "${r.userAgent}"\n`)
        : undefined,
    requestLog: values['log-json'] ? (line) => process.stdout.write(`${JSON.stringify(line)}\n`) : undefined,
  });
  process.stdout.write(
    `open-call-widgets reference backend\n  API      ${server.api}/calls\n  uploads  ${server.api}/uploads/\n  contract ${server.api}/openapi.yaml\n  data     ${resolve(values['data-dir'])}\n  listens  ${server.listenUrl}\n${scaleOut.describe.map((d) => `  ${d}\n`).join('')}`,
  );
  const tokens = values['organiser-tokens']
    ? `tokens from ${resolve(values['organiser-tokens'])}`
    : process.env.OPEN_CALL_ORGANISER_TOKEN
      ? 'token from OPEN_CALL_ORGANISER_TOKEN'
      : 'closed: no --organiser-tokens or OPEN_CALL_ORGANISER_TOKEN';
  process.stdout.write(`  organiser ${server.api}/organiser/contributions (${tokens})\n`);
  const stop = () =>
    void server
      .close()
      .then(scaleOut.close)
      .then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  process.stderr.write(e.code === 'EADDRINUSE' ? `Port ${port} is in use: pass --port with another one.\n` : `${e.message}\n`);
  process.exit(1);
}
