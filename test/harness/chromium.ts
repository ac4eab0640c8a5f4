// The system's Chromium for scripts outside web-test-runner (the benchmark, the CDN check).
import puppeteer, { type Browser } from 'puppeteer-core';

/** With `fakeMedia: false`, a machine with no camera or microphone at all. */
export function launchChromium({ fakeMedia = true } = {}): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    // As root it needs --no-sandbox; the others keep it off a network this machine does not have.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-quic',
      // Fake camera and microphone, allowed without asking.
      ...(fakeMedia ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] : []),
    ],
  });
}
