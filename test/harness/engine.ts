// Which browser engine runs a test, for the few tests that WebKit's test session cannot run.

/** WebKit (Safari's engine; here WebKitGTK's MiniBrowser): Safari's user agent, without Chrome's. */
export const inWebKit = /AppleWebKit/.test(navigator.userAgent) && !/Chrome|Chromium|Edg\//.test(navigator.userAgent);

/**
 * `it`, except in WebKit, where the test is skipped and the reason printed with the file's
 * browser logs. Only for what the WebKit session itself cannot do, never for a product bug.
 */
export function itExceptInWebKit(why: string, title: string, test: Mocha.Func): void {
  if (!inWebKit) {
    it(title, test);
    return;
  }
  console.log(`skipped in WebKit: "${title}": ${why}`);
  it.skip(title, test);
}

/** WebDriver runs MiniBrowser with ephemeral website data, as in a private window. */
export const ephemeralSession = {
  noHttpCache: 'the WebDriver session keeps no HTTP cache (ephemeral website data), so nothing is revalidated',
  noBlobsInIndexedDB:
    'the WebDriver session’s ephemeral IndexedDB refuses Blobs (as in a Safari private window, where takes live in memory only)',
};
