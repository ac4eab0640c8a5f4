// `npm run screenshots` (not in `npm test`): the demo article as `npm start` serves it, at 390 and
// 1280 px, light and dark, with the list and every state of the answer form under a call (empty,
// with the form's errors, a file uploading, filled, the thank-you), the recorder, and the list's and
// a standalone form's placeholders while they load, each saved
// as a PNG in SHOTS (default screenshots/), to look at after a change of styles.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launchChromium } from '../harness/chromium.js';
import { root, startDemoSite } from '../harness/demo-site.js';

const out = resolve(process.env.SHOTS ?? join(root, 'screenshots'));
mkdirSync(out, { recursive: true });
const demo = await startDemoSite('shots');
const origin = demo.origin;
const callId = 'puisi-voices';

/** Runs in the page: the answer form under the call, inside the list. */
const inForm = `(() => {
  const list = document.querySelector('call-for-contributions');
  return list?.shadowRoot?.querySelector('contribution-uploader')?.shadowRoot;
})()`;
const until = (page: Page, expression: string, timeout = 20_000) => page.waitForFunction(expression, { timeout, polling: 100 });

async function shot(page: Page, name: string, target: ElementHandle | null): Promise<void> {
  await new Promise((r) => setTimeout(r, 300));
  const path = join(out, `${name}.png`) as `${string}.png`;
  if (target) await target.screenshot({ path });
  else await page.screenshot({ path, fullPage: false });
}

/** The list's section of the article, where the form opens. */
const section = (page: Page) => page.$('.embed-section:has(call-for-contributions)');

async function open(page: Page, width: number, scheme: 'light' | 'dark'): Promise<void> {
  await page.setViewport({ width, height: 900, deviceScaleFactor: 1, isMobile: width < 600, hasTouch: width < 600 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(`${origin}/demo/index.html`, { waitUntil: 'load' });
  // In dark, a page that says it has both schemes (the demo's theme is light only).
  if (scheme === 'dark')
    await page.addStyleTag({
      content: ':root { color-scheme: light dark } body, .embed-section { background: Canvas; color: CanvasText }',
    });
  await until(page, `document.querySelector('call-for-contributions')?.shadowRoot?.querySelector('.list')`);
}

async function contribute(page: Page): Promise<void> {
  await page.evaluate((id) => {
    const list = document.querySelector('call-for-contributions')!;
    list.shadowRoot!.querySelector<HTMLButtonElement>(`[data-call="${id}"] .contribute`)!.click();
  }, callId);
  await until(page, `${inForm}?.querySelector('form')`);
  await page.evaluate((id) => {
    const card = document.querySelector('call-for-contributions')!.shadowRoot!.querySelector(`[data-call="${id}"]`)!;
    card.querySelector('.answer')?.scrollIntoView();
  }, callId);
}

const answer = (page: Page) =>
  page.evaluateHandle(
    (id) => document.querySelector('call-for-contributions')!.shadowRoot!.querySelector(`[data-call="${id}"]`)!,
    callId,
  ) as Promise<ElementHandle<Element>>;

const browser = await launchChromium();
const names: string[] = [];
try {
  for (const width of [390, 1280])
    for (const scheme of ['light', 'dark'] as const) {
      const at = (state: string) => `${state}-${width}-${scheme}`;
      const page = await browser.newPage();
      await open(page, width, scheme);
      // The placeholders, from a backend that never answers: a page of calls, and a standalone form.
      const placeholder = await page.evaluateHandle(`(() => {
        const never = () => new Promise(() => undefined);
        const source = { listCalls: never, getCall: never };
        const list = Object.assign(document.createElement('call-for-contributions'), { source });
        list.setAttribute('page-size', '2');
        const form = Object.assign(document.createElement('contribution-uploader'), { source });
        form.setAttribute('call', 'puisi-voices');
        const box = Object.assign(document.createElement('div'), { id: 'placeholders' });
        box.append(list, form);
        document.querySelector('.embed-section:has(call-for-contributions)').before(box);
        return box;
      })()`);
      await until(page, `document.querySelector('contribution-uploader')?.shadowRoot?.querySelector('.skeleton')`);
      await shot(page, at('loading'), placeholder as ElementHandle<Element>);
      await page.evaluate(`document.querySelector('#placeholders').remove()`);
      await shot(page, at('list'), await section(page));
      await contribute(page);
      await shot(page, at('form-empty'), await answer(page));
      // Send with nothing filled in: the form's own errors.
      await page.evaluate(`${inForm}.querySelector('.submit').click()`);
      await until(page, `${inForm}.querySelector('.error')`);
      await shot(page, at('form-error'), await answer(page));
      // Files, chosen on a slow connection: mid-upload.
      await page.evaluate(`(() => {
        const form = ${inForm};
        const files = [...form.querySelectorAll('input[name="mode"]')].at(-1);
        files?.click();
      })()`);
      await until(page, `${inForm}.querySelector('#files')`);
      const cdp = await page.createCDPSession();
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 100,
        downloadThroughput: 200_000,
        uploadThroughput: 40_000,
      });
      await page.evaluate(`(() => {
        const form = ${inForm};
        const type = (selector, value) => { const el = form.querySelector(selector); el.value = value; el.dispatchEvent(new Event('input')); };
        type('#creditName', 'Aisyah Rahman');
        type('#title', 'Puisi, from the kitchen window');
        form.querySelector('#consent').click();
        const input = form.querySelector('#files');
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(2_000_000).fill(7)], 'puisi – reading at the window, take 3.ogg', { type: 'audio/ogg' }));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      })()`);
      await until(page, `${inForm}.querySelector('.file.uploading')`);
      await new Promise((r) => setTimeout(r, 1500));
      await shot(page, at('form-uploading'), await answer(page));
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await until(page, `${inForm}.querySelector('.file.done')`, 60_000);
      await shot(page, at('form-filled'), await answer(page));
      await page.evaluate(`${inForm}.querySelector('.submit').click()`);
      await until(page, `${inForm}.querySelector('.thanks')`);
      await shot(page, at('form-thanks'), await answer(page));
      // A failed send: the server down while sending.
      await page.evaluate(`${inForm}.querySelector('.another').click()`);
      await until(page, `${inForm}.querySelector('form')`);
      // The recorder, opened from the form.
      await page.evaluate(`${inForm}.querySelector('.record-audio')?.click()`);
      await until(page, `${inForm}.querySelector('contribution-recorder')?.shadowRoot?.querySelector('button')`).catch(
        () => undefined,
      );
      await new Promise((r) => setTimeout(r, 1500));
      await shot(page, at('recorder'), await answer(page));
      names.push(at('*'));
      await cdp.detach();
      await page.close();
    }
} finally {
  await browser.close();
  await demo.stop();
}
console.log(`screenshots in ${out}: ${names.join(', ')}`);
