// A web-test-runner plugin that runs the real reference backend as a child process for the
// browser tests, and gives tests commands to reach it: its URL, the requests it saw, its files,
// a stop and a restart, a call closed on demand, and a gateway in front of it with a body-size
// limit and faults switched on and off.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = new URL('../../demo/server/cli.ts', import.meta.url).pathname;
const shippedSeed = new URL('../../demo/server/seed.json', import.meta.url).pathname;

/**
 * One reference backend, with its own data, seed copy, request log and proxy. `publicUrl`: the
 * address it hands out in links (`--public-url`), when a server of the caller's stands in front.
 */
export function backendInstance({ publicUrl: ownPublicUrl = '' } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'oc-browser-tests-'));
  // The tests' own copy of the seed, so that a test can close a call while a visitor answers it.
  const seed = join(dataDir, 'seed.json');
  copyFileSync(shippedSeed, seed);
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  let port = 0;
  let api = '';
  /** @type {string[]} */
  let requests = [];
  let lastLineAt = 0;
  /** @type {import('node:http').Server | undefined} */
  let proxy;
  /** What came to the proxy: method, path, the Authorization header, body size, and its answer. */
  let proxied = [];
  /** `--public-url` while a proxy stands in front: the links the backend hands out lead through it. */
  let publicUrl = ownPublicUrl;
  /** The organiser token (every campaign) this backend takes, as `npm start` makes one. */
  const organiserToken = randomBytes(18).toString('base64url');
  /**
   * What the gateway does besides passing requests on: `bad-gateway` answers everything 502
   * (as nginx does while the server behind it restarts); `gone` answers 410 to the HEAD of the
   * uploads in `goneIds` (a server that has dropped them: the real one keeps them, so that a
   * test can see the client delete the old one).
   */
  let fault = { kind: 'none', goneIds: [] };

  // A request's log line comes through a pipe and can land after the browser has its answer:
  // wait until the log has been quiet for a moment.
  async function quiet() {
    await new Promise((r) => setTimeout(r, 100));
    const deadline = Date.now() + 2000;
    while (Date.now() - lastLineAt < 150 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  }

  async function start() {
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        cli,
        '--port',
        String(port),
        '--data-dir',
        dataDir,
        '--seed',
        seed,
        '--log',
        ...(publicUrl ? ['--public-url', publicUrl] : []),
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, OPEN_CALL_ORGANISER_TOKEN: organiserToken },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const lines = output.split('\n');
      output = lines.pop() ?? '';
      for (const line of lines) {
        // Where it listens, not its public URL: the tests reach it directly, the proxy too.
        const found = /listens\s+(\S+)/.exec(line);
        if (found) api = `${found[1]}/v1`;
        else if (/^[A-Z]+ \//.test(line)) {
          requests.push(line);
          lastLineAt = Date.now();
        }
      }
    });
    // Generous: on a loaded machine, tsx compiling the server takes a while.
    const deadline = Date.now() + 60_000;
    while (!api) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error('the reference backend did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    port = Number(new URL(api).port);
  }

  async function stop() {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    api = '';
  }

  /** A reverse proxy in front of the backend that refuses bodies over `limit` bytes with 413, as nginx would. */
  async function startProxy(limit, cors = true) {
    await stopProxy();
    proxied = [];
    proxy = createServer((req, res) => {
      const seen = {
        method: req.method,
        path: req.url,
        authorization: req.headers.authorization ?? null,
        bytes: Number(req.headers['content-length'] ?? 0),
        received: 0,
        status: 0,
      };
      proxied.push(seen);
      req.on('data', (chunk) => (seen.received += chunk.length));
      res.on('finish', () => (seen.status = res.statusCode));
      const allowed = { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', 'Access-Control-Expose-Headers': '*' };
      // The gateway answers preflights itself (as an edge that handles CORS does), so that
      // its faults reach the page as statuses, not as CORS failures.
      if (fault.kind !== 'none' && req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...allowed,
          'Access-Control-Allow-Methods': 'GET, HEAD, POST, PATCH, DELETE, OPTIONS',
          'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
        });
        res.end();
        return;
      }
      const id = /\/uploads\/([^/?]+)/.exec(req.url ?? '')?.[1];
      if (fault.kind === 'bad-gateway' || (fault.kind === 'gone' && req.method === 'HEAD' && fault.goneIds.includes(id))) {
        const status = fault.kind === 'gone' ? 410 : 502;
        res.writeHead(status, { ...allowed, 'Content-Type': 'text/html', 'Tus-Resumable': '1.0.0', Connection: 'close' });
        res.end(status === 502 ? '<html><body><h1>502 Bad Gateway</h1></body></html>' : '');
        req.resume();
        return;
      }
      if (seen.bytes > limit) {
        // nginx adds CORS headers to its own 413 only when told to (`add_header … always`).
        // It reads the body it refuses before closing (lingering close), so the browser gets the
        // answer instead of a reset connection (which Firefox answers by sending it all again).
        req.resume();
        req.once('end', () => {
          res.writeHead(413, {
            'Content-Type': 'text/html',
            ...(cors ? { 'Access-Control-Allow-Origin': req.headers.origin ?? '*' } : {}),
            Connection: 'close',
          });
          res.end('<html><body><h1>413 Request Entity Too Large</h1></body></html>');
        });
        return;
      }
      const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
    // As an operator would: the backend is told that the proxy is its public address.
    publicUrl = `http://127.0.0.1:${proxy.address().port}`;
    await stop();
    await start();
    return { api: `${publicUrl}/v1` };
  }

  async function stopProxy() {
    fault = { kind: 'none', goneIds: [] };
    if (!proxy) return;
    proxy.closeAllConnections();
    await new Promise((r) => proxy.close(r));
    proxy = undefined;
    publicUrl = ownPublicUrl;
    if (child && child.exitCode === null) {
      await stop();
      await start();
    }
  }

  return {
    start,
    stop,
    startProxy,
    stopProxy,
    get api() {
      return api;
    },
    get proxied() {
      return proxied;
    },
    setFault(kind, goneIds = []) {
      fault = { kind, goneIds };
    },
    dataDir,
    seed,
    organiserToken,
    async requests(peek) {
      await quiet();
      const seen = requests;
      if (!peek) requests = [];
      return seen;
    },
    async dispose() {
      await stop();
      await stopProxy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function referenceBackend() {
  // One backend per browser: a test that kills its backend must not pull it from under the
  // other browser's tests.
  /** @type {Map<string, Promise<ReturnType<typeof backendInstance>>>} */
  const backends = new Map();
  const backendFor = (session) => {
    const name = session.browser.name;
    if (!backends.has(name)) {
      const instance = backendInstance();
      backends.set(
        name,
        instance.start().then(() => instance),
      );
    }
    return backends.get(name);
  };

  return {
    name: 'reference-backend',
    async serverStop() {
      await Promise.all([...backends.values()].map(async (b) => (await b).dispose()));
    },
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('backend') && !command.startsWith('proxy')) return undefined;
      const b = await backendFor(session);
      const { dataDir, seed } = b;
      switch (command) {
        case 'backend':
          return { api: b.api, dataDir, organiserToken: b.organiserToken };
        case 'backend-review': {
          // As an organiser would, through the organiser API: publish or reject a contribution.
          const res = await fetch(`${b.api}/organiser/contributions/${encodeURIComponent(payload.id)}`, {
            method: 'PATCH',
            headers: { Authorization: `Bearer ${b.organiserToken}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ status: payload.status }),
          });
          return { status: res.status, body: await res.json() };
        }
        case 'backend-requests':
          // The request lines seen since the last call (`PATCH /v1/uploads/abc 204 3ms 262144B "…"`).
          return b.requests(payload?.peek);
        case 'backend-upload': {
          // What the tus store holds for an upload id: whether it exists, its size and sha256.
          const file = join(dataDir, 'uploads', String(payload.id).replace(/[^A-Za-z0-9_-]/g, ''));
          // Read, not checked first: a test that waits for a deletion asks while it happens.
          let bytes;
          try {
            bytes = readFileSync(file);
          } catch (error) {
            if (error.code === 'ENOENT') return { exists: false };
            throw error;
          }
          return { exists: true, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
        }
        case 'backend-contributions':
          return existsSync(join(dataDir, 'contributions.jsonl'))
            ? readFileSync(join(dataDir, 'contributions.jsonl'), 'utf8')
                .split('\n')
                .filter(Boolean)
                .map((line) => JSON.parse(line))
                // The log also holds review decisions (`{"review": id, "status": …}`).
                .filter((record) => !('review' in record))
            : [];
        case 'backend-close-call': {
          // As an organiser would: edit the seed; the server picks the change up.
          const calls = JSON.parse(readFileSync(seed, 'utf8'));
          calls.calls.find((c) => c.id === payload.id).status = 'closed';
          writeFileSync(seed, JSON.stringify(calls, null, 2));
          return true;
        }
        case 'backend-stop':
          await b.stop();
          return true;
        case 'backend-start':
          await b.start();
          return { api: b.api, dataDir };
        case 'proxy-start':
          return b.startProxy(payload.limit, payload.cors ?? true);
        case 'proxy-requests':
          return b.proxied;
        case 'proxy-fault':
          b.setFault(payload.kind, payload.goneIds);
          return true;
        case 'proxy-stop':
          await b.stopProxy();
          return true;
        default:
          return undefined;
      }
    },
  };
}
