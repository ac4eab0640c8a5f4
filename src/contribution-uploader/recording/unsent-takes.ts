import { html, nothing, type TemplateResult } from 'lit';
import type { Formats } from '../../core/format.js';
import type { UploaderWords } from '../words/words.js';
import type { StoredTake } from '../../record/takes/take-store.js';

/** "You have an unsent recording from 14:02: send it, or discard it." */
export function unsentTakes(
  takes: readonly StoredTake[],
  c: { words: UploaderWords; formats: Formats; send(take: StoredTake): void; discard(take: StoredTake): void },
): TemplateResult | typeof nothing {
  if (takes.length === 0) return nothing;
  const s = c.words;
  return html`<ul class="unsent" part="unsent">
    ${takes.map(
      (take) =>
        html`<li>
          <p>${s.unsentTake(c.formats.date(new Date(take.startedAt).toISOString()))}</p>
          <button type="button" class="primary send-take" @click=${() => c.send(take)}>${s.sendTake}</button>
          <button type="button" class="discard-take" @click=${() => c.discard(take)}>${s.discardTake}</button>
        </li>`,
    )}
  </ul>`;
}
