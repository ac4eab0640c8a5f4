// A web-test-runner plugin that runs the real reference backend as a child process for the
// browser tests, and gives tests commands to reach it: its URL, the requests it saw, a restart.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = new URL('../../demo/server/cli.ts', import.meta.url).pathname;

export function referenceBackend() {
  const dataDir = mkdtempSync(join(tmpdir(), 'oc-browser-tests-'));
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  let port = 0;
  let api = '';
  /** @type {string[]} */
  let requests = [];
  let lastLineAt = 0;

  // A request's log line comes through a pipe and can land after the browser has its answer:
  // wait until the log has been quiet for a moment.
  async function quiet() {
    await new Promise((r) => setTimeout(r, 100));
    const deadline = Date.now() + 2000;
    while (Date.now() - lastLineAt < 150 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  }

  async function start() {
    child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', String(port), '--data-dir', dataDir, '--log'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const lines = output.split('\n');
      output = lines.pop() ?? '';
      for (const line of lines) {
        const found = /API\s+(\S+)\/calls/.exec(line);
        if (found) api = found[1];
        else if (/^[A-Z]+ \//.test(line)) {
          requests.push(line);
          lastLineAt = Date.now();
        }
      }
    });
    const deadline = Date.now() + 20_000;
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

  return {
    name: 'reference-backend',
    async serverStart() {
      await start();
    },
    async serverStop() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async executeCommand({ command, payload, session }) {
      // Chromium and Firefox share this backend: each test sees only its own browser's requests.
      const mine = (line) => line.includes(session.browser.name === 'Firefox' ? 'Firefox/' : 'Chrome/');
      switch (command) {
        case 'backend':
          return { api, dataDir };
        case 'backend-requests': {
          await quiet();
          // The request lines seen since the last call (`GET /v1/calls?... 200 3ms`).
          const seen = requests.filter(mine);
          if (!payload?.peek) requests = requests.filter((line) => !mine(line));
          return seen;
        }
        case 'backend-stop':
          await stop();
          return true;
        case 'backend-start':
          await start();
          return { api, dataDir };
        default:
          return undefined;
      }
    },
  };
}
