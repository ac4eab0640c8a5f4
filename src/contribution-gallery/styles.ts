import { css } from '../core/styles/css.js';

export const styles = css`
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--oc-gallery-column, 16rem)), 1fr));
    gap: var(--_oc-space);
    align-items: start;
  }
  .item {
    display: grid;
    gap: calc(var(--_oc-space) * 0.5);
    padding: var(--_oc-space);
    background: var(--_oc-surface);
    border: 1px solid var(--_oc-border);
    border-radius: var(--_oc-radius);
    min-width: 0;
  }
  .item > * {
    margin: 0;
  }
  .skeleton .box,
  .skeleton .line {
    aspect-ratio: 4 / 3;
    background: var(--_oc-subtle);
    border-radius: var(--_oc-radius);
  }
  .skeleton .line {
    aspect-ratio: auto;
    height: 1.3em;
  }
  .skeleton .short {
    width: 60%;
  }
  .skeleton .button {
    width: 8em;
    height: 2.75rem;
  }
  .prompt,
  .meta,
  .based-on,
  .hint {
    color: var(--_oc-muted);
    font-size: 0.9em;
  }
  /* On the widget's own surface: in the dark theme, the page around may be light. */
  .hint,
  .message {
    background: var(--_oc-surface);
  }
  .hint {
    justify-self: start;
    margin: 0 0 calc(var(--_oc-space) * 0.5);
    padding: 0.1em 0.5em;
    border-radius: var(--_oc-radius);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
  }
  .quote {
    margin: 0;
    padding: calc(var(--_oc-space) * 0.75);
    border-inline-start: 4px solid var(--_oc-accent);
    background: var(--_oc-subtle);
    font-size: 1.15em;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .quote p {
    margin: 0;
  }
  .media {
    display: block;
    width: 100%;
    max-width: 100%;
    border-radius: calc(var(--_oc-radius) * 0.5);
    background: var(--_oc-subtle);
  }
  img.media,
  video.media {
    height: auto;
    object-fit: contain;
  }
  img.media:not([width]),
  video.media:not([width]) {
    aspect-ratio: 4 / 3;
  }
  audio.media {
    height: 3rem;
  }
  .title {
    font-size: 1.1em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .credit {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .build-on {
    justify-self: start;
  }
  .building {
    grid-column: 1 / -1;
  }
  .building section {
    display: grid;
    gap: var(--_oc-space);
    padding: var(--_oc-space);
    border: 1px solid var(--_oc-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-surface);
  }
  .building-heading {
    margin: 0;
    font-size: 1.1em;
  }
  .building-heading:focus {
    outline: none;
  }
  .close {
    justify-self: start;
  }
  .more {
    display: grid;
    justify-items: center;
    gap: 0.5em;
    margin-top: var(--_oc-space);
  }
  .message {
    padding: var(--_oc-space);
    border: 1px dashed var(--_oc-border);
    border-radius: var(--_oc-radius);
  }
  .message p {
    margin: 0 0 0.5em;
  }
  .error {
    color: var(--_oc-danger);
  }
  @media (forced-colors: active) {
    .item,
    .quote {
      border-color: CanvasText;
    }
  }
`;
