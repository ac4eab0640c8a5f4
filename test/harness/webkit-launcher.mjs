// Stock WebKitGTK for web-test-runner: its MiniBrowser driven by WebKitWebDriver (W3C WebDriver),
// on an Xvfb display of its own. The launcher starts both on a free display and port when the
// runner starts the browser, and stops them when it stops it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

const miniBrowser = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A TCP port nobody listens on right now. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts Xvfb on the first free display (it picks one and tells it on a pipe). */
async function startXvfb() {
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

async function startDriver(display) {
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
    if (Date.now() > deadline) throw new Error('WebKitWebDriver did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { driver, port };
}

function kill(child) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  return exited;
}

/** WebDriver's code points for the key names the tests press. */
const keyCodes = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Escape: '\uE00C',
  Space: '\uE00D',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
};

class WebKitLauncher extends WebdriverLauncher {
  #xvfb;
  #driver;

  async initialize(config) {
    await super.initialize(config);
    // The backend plugin keeps one backend per browser name, and the summary names it.
    this.name = 'WebKit';
    const { xvfb, display } = await startXvfb();
    this.#xvfb = xvfb;
    const { driver, port } = await startDriver(display);
    this.#driver = driver;
    Object.assign(this.options, { hostname: '127.0.0.1', port, path: '/' });
  }

  /**
   * One key down and up at a time. webdriverio's keys() holds every key down before releasing
   * any, and WebKit then types a held space only once ("a b c" came out as "a bc").
   */
  sendKeys(sessionId, keys) {
    if (!this.driverManager) throw new Error('Not initialized');
    const actions = keys.flatMap((key) => {
      const value = keyCodes[key] ?? key;
      return [
        { type: 'keyDown', value },
        { type: 'keyUp', value },
      ];
    });
    return this.driverManager.performActions(sessionId, [{ type: 'key', id: 'keyboard', actions }]);
  }

  async stop() {
    await super.stop();
    await kill(this.#driver);
    await kill(this.#xvfb);
  }
}

/**
 * `args`: MiniBrowser's command line after `--automation`, e.g. WebKitSettings
 * (`--enable-mock-capture-devices=true`).
 */
export function webkitLauncher({ args = [] } = {}) {
  return new WebKitLauncher({
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      // Plain W3C WebDriver: WebKitWebDriver has no BiDi for webdriverio to use.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation', ...args] },
    },
  });
}
