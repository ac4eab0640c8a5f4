// Entry of the single-file bundle a blogger pastes: defines every element. The list comes with
// it; the rest loads when it is needed: the answer form and the recorder (with tus-js-client)
// when someone presses Contribute or when the page has their tag, the gallery and the review
// on pages with their tags, and `<open-call-config>` when the page has one (widgets inside it
// wait for it: see SettingsController.sharedSettingsArriving).
import { define } from './core/define.js';
// A page adds a language, or changes some words, with this (see the README): it weighs a few bytes.
export { registerWords } from './core/words.js';
import { CallForContributionsElement } from './call-for-contributions/call-for-contributions.js';

// After a yield: evaluating this script and showing the lists each take a task of their own on a
// slow phone (the pasted style keeps the list's place until then).
setTimeout(() => define('call-for-contributions', CallForContributionsElement));

const later = new Map<string, () => Promise<unknown>>([
  ['open-call-config', () => import('./open-call-config/define.js')],
  ['contribution-uploader', () => import('./contribution-uploader/define.js')],
  ['contribution-recorder', () => import('./contribution-recorder/define.js')],
  ['contribution-gallery', () => import('./contribution-gallery/define.js')],
  ['contribution-review', () => import('./contribution-review/define.js')],
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
