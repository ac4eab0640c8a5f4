// Stock WebKitGTK for web-test-runner: its MiniBrowser driven by WebKitWebDriver (W3C WebDriver),
// on an Xvfb display of its own (started by webkit-driver.mjs, which test/cdn/webkit.ts uses too).
// The launcher starts both on a free display and port when the runner starts the browser, and
// stops them when it stops it.
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { kill, miniBrowserCapabilities, startDriver, startXvfb } from './webkit-driver.mjs';

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
    capabilities: miniBrowserCapabilities(args),
  });
}
