/* global module */
// Puppeteer must not download its own browser: this project drives the system's
// Chromium and Firefox ESR (installed by .ci/run), and no other host is reachable.
module.exports = { skipDownload: true };
