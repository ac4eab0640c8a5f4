// The system's Chromium for scripts outside web-test-runner (the benchmark, the CDN check).
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumArgs, chromiumFakeMedia, chromiumPath } from './browsers.mjs';

/** With `fakeMedia: false`, a machine with no camera or microphone at all. */
export function launchChromium({ fakeMedia = true } = {}): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, ...(fakeMedia ? chromiumFakeMedia : [])],
  });
}
