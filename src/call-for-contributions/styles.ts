import { css } from '../core/styles/css.js';
import { placeholders } from '../core/styles/placeholders.js';

const own = css`
  :host {
    container-type: inline-size;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_oc-space);
  }
  /* The cards past the first screen's two (as many as the placeholders) are laid out once they
     come near: a page of them at once takes a slow phone longer than a frame. Until then each
     keeps the height it last had, or about a card's. */
  .list > li:nth-child(n + 3) {
    content-visibility: auto;
    contain-intrinsic-size: auto 36rem;
  }
  .card {
    display: grid;
    background: var(--_oc-surface);
    color: var(--_oc-text);
    border: 1px solid var(--_oc-border);
    border-radius: var(--_oc-radius);
    overflow: hidden;
    min-height: 16rem;
  }
  /* A cover keeps its own shape (its width and height attributes hold its place): no crop. */
  .cover,
  .cover-placeholder {
    display: block;
    width: 100%;
    height: auto;
    background: var(--_oc-subtle);
  }
  .cover-placeholder {
    aspect-ratio: 16 / 9;
  }
  @container (min-width: 40rem) {
    .card:not(.single) {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      align-items: start;
    }
    .card:not(.single) .cover-placeholder {
      height: 100%;
    }
  }
  .body {
    padding: var(--_oc-space);
    display: grid;
    gap: calc(var(--_oc-space) * 0.6);
    align-content: start;
  }
  .body > * {
    margin: 0;
  }
  .title {
    font-family: var(--_oc-heading-font);
    font-size: 1.25em;
    line-height: 1.25;
  }
  .single .title {
    font-size: 1.6em;
  }
  .status {
    justify-self: start;
    font-size: 0.85em;
    font-weight: 600;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid currentColor;
    color: var(--_oc-muted);
  }
  .card.closed,
  .card.upcoming {
    background: var(--_oc-subtle);
  }
  .card.closed .cover {
    filter: grayscale(1);
  }
  .accepts {
    list-style: none;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em 1em;
    font-size: 0.9em;
  }
  .accepts li {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  .icon {
    width: 1.2em;
    height: 1.2em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
    font-size: 0.9em;
    color: var(--_oc-muted);
  }
  .meta-item {
    display: flex;
    gap: 0.35em;
    flex-wrap: wrap;
  }
  .meta dt {
    font-weight: 600;
  }
  .meta dt::after {
    content: ':';
  }
  .meta dd {
    margin: 0;
  }
  .count {
    font-size: 0.9em;
    color: var(--_oc-muted);
  }
  .description summary {
    cursor: pointer;
    color: var(--_oc-accent);
    min-height: 1.5rem;
  }
  .description p,
  .description ul,
  .description ol {
    margin: 0.6em 0 0;
  }
  .description .plain {
    white-space: pre-line;
  }
  .contribute {
    justify-self: start;
  }
  .not-answerable {
    color: var(--_oc-muted);
    font-style: italic;
  }
  /* A page of placeholders: two pulses each (cover and text), not one per line. */
  .skeleton > * {
    animation: pulse 1.4s ease-in-out infinite;
  }
  .skeleton .body {
    gap: 0.55em;
  }
  .skeleton .title-line {
    height: 1.35em;
  }
  .skeleton .button-line {
    height: 2.75rem;
    width: 8rem;
    margin-top: 0.3em;
  }
  .loading {
    display: grid;
    gap: var(--_oc-space);
  }
  .message {
    padding: var(--_oc-space);
    border: 1px solid var(--_oc-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-surface);
    display: grid;
    gap: 0.6em;
    justify-items: start;
  }
  .message > * {
    margin: 0;
  }
  .message.error {
    border-color: var(--_oc-danger);
  }
  .more {
    display: grid;
    justify-items: center;
    gap: 0.5em;
    margin-top: var(--_oc-space);
  }
  @media (forced-colors: active) {
    .card,
    .message {
      border: 1px solid CanvasText;
    }
  }
`;

export const styles = [placeholders, own];
