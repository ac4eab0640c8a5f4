import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/contribution-uploader/define.js';
import '../../src/contribution-gallery/define.js';
import { forget } from '../../src/api/cache.js';
import { takeStore } from '../../src/record/takes/take-store.js';
import type { ContributionUploaderElement } from '../../src/contribution-uploader/contribution-uploader.js';
import { httpSource, type CallSource } from '../../src/api/source.js';
import type { ContributionSubmitDetail } from '../../src/core/events.js';
import {
  backend,
  backendRequests,
  closeCall,
  proxiedRequests,
  startBackend,
  startProxy,
  stopBackend,
  stopProxy,
  storedContributions,
  storedUpload,
} from '../harness/backend.js';
import { deepActiveElement, expectFocusOn, settled, tabTo, until, words } from '../harness/dom.js';
import { published } from '../harness/organiser.js';
import { itExceptInWebKit } from '../harness/engine.js';
import { formOf, type UploaderHarness } from '../harness/uploader.js';
import { bytesPatched, makeFile, makeVideo, sha256, uploadIdsIn } from './files.js';

let api: string;
before(async () => ({ api } = await backend()));
afterEach(() => fixtureCleanup());

async function uploader(template: ReturnType<typeof html>): Promise<ContributionUploaderElement> {
  const el = await fixture<ContributionUploaderElement>(template);
  await settled(el, 'form, .message');
  return el;
}

const fill = (el: Element, values: Parameters<UploaderHarness['fill']>[0]) => formOf(el).fill(values);
const pick = (el: Element, ...files: File[]) => formOf(el).pick(...files);
const fileRows = (el: Element) => formOf(el).fileRows;
const untilState = async (el: Element, state: string, timeout = 15_000) => {
  try {
    await waitUntil(() => fileRows(el).length > 0 && fileRows(el).every((r) => r.is(state)), '', { timeout });
  } catch {
    // Where they stopped: a stalled upload and a slow one read differently.
    const where = fileRows(el).map((r) => words(r.statusLine));
    throw new Error(`files did not become ${state}: ${where.join('; ')}`);
  }
};
/**
 * Big enough, in 128 KiB chunks, that a test can act mid-upload on a fast machine (progress
 * reaches the page a few times a second); a much smaller file can finish before the first report.
 */
const midUpload = 24_000_000;
const percentOf = (el: Element) => formOf(el).fileRow().percent;
/** Waits for an upload to pass `percent`, and says so if it finished before anyone could act mid-way. */
const untilProgress = (el: Element, percent: number) =>
  waitUntil(
    () => {
      if (fileRows(el).some((r) => r.is('done')))
        throw new Error('the upload finished before the test could act: use a larger file');
      return percentOf(el) >= percent;
    },
    `no progress to ${percent}%`,
    { timeout: 20_000 },
  );

/** Submits and waits for the backend's receipt. */
const submit = (el: Element): Promise<ContributionSubmitDetail> => formOf(el).submit();

