// A hint, in localStorage, that this browser keeps takes in IndexedDB: the answer form looks
// for unsent takes only then, so the many visitors who never record never open IndexedDB nor
// download the code that reads it.
const key = 'open-call-widgets:kept-takes';

export function mayHaveKeptTakes(): boolean {
  try {
    return localStorage.getItem(key) !== null;
  } catch {
    return true; // Unknown: look.
  }
}

export function markKeptTakes(kept: boolean): void {
  try {
    if (kept) localStorage.setItem(key, '1');
    else localStorage.removeItem(key);
  } catch {
    // Storage refused: the form will look in IndexedDB every time.
  }
}
