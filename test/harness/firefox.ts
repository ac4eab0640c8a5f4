// The system's Firefox ESR for scripts outside web-test-runner (the CDN checks), as the browser suite starts it.
import puppeteer, { type Browser } from 'puppeteer-core';
import { firefoxOptions } from './browsers.mjs';

export const launchFirefox = (): Promise<Browser> => puppeteer.launch(firefoxOptions);
