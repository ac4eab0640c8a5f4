// Stock WebKitGTK under W3C WebDriver, for whatever drives it: web-test-runner's launcher
// (webkit-launcher.mjs) and the CDN bundle's WebKit check (test/cdn/webkit.ts). Xvfb on a free
// display, WebKitWebDriver on a free port, and the capabilities that make it start MiniBrowser.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const miniBrowser = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A TCP port nobody listens on right now. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts Xvfb on the first free display (it picks one and tells it on a pipe). */
export async function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise((resolve, reject) => {
    let said = '';
    xvfb.stdio[3].on('data', (chunk) => {
      said += chunk.toString();
      if (said.includes('\n')) resolve(`:${said.trim()}`);
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it had a display`)));
  });
  return { xvfb, display };
}

/** Starts WebKitWebDriver for `display` on a free port; resolves once it answers /status. */
export async function startDriver(display) {
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
    // Under LANG=C or C.UTF-8 (as here and in CI), WebKitGTK's navigator.language is "C".
    env: { ...process.env, LANG: 'en_US.UTF-8', DISPLAY: display },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Ready once it accepts connections.
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
    const up = await fetch(`http://127.0.0.1:${port}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      driver.kill('SIGTERM');
      throw new Error('WebKitWebDriver did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { driver, port };
}

/** Stops a child process and waits for it to exit (at once if it already has). */
export function kill(child) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  return exited;
}

/**
 * What a new session asks for: MiniBrowser, started with `--automation` and then `args` (its
 * command line, e.g. WebKitSettings such as `--enable-mock-capture-devices=true`).
 */
export function miniBrowserCapabilities(args = []) {
  return {
    browserName: 'MiniBrowser',
    // Plain W3C WebDriver: WebKitWebDriver has no BiDi for webdriverio to use.
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation', ...args] },
  };
}
