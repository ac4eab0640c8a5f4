// `npm start`: the reference backend and the demo pages together, one URL to open, Ctrl-C stops both.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { startServer } from './server/app.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.DEMO_PORT ?? '5173' },
    'api-port': { type: 'string', default: process.env.PORT ?? '8787' },
    'data-dir': { type: 'string', default: process.env.DATA_DIR ?? '.data' },
    'organiser-tokens': { type: 'string' },
  },
});

// The organiser API needs a token; without one given, this run makes one for every campaign,
// prints it, and hands it to the demo's organiser page.
const tokensFile = values['organiser-tokens'] && resolve(values['organiser-tokens']);
const madeToken = !process.env.OPEN_CALL_ORGANISER_TOKEN && !tokensFile;
const organiserToken = madeToken ? randomBytes(24).toString('base64url') : process.env.OPEN_CALL_ORGANISER_TOKEN || undefined;

const root = resolve(import.meta.dirname, '..');
// The embed page runs the built bundle where there is one (npm run build:cdn), else the library's
// source from the dev server below.
const built = existsSync(resolve(root, 'dist/cdn/open-call.js'));
let backend;
try {
  backend = await startServer({
    port: Number(values['api-port']),
    embedScript: built ? undefined : `http://127.0.0.1:${values.port}/src/cdn.ts`,
    dataDir: resolve(root, values['data-dir']),
    organiserTokensFile: tokensFile,
    organiserToken,
  });
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  console.error(e.code === 'EADDRINUSE' ? `Port ${values['api-port']} is in use: npm start -- --api-port 8788` : e.message);
  process.exit(1);
}

// The pages name the backend as a blogger's snippet would: an absolute URL on another origin.
process.env.VITE_OC_API = backend.api;
process.env.VITE_OC_BASE = backend.url;
if (organiserToken) process.env.VITE_OC_ORGANISER_TOKEN = organiserToken;
const vite = await createServer({
  configFile: resolve(root, 'vite.config.ts'),
  // The repository root is served so that the pages can load the library's source (/src/…).
  root,
  server: { port: Number(values.port), strictPort: true, host: '127.0.0.1' },
  plugins: [
    {
      name: 'demo-home',
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          if (req.url !== '/') return next();
          res.writeHead(302, { Location: '/demo/' }).end();
        });
      },
    },
  ],
  logLevel: 'warn',
});
try {
  await vite.listen();
} catch (error) {
  console.error(`Port ${values.port} is in use: npm start -- --port 5174 (${(error as Error).message})`);
  await backend.close();
  process.exit(1);
}

const page = `${vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${values.port}/`}demo/`;
console.log(
  `\n  open-call-widgets demo:  ${page}\n\n  (API ${backend.api}/calls, contributions and uploads in ${values['data-dir']}/; Ctrl-C stops)\n` +
    `  a call's page, for links and cards: ${backend.url}/calls/astronaut-one-liner (its embed: ${backend.url}/embed?api=…)\n`,
);
console.log(
  madeToken
    ? `  organiser token: ${organiserToken}\n  (curl -H "Authorization: Bearer ${organiserToken}" ${backend.api}/organiser/contributions)\n`
    : `  organiser tokens: ${tokensFile ?? 'from OPEN_CALL_ORGANISER_TOKEN'}${tokensFile && organiserToken ? ' and OPEN_CALL_ORGANISER_TOKEN' : ''}\n`,
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([vite.close(), backend.close()]);
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
