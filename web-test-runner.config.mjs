import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { referenceBackend } from './test/harness/backend-plugin.mjs';
import { faultyBackends, missingCode, heldCode } from './test/harness/faults-plugin.mjs';
import { webkitLauncher } from './test/harness/webkit-launcher.mjs';
import { chromiumArgs, chromiumFakeMedia, chromiumPath, firefoxOptions } from './test/harness/browsers.mjs';

// tus-js-client's browser build imports CommonJS url-parse.
const commonjs = fromRollup(rollupCommonjs);

const chromium = chromeLauncher({
  launchOptions: {
    executablePath: chromiumPath,
    headless: true,
    args: [
      ...chromiumArgs,
      // Test pages run side by side; a background tab must not have its timers throttled.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      ...chromiumFakeMedia,
    ],
  },
});

// Stock Firefox ESR over WebDriver BiDi (Playwright's launcher cannot drive it).
const firefox = puppeteerLauncher({ launchOptions: firefoxOptions });

// Stock WebKitGTK (Safari's engine) over WebDriver, on an Xvfb display of its own.
const webkit = webkitLauncher({
  args: ['--enable-media-stream=true', '--enable-mock-capture-devices=true'],
});

// React ships CommonJS only, which the test server's per-file CommonJS conversion cannot share
// between react and react-dom. The tests get one ESM bundle of the three entry points instead.
const reactModules = { react: 'React', 'react-dom': 'ReactDOM', 'react-dom/client': 'ReactDOMClient' };
let reactBundle;
const reactForTests = {
  name: 'react-for-tests',
  resolveImport({ source }) {
    if (source in reactModules) return `/__react/${reactModules[source]}.js`;
  },
  async serve(context) {
    if (!context.path.startsWith('/__react/')) return undefined;
    const name = context.path.slice('/__react/'.length, -'.js'.length);
    if (name === 'bundle') {
      reactBundle ??= build({
        stdin: {
          contents: `export { default as React } from 'react'; export { default as ReactDOM } from 'react-dom'; export { default as ReactDOMClient } from 'react-dom/client';`,
          resolveDir: process.cwd(),
        },
        bundle: true,
        format: 'esm',
        write: false,
        define: { 'process.env.NODE_ENV': '"development"' },
      }).then((result) => result.outputFiles[0].text);
      return { body: await reactBundle, type: 'js' };
    }
    if (Object.values(reactModules).includes(name))
      return { body: `import { ${name} } from './bundle.js'; export default ${name};`, type: 'js' };
  },
};

const only = process.env.BROWSERS?.split(',');

export default {
  files: ['test/**/*.test.ts', '!test/server/**', '!test/bench/**', '!test/scale/**'],
  nodeResolve: { browser: true },
  // One page at a time per browser: keyboard and focus tests need the page that has focus,
  // and two tabs of one window take it from each other. The two browsers still run side by side.
  concurrency: 1,
  concurrentBrowsers: 2,
  browsers: [
    ['chromium', chromium],
    ['firefox', firefox],
    ['webkit', webkit],
  ]
    .filter(([name]) => !only || only.includes(name))
    .map(([, launcher]) => launcher),
  // Lit announces its dev build on every page; the tests want that build, not the notice.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  // GREP='pages through' npm run test:browser runs only the tests whose names match
  // (web-test-runner counts the others as failed in its summary).
  testFramework: { config: { timeout: 20_000, ...(process.env.GREP ? { grep: process.env.GREP } : {}) } },
  testsFinishTimeout: 10 * 60_000,
  middleware: [faultyBackends(), missingCode(), heldCode()],
  plugins: [
    reactForTests,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    commonjs({
      strictRequires: false,
      include: ['**/node_modules/**/*.js'],
      exclude: ['**/node_modules/lit*/**', '**/node_modules/@lit/**'],
    }),
    referenceBackend(),
  ],
};
