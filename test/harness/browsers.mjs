// How every script here starts the system's browsers: web-test-runner's launchers and the
// scripts outside it (the CDN checks, the benchmarks, the soak) share these, so that one
// browser flag or preference is set in one place.

export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Chromium's flags: as root it needs --no-sandbox; the others keep it off a network this
 * machine does not have, and off the GPU and /dev/shm it does not have either.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A fake camera and microphone, allowed without asking. */
export const chromiumFakeMedia = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

/** Firefox ESR through puppeteer's WebDriver BiDi, with a fake camera and microphone allowed without asking. */
export const firefoxOptions = {
  browser: 'firefox',
  executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
  headless: true,
  extraPrefsFirefox: {
    'media.navigator.streams.fake': true,
    'media.navigator.permission.disabled': true,
  },
};
