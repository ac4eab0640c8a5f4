// The system's Firefox ESR for scripts outside web-test-runner (the CDN checks), through
// puppeteer's WebDriver BiDi, with the fake camera and microphone the browser suite uses.
import puppeteer, { type Browser } from 'puppeteer-core';

export function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: { 'media.navigator.streams.fake': true, 'media.navigator.permission.disabled': true },
  });
}
