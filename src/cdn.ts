// Entry of the single-file bundle a blogger pastes: defines every element. The list and the
// shared settings come with it; the answer form and the recorder (with tus-js-client) load
// when they are needed: when someone presses Contribute, or when the page has the tag itself.
import './config/define.js';
import './call-for-contributions/define.js';

const later = new Map<string, () => Promise<unknown>>([
  ['contribution-uploader', () => import('./contribution-uploader/define.js')],
  ['contribution-recorder', () => import('./contribution-recorder/define.js')],
]);

/** Loads each element the page uses; true when none is left to load. */
function loadUsed(): boolean {
  for (const [tag, load] of later)
    if (document.querySelector(tag)) {
      void load();
      later.delete(tag);
    }
  return later.size === 0;
}

// The page may add the tags later (a single-page app, a lazily loaded article).
if (!loadUsed()) {
  const watcher = new MutationObserver(() => loadUsed() && watcher.disconnect());
  watcher.observe(document, { childList: true, subtree: true });
}
