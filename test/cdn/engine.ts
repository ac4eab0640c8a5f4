// The engine a CDN check runs in: Chromium, or Firefox ESR with `--engine firefox` (`npm run
// test:cdn` runs the checks in both). WebKitGTK has no puppeteer driver here: webkit.ts checks
// the built bundle in WebKit through W3C WebDriver instead.
import { parseArgs } from 'node:util';
import { launchChromium } from '../harness/chromium.js';
import { launchFirefox } from '../harness/firefox.js';

const { values } = parseArgs({ options: { engine: { type: 'string', default: 'chromium' } } });
if (values.engine !== 'chromium' && values.engine !== 'firefox')
  throw new Error(`--engine ${values.engine}: chromium or firefox`);

/** The engine's name, for what the check prints. */
export const engine = values.engine === 'firefox' ? 'Firefox' : 'Chromium';

export const launchBrowser = () => (engine === 'Firefox' ? launchFirefox() : launchChromium());