describe('<contribution-uploader>', function () {
  // Real uploads to a real server, with both browsers at work at once.
  this.timeout(60_000);

  it('is accessible', async () => {
    const el = await uploader(html`<contribution-uploader api=${api} call="puisi-voices"></contribution-uploader>`);
    await expect(el).to.be.accessible();
  });

  it('is accessible with errors shown, uploading, paused, for text, closed, and after sending', async () => {
    const media = await uploader(
      html`<contribution-uploader api=${api} call="sky-today" chunk-size="65536"></contribution-uploader>`,
    );
    formOf(media).submitButton!.click();
    await until(() => formOf(media).firstError);
    await expect(media).to.be.accessible();
    pick(media, makeFile('sky.png', midUpload, 'image/png', 11));
    await untilProgress(media, 1);
    await expect(media).to.be.accessible();
    formOf(media).fileRow().pauseButton!.click();
    await untilState(media, 'paused');
    await expect(media).to.be.accessible();

    const text = await uploader(html`<contribution-uploader api=${api} call="favourite-word"></contribution-uploader>`);
    await expect(text).to.be.accessible();
    fill(text, { text: 'Rindu: missing someone so much it feels like weather.', creditName: 'Hana', consent: true });
    await submit(text);
    await expect(text).to.be.accessible();

    const closed = await uploader(html`<contribution-uploader api=${api} call="thank-you-notes-2025"></contribution-uploader>`);
    await expect(closed).to.be.accessible();
  });

  it('holds the place of the form while its call loads, at the form’s height', async () => {
    const never = () => new Promise<never>(() => undefined);
    // The placeholder stands for a form with nothing kept from an earlier visit: recordings the
    // recorder's tests left unsent would add their own section to the loaded form.
    for (const take of await takeStore.unsent('puisi-voices')) await takeStore.remove(take.id);
    for (const width of [390, 700]) {
      const wrapper = await fixture(
        html`<div style="width: ${width}px">
          <contribution-uploader api=${api} call="puisi-voices"></contribution-uploader>
          <contribution-uploader
            .source=${{ listCalls: never, getCall: never, submitContribution: never }}
            call="puisi-voices"
          ></contribution-uploader>
        </div>`,
      );
      const [loaded, loading] = wrapper.querySelectorAll('contribution-uploader');
      await until(() => formOf(loaded).submitButton, 'the form showed');
      expect(loading.shadowRoot!.querySelector('[aria-busy="true"]'), 'still loading').to.exist;
      const reserved = loading.getBoundingClientRect().height;
      const final = loaded.getBoundingClientRect().height;
      expect(reserved / final, `${width} px wide: ${reserved} px held for ${final} px`).to.be.within(0.8, 1.2);
      await expect(loading).to.be.accessible();
      fixtureCleanup();
    }
  });

  it('uploads a multi-megabyte file that lands byte-identical, and sends the contribution', async () => {
    const file = makeFile('puisi.ogg', 6_000_000, 'audio/ogg', 2);
    const el = await uploader(
      html`<contribution-uploader api=${api} call="puisi-voices" chunk-size="1048576"></contribution-uploader>`,
    );
    pick(el, file);
    fill(el, { creditName: 'Aisyah R.', consent: true });
    const detail = await submit(el);
    expect(detail.callId).to.equal('puisi-voices');
    expect(detail.uploads).to.have.length(1);
    const id = detail.uploads[0].split('/').pop()!;
    const stored = await storedUpload(id);
    expect(stored.size).to.equal(file.size);
    expect(stored.sha256).to.equal(await sha256(file));
    const contribution = (await storedContributions()).find((c) => c.id === detail.contributionId)!;
    expect([contribution.kind, contribution.creditName, contribution.uploads[0].uploadId]).to.deep.equal([
      'audio',
      'Aisyah R.',
      id,
    ]);
    expectFocusOn(formOf(el).thanksHeading);
    expect(words(formOf(el).thanks)).to.contain('was received');
    // The heading leads, and the call's own quotes do not nest inside the sentence's.
    const size = (node: Element | null | undefined) => parseFloat(getComputedStyle(node!).fontSize);
    expect(size(formOf(el).thanksHeading)).to.be.greaterThan(size(formOf(el).thanks!.querySelector('p')));
    expect(words(formOf(el).thanks)).to.contain('Your contribution to “Say ‘puisi’ in your own voice” was received.');
  });

  it('after sending, "See what others made" takes the visitor to the gallery of the call on the page', async () => {
    const title = `On the wall ${Math.random().toString(36).slice(2, 8)}`;
    await published('astronaut-one-liner', { title, text: 'The Moon keeps my spare keys.' });
    forget();
    const page = await fixture(
      html`<div>
        <contribution-uploader api=${api} call="astronaut-one-liner"></contribution-uploader>
        <contribution-gallery api=${api} call="astronaut-one-liner" page-size="3"></contribution-gallery>
        <contribution-gallery api=${api} campaign="this-is-malaysia" page-size="1"></contribution-gallery>
      </div>`,
    );
    const el = page.querySelector('contribution-uploader')!;
    const [gallery] = page.querySelectorAll('contribution-gallery');
    await settled(el, 'form');
    await settled(gallery, '.list:not(.skeletons)');
    fill(el, { text: 'Seen from the thank-you.', creditName: 'Nur', consent: true });
    await submit(el);
    const see = formOf(el).seeContributions!;
    expect(see.localName, 'a gallery on this page is reached in place').to.equal('button');
    expect(words(see)).to.equal('See what others made');
    await tabTo(see);
    await sendKeys({ press: 'Enter' });
    // The gallery of this call, not the campaign's: its first contribution has focus.
    expectFocusOn(gallery.shadowRoot!.querySelector('article.item'));
    await expect(el).to.be.accessible();
  });

  it("without a gallery on the page, links to the call's page and shares the call's link", async () => {
    const call = {
      ...((await (await fetch(`${api}/calls/astronaut-one-liner`)).json()) as object),
      url: 'https://calls.example/astronaut',
    };
    const el = await uploader(html`<contribution-uploader api=${api} .callData=${call}></contribution-uploader>`);
    fill(el, { text: 'Shared from the thank-you.', creditName: 'Nur', consent: true });
    await submit(el);
    const see = formOf(el).seeContributions as HTMLAnchorElement;
    expect([see.localName, see.href, words(see)]).to.deep.equal(['a', 'https://calls.example/astronaut', 'See what others made']);
    const share = formOf(el).shareButton!;
    expect(words(share)).to.equal('Share this call');
    // Where there is a system share sheet, nothing in it can be pressed from a test.
    if (typeof navigator.share === 'function') return;
    await tabTo(share);
    await sendKeys({ press: 'Enter' });
    await until(() => words(formOf(el).liveRegion).includes('Link to the call copied.'), 'the copy was not announced');
  });

  it('pauses and resumes an upload', async () => {
    const file = makeFile('sky.jpg', midUpload, 'image/jpeg', 3);
    const el = await uploader(
      html`<contribution-uploader api=${api} call="sky-today" chunk-size="131072"></contribution-uploader>`,
    );
    pick(el, file);
    await untilProgress(el, 5);
    // Short words on the button; the file's name is in its label.
    expect(words(formOf(el).fileRow().pauseButton)).to.equal('Pause');
    expect(formOf(el).fileRow().pauseButton!.getAttribute('aria-label')).to.equal('Pause sky.jpg');
    formOf(el).fileRow().pauseButton!.click();
    await untilState(el, 'paused');
    const paused = percentOf(el);
    await new Promise((r) => setTimeout(r, 400));
    expect(percentOf(el)).to.equal(paused);
    expect(words(formOf(el).fileRow().statusLine)).to.match(/^Paused/);
    formOf(el).fileRow().resumeButton!.click();
    await untilState(el, 'done');
    fill(el, { creditName: 'Sky watcher', consent: true });
    const detail = await submit(el);
    expect((await storedUpload(detail.uploads[0].split('/').pop()!)).sha256).to.equal(await sha256(file));
  });

  it('moves the bar and the figures as it uploads, without updating the whole form for them', async () => {
    const el = await uploader(
      html`<contribution-uploader api=${api} call="sky-today" chunk-size="65536"></contribution-uploader>`,
    );
    let formUpdates = 0;
    const updated = (el as unknown as { updated(changed: Map<PropertyKey, unknown>): void }).updated.bind(el);
    Object.assign(el, {
      updated: (changed: Map<PropertyKey, unknown>) => {
        formUpdates++;
        updated(changed);
      },
    });
    const bars = new Set<number>();
    const lines = new Set<string>();
    const spoken = new Set<string>();
    let reports = 0;
    el.addEventListener('contribution-progress', () => {
      reports++;
      // After this report has reached the row (it does right after the event).
      queueMicrotask(() => {
        const row = formOf(el).fileRow();
        if (!row.is('uploading')) return;
        bars.add(row.bar!.value);
        lines.add(words(row.statusLine));
        spoken.add(words(formOf(el).liveRegion));
      });
    });
    pick(el, makeFile('watched.png', midUpload, 'image/png', 12));
    // Some 360 chunks: on a loaded machine that takes a while.
    await untilState(el, 'done', 45_000);
    expect(reports, 'progress reports (else use a larger file)').to.be.at.least(12);
    expect(bars.size, 'positions of the bar').to.be.at.least(6);
    expect(lines.size, 'status lines').to.be.at.least(6);
    // The quarters are heard while it uploads, each said by the live region alone.
    for (const quarter of ['25%', '50%', '75%'])
      expect(
        [...spoken].some((said) => said.includes(quarter)),
        `${quarter} announced`,
      ).to.equal(true);
    // Choosing the file and its state changes: not every report, nor every quarter announced.
    expect(formUpdates, 'updates of the form').to.be.at.most(4);
    expect(formOf(el).fileRow().bar!.value).to.equal(100);
  });

  // Chromium's controls spin a loading animation, frame after frame, for as long as they wait
  // for the video and a turn after: while it uploads, there are none to spin.
  it('gives a file that cannot play as a video no controls', async () => {
    const el = await uploader(html`<contribution-uploader api=${api} call="tiny-film"></contribution-uploader>`);
    const preview = () => formOf(el).fileRow().preview as HTMLVideoElement;
    pick(el, makeFile('noise.webm', 200_000, 'video/webm', 40));
    await until(() => preview()?.error, 'the browser gave up on the noise');
    expect(preview().controls, 'no controls for a video that cannot play').to.equal(false);
    await untilState(el, 'done');
    expect(preview().controls).to.equal(false);
  });

  itExceptInWebKit(
    'WebKitGTK’s MediaRecorder records no bytes from a canvas here, so there is no playable video to make',
    'gives a video its controls once it can play, not while it loads',
    async () => {
      const el = await uploader(html`<contribution-uploader api=${api} call="tiny-film"></contribution-uploader>`);
      const preview = () => formOf(el).fileRow().preview as HTMLVideoElement;
      // Media events do not bubble, but pass the shadow root on their way down to the video.
      let controlsWhileLoading: boolean | undefined;
      const before = (e: Event) => (controlsWhileLoading ??= (e.target as HTMLVideoElement).controls);
      el.shadowRoot!.addEventListener('loadedmetadata', before, { capture: true });
      pick(el, await makeVideo('clip'));
      await until(() => preview()?.controls, 'controls once it can play');
      expect(controlsWhileLoading, 'none while it loads').to.equal(false);
      expect(preview().readyState).to.be.at.least(HTMLMediaElement.HAVE_METADATA);
      await untilState(el, 'done');
    },
  );

  it('cancelling removes the upload from the server', async () => {
    await backendRequests();
    const el = await uploader(
      html`<contribution-uploader api=${api} call="sky-today" chunk-size="131072"></contribution-uploader>`,
    );
    pick(el, makeFile('cancel-me.png', midUpload, 'image/png', 4));
    await untilProgress(el, 5);
    const [id] = uploadIdsIn(await backendRequests());
    expect((await storedUpload(id)).exists).to.equal(true);
    formOf(el).fileRow().removeButton!.click();
    await until(() => fileRows(el).length === 0);
    await until(async () => !(await storedUpload(id)).exists, 'the upload is still on the server');
    // Focus moves once the form has re-rendered without the file (Firefox may see the row go first).
    await until(() => deepActiveElement() === formOf(el).fileInput, 'focus did not move to the file picker');
    expectFocusOn(formOf(el).fileInput);
  });

  it('completes byte-identical when the server is killed and restarted mid-upload', async function () {
    // The element waits up to 20 s between its tries (retryDelays), and on a loaded machine the
    // restart itself takes seconds: the try after it can come late.
    this.timeout(120_000);
    const file = makeFile('restart.ogg', midUpload, 'audio/ogg', 5);
    const el = await uploader(
      html`<contribution-uploader api=${api} call="puisi-voices" chunk-size="131072"></contribution-uploader>`,
    );
    pick(el, file);
    await untilProgress(el, 20);
    await stopBackend();
    await new Promise((r) => setTimeout(r, 500));
    await startBackend();
    await untilState(el, 'done', 60_000);
    fill(el, { creditName: 'Restarted', consent: true });
    const detail = await submit(el);
    const stored = await storedUpload(detail.uploads[0].split('/').pop()!);
    expect(stored.sha256).to.equal(await sha256(file));
  });

  it('carries on when moved within the page, and lets go of its previews once taken off it', async () => {
    const el = await uploader(
      html`<contribution-uploader api=${api} call="puisi-voices" chunk-size="131072"></contribution-uploader>`,
    );
    pick(el, makeFile('moving.ogg', midUpload, 'audio/ogg', 14));
    await untilProgress(el, 5);
    const preview = () => fileRows(el)[0].preview!.getAttribute('src')!;
    const shown = preview();
    const canFetch = (url: string) =>
      fetch(url).then(
        async (answer) => (await answer.body?.cancel(), answer.ok),
        () => false,
      );
    // Moved, as a page or a list reorders: taken out and put back in one go.
    const elsewhere = document.createElement('div');
    el.parentElement!.after(elsewhere);
    elsewhere.append(el);
    await new Promise((r) => setTimeout(r, 100));
    expect(fileRows(el)[0].is('uploading'), 'moved, the upload carries on').to.equal(true);
    expect(await canFetch(shown)).to.equal(true);

    el.remove();
    await new Promise((r) => setTimeout(r));
    expect(await canFetch(shown), 'off the page, the preview is let go of').to.equal(false);
    await new Promise((r) => setTimeout(r, 100));
    elsewhere.append(el);
    await el.updateComplete;
    expect(fileRows(el)[0].is('paused')).to.equal(true);
    const again = preview();
    expect(again).to.not.equal(shown);
    expect(await canFetch(again), 'back, the preview is made again').to.equal(true);
    fileRows(el)[0].resume();
    await untilState(el, 'done', 30_000);
    elsewhere.remove();
  });

  it('resumes from the server’s offset when a fresh uploader is given the same file', async () => {
    const file = makeFile('long-take.ogg', midUpload, 'audio/ogg', 6);
    await backendRequests();
    const first = await uploader(
      html`<contribution-uploader api=${api} call="puisi-voices" chunk-size="131072"></contribution-uploader>`,
    );
    pick(first, file);
    await untilProgress(first, 40);
    first.remove(); // like closing the tab: the upload stops, and is remembered
    const [id] = uploadIdsIn(await backendRequests());
    const before = (await storedUpload(id)).size!;
    expect(before).to.be.greaterThan(0);

    const second = await uploader(
      html`<contribution-uploader api=${api} call="puisi-voices" chunk-size="131072"></contribution-uploader>`,
    );
    pick(second, file);
    await until(() => /resuming from \d+%/.test(words(formOf(second).fileRow().statusLine)), 'the UI did not say it resumed');
    await untilState(second, 'done');
    const sent = bytesPatched(await backendRequests(), id);
    expect(sent).to.equal(file.size - before);
    expect(sent).to.be.lessThan(file.size);
    fill(second, { creditName: 'Resumed', consent: true });
    const detail = await submit(second);
    expect(detail.uploads[0].endsWith(id)).to.equal(true);
    expect((await storedUpload(id)).sha256).to.equal(await sha256(file));
  });

  for (const cors of [true, false]) {
    it(`completes with smaller chunks behind a proxy that answers 413 to large bodies${cors ? '' : ', even when its 413 has no CORS headers'}`, async () => {
      const limit = 300_000;
      const { api: proxied } = await startProxy(limit, cors);
      try {
        await backendRequests();
        const file = makeFile('behind-proxy.ogg', 2_500_000, 'audio/ogg', cors ? 7 : 13);
        const el = await uploader(
          html`<contribution-uploader api=${proxied} call="puisi-voices" chunk-size="1048576"></contribution-uploader>`,
        );
        pick(el, file);
        await untilState(el, 'done', 40_000);
        fill(el, { creditName: 'Proxied', consent: true });
        const detail = await submit(el);
        const id = detail.uploads[0].split('/').pop()!;
        expect((await storedUpload(id)).sha256).to.equal(await sha256(file));
        const patches = (await backendRequests()).filter((l) => l.startsWith(`PATCH /v1/uploads/${id} `));
        expect(patches.length).to.be.greaterThan(2);
        for (const line of patches) expect(Number(/ (\d+)B "/.exec(line)![1])).to.be.at.most(limit);
      } finally {
        await stopProxy();
      }
    });
  }

  it('sends the page’s headers to the API and its upload endpoint', async () => {
    const { api: proxied } = await startProxy(100_000_000);
    try {
      const headers = { Authorization: 'Bearer partner-token' };
      const el = await uploader(
        html`<contribution-uploader
          api=${proxied}
          call="sky-today"
          .headers=${headers}
          chunk-size="262144"
        ></contribution-uploader>`,
      );
      pick(el, makeFile('token.png', 600_000, 'image/png', 12));
      fill(el, { creditName: 'Partner', consent: true });
      await submit(el);
      const seen = (await proxiedRequests()).filter((r) => r.method !== 'OPTIONS');
      const kinds = new Set(seen.map((r) => `${r.method} ${r.path!.split('?')[0].replace(/[0-9a-f]{32}$/, ':id')}`));
      expect([...kinds]).to.include.members([
        'GET /v1/calls/sky-today',
        'POST /v1/uploads/',
        'PATCH /v1/uploads/:id',
        'POST /v1/calls/sky-today/contributions',
      ]);
      for (const r of seen) expect(r.authorization, `${r.method} ${r.path}`).to.equal('Bearer partner-token');
    } finally {
      await stopProxy();
    }
  });

  it('waits while the browser is offline and continues when it is back, saying so', async () => {
    const el = await uploader(
      html`<contribution-uploader api=${api} call="sky-today" chunk-size="65536"></contribution-uploader>`,
    );
    const file = makeFile('offline.png', midUpload, 'image/png', 8);
    pick(el, file);
    await untilProgress(el, 3);
    window.dispatchEvent(new Event('offline'));
    await untilState(el, 'offline');
    expect(words(formOf(el).fileRow().statusLine)).to.contain('You are offline');
    window.dispatchEvent(new Event('online'));
    // The rest of the file is some 360 chunks: on a loaded machine that takes a while.
    await untilState(el, 'done', 45_000);
    fill(el, { creditName: 'Back online', consent: true });
    const detail = await submit(el);
    expect((await storedUpload(detail.uploads[0].split('/').pop()!)).sha256).to.equal(await sha256(file));
  });

  it('sends a text-only contribution, counting characters as it goes', async () => {
    const el = await uploader(html`<contribution-uploader api=${api} call="astronaut-one-liner"></contribution-uploader>`);
    fill(el, { text: 'Bulan pun rindu.', creditName: 'Farid', consent: true });
    await el.updateComplete;
    expect(words(formOf(el).characterCount)).to.equal('16 of 140 characters');
    const detail = await submit(el);
    expect(detail.uploads).to.deep.equal([]);
    const stored = (await storedContributions()).find((c) => c.id === detail.contributionId)!;
    expect([stored.kind, stored.text]).to.deep.equal(['text', 'Bulan pun rindu.']);
  });

  it('takes files dropped on it or pasted into it', async () => {
    const el = await uploader(html`<contribution-uploader api=${api} call="sky-today"></contribution-uploader>`);
    const dropped = new DataTransfer();
    dropped.items.add(makeFile('dropped.png', 20_000, 'image/png', 40));
    formOf(el).dropZone!.dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
    const pasted = new DataTransfer();
    pasted.items.add(makeFile('pasted.png', 20_000, 'image/png', 41));
    const paste = new ClipboardEvent('paste', { clipboardData: pasted, bubbles: true, composed: true, cancelable: true });
    // Firefox gives a constructed paste an empty clipboard (a real paste has the files): there,
    // only the drop can be checked.
    const canPaste = (paste.clipboardData?.files.length ?? 0) > 0;
    if (canPaste) formOf(el).creditField!.dispatchEvent(paste);
    await untilState(el, 'done');
    expect(fileRows(el).map((row) => row.name)).to.deep.equal(canPaste ? ['dropped.png', 'pasted.png'] : ['dropped.png']);
  });

  it('says exactly what is wrong with a file before a byte moves, next to the file picker', async () => {
    await backendRequests();
    const el = await uploader(html`<contribution-uploader api=${api} call="puisi-voices"></contribution-uploader>`);
    const error = () => words(formOf(el).errorOf('files'));
    pick(el, new File(['%PDF-1.4'], 'notes.pdf', { type: 'application/pdf' }));
    await el.updateComplete;
    expect(error()).to.equal('This call takes audio or video; notes.pdf is application/pdf.');
    expect(formOf(el).fileInput!.getAttribute('aria-describedby')).to.contain('files-error');
    expect(formOf(el).fileInput!.getAttribute('aria-invalid')).to.equal('true');
    pick(el, makeFile('song.ogg', 50_000_001, 'audio/ogg', 9));
    await el.updateComplete;
    expect(error()).to.equal('This call takes audio up to 50 MB; song.ogg is 50 MB.');
    const small = (n: number) => makeFile(`take-${n}.ogg`, 1000, 'audio/ogg', 20 + n);
    pick(el, small(1), makeFile('clip.webm', 1000, 'video/webm', 30));
    await el.updateComplete;
    expect(error()).to.equal('Send one kind of file per contribution: audio or video.');
    pick(el, small(2), small(3), small(4));
    await el.updateComplete;
    expect(error()).to.equal('This call takes up to 3 files: remove one to add another.');
    expect(fileRows(el)).to.have.length(3);
    await untilState(el, 'done');
    const created = (await backendRequests()).filter((l) => l.startsWith('POST /v1/uploads'));
    expect(created, 'only the accepted files were uploaded').to.have.length(3);

    const art = await uploader(html`<contribution-uploader api=${api} call="dans-birthday-art"></contribution-uploader>`);
    pick(art, makeFile('mural.png', 26_000_000, 'image/png', 31));
    await art.updateComplete;
    expect(words(formOf(art).errorOf('files'))).to.equal('This call takes images up to 25 MB; mural.png is 26 MB.');
  });

  it('says a file is already chosen when the same one is picked again, and uploads it once', async () => {
    await backendRequests();
    const el = await uploader(html`<contribution-uploader api=${api} call="puisi-voices"></contribution-uploader>`);
    const error = () => words(formOf(el).errorOf('files'));
    // The same file from disk, picked again: another File object, with the same name, size and date.
    const song = () => makeFile('song.ogg', 300_000, 'audio/ogg', 12);
    pick(el, song());
    await el.updateComplete;
    pick(el, song(), makeFile('song.ogg', 450_000, 'audio/ogg', 12));
    await el.updateComplete;
    expect(error()).to.equal('song.ogg is already chosen.');
    // Another file of the same name is another file.
    expect(fileRows(el).map((row) => words(row.nameLine))).to.deep.equal(['song.ogg 300 kB', 'song.ogg 450 kB']);
    await untilState(el, 'done');
    const created = (await backendRequests()).filter((l) => l.startsWith('POST /v1/uploads'));
    expect(created, 'one upload for the file picked twice, one for the other file').to.have.length(2);
    // Removed, it may be chosen again.
    fileRows(el)[0].remove();
    await until(() => fileRows(el).length === 1);
    pick(el, song());
    await el.updateComplete;
    expect(fileRows(el)).to.have.length(2);
    expect(formOf(el).errorOf('files')).to.equal(null);
  });

  it('checks the form before sending, keeps what was typed, and moves focus to the first problem', async () => {
    const el = await uploader(html`<contribution-uploader api=${api} call="astronaut-one-liner"></contribution-uploader>`);
    fill(el, { text: 'x'.repeat(141) });
    formOf(el).submitButton!.click();
    await el.updateComplete;
    expect(words(formOf(el).errorOf('text'))).to.equal('Your text has 141 characters; this call takes up to 140.');
    expect(words(formOf(el).errorOf('creditName'))).to.contain('credit name is needed');
    expect(words(formOf(el).errorOf('consent'))).to.equal('Accept the terms to send your contribution.');
    expect(formOf(el).consentBox!.getAttribute('aria-describedby')).to.contain('consent-error');
    expectFocusOn(formOf(el).textField);
    expect(formOf(el).textField!.value).to.equal('x'.repeat(141));
    fill(el, { text: '', creditName: 'Nadia' });
    formOf(el).submitButton!.click();
    await el.updateComplete;
    expect(words(formOf(el).errorOf('text'))).to.equal('Write your contribution first.');
    expect(formOf(el).creditField!.value).to.equal('Nadia');
  });

  it('words a call that cannot be loaded in the visitor’s language, with the backend’s details in the console', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    const el = await uploader(
      html`<contribution-uploader api="/faults/problem/v1" call="any" lang="ms"></contribution-uploader>`,
    ).finally(() => (console.warn = warn));
    const paragraphs = formOf(el).messageParagraphs.map((p) => words(p));
    expect(paragraphs).to.deep.equal([
      'Panggilan tidak dapat dimuatkan. Perkhidmatan panggilan terbuka menghadapi masalah. Cuba lagi sebentar lagi.',
    ]);
    expect(warnings.filter((w) => w.includes('The calls database did not answer.'))).to.have.length(1);
    expect(words(formOf(el).retryLoadButton)).to.equal('Cuba lagi');
  });

  it('does not offer the form for a closed or upcoming call', async () => {
    const closed = await uploader(html`<contribution-uploader api=${api} call="thank-you-notes-2025"></contribution-uploader>`);
    expect(formOf(closed).form).to.equal(null);
    expect(words(formOf(closed).message)).to.equal('This call has closed: it takes no more contributions.');
    const upcoming = await uploader(html`<contribution-uploader api=${api} call="monsoon-sounds"></contribution-uploader>`);
    expect(words(formOf(upcoming).message)).to.match(/^This call is not open yet\. It opens December 1, 2027/);
  });

  it('explains a 409 for a call that closed meanwhile, without losing the text', async () => {
    const callId = 'overheard';
    const el = await uploader(html`<contribution-uploader api=${api} call=${callId}></contribution-uploader>`);
    fill(el, { text: 'Thank you for holding the door.', creditName: 'Mei', consent: true });
    await closeCall(callId);
    formOf(el).submitButton!.click();
    await until(() => formOf(el).formError, 'no error shown');
    expect(words(formOf(el).formError)).to.contain('This call closed while you were answering');
    expectFocusOn(formOf(el).formError);
    expect(formOf(el).textField!.value).to.equal('Thank you for holding the door.');
  });

  it('sends again without uploading again after the contribution failed to send', async () => {
    const real = httpSource(api);
    let attempts = 0;
    const flaky: CallSource = {
      ...real,
      submitContribution: (...args) =>
        ++attempts === 1 ? Promise.reject(new TypeError('Failed to fetch')) : real.submitContribution(...args),
    };
    await backendRequests();
    const el = await uploader(html`<contribution-uploader .source=${flaky} call="hands-at-work"></contribution-uploader>`);
    const file = makeFile('hands.png', 500_000, 'image/png', 10);
    pick(el, file);
    fill(el, { creditName: 'Potter', consent: true });
    await untilState(el, 'done');
    formOf(el).submitButton!.click();
    await until(() => formOf(el).sendAgainButton, 'no retry offered');
    expect(words(formOf(el).formError)).to.contain('Nothing is lost');
    setTimeout(() => formOf(el).sendAgainButton!.click());
    const { detail } = (await oneEvent(el, 'contribution-submit')) as CustomEvent<ContributionSubmitDetail>;
    expect(attempts).to.equal(2);
    const created = (await backendRequests()).filter((l) => l.startsWith('POST /v1/uploads'));
    expect(created, 'the file was uploaded once').to.have.length(1);
    expect((await storedUpload(detail.uploads[0].split('/').pop()!)).sha256).to.equal(await sha256(file));
  });

  it('can be completed from the keyboard alone, from the empty form to the thank-you', async () => {
    const el = await uploader(html`<contribution-uploader api=${api} call="bus-stop-poem"></contribution-uploader>`);
    await tabTo(formOf(el).textField!);
    await sendKeys({ type: 'Tiada bas, hanya bulan.' });
    await tabTo(formOf(el).creditField!);
    await sendKeys({ type: 'Zul' });
    await tabTo(formOf(el).consentBox!);
    await sendKeys({ type: ' ' }); // the key name "Space" is unknown to Firefox's driver
    await tabTo(formOf(el).submitButton!);
    await sendKeys({ press: 'Enter' });
    await until(() => formOf(el).thanksHeading, 'no thank-you');
    expectFocusOn(formOf(el).thanksHeading);
    const stored = (await storedContributions()).filter((c) => c.callId === 'bus-stop-poem');
    expect(stored.map((c) => c.text)).to.include('Tiada bas, hanya bulan.');
  });
});
