import { css } from '../core/styles/css.js';

export const styles = css`
  .root {
    display: grid;
    gap: var(--_oc-space);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_oc-space);
    padding: var(--_oc-space);
    background: var(--_oc-surface);
    border: 1px solid var(--_oc-border);
    border-radius: var(--_oc-radius);
  }
  label {
    display: grid;
    gap: 0.25em;
    font-weight: 600;
  }
  select {
    font: inherit;
    min-height: 2.75rem;
    padding: 0 0.5em;
    border: 1px solid var(--_oc-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-surface);
    color: var(--_oc-text);
    max-width: 100%;
  }
  .shortcuts,
  .message {
    margin: 0;
    color: var(--_oc-text);
    background: var(--_oc-surface);
    padding: 0.25em 0.5em;
    border-radius: var(--_oc-radius);
  }
  .message {
    padding: var(--_oc-space);
    border: 1px dashed var(--_oc-border);
  }
  .message p {
    margin: 0 0 0.5em;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_oc-space);
  }
  .item {
    display: grid;
    gap: calc(var(--_oc-space) * 0.5);
    padding: var(--_oc-space);
    background: var(--_oc-surface);
    border: 1px solid var(--_oc-border);
    border-radius: var(--_oc-radius);
  }
  .item > * {
    margin: 0;
  }
  .title {
    font-size: 1.15em;
    overflow-wrap: anywhere;
  }
  .call {
    color: var(--_oc-muted);
  }
  .status {
    font-weight: 600;
  }
  .quote {
    padding: calc(var(--_oc-space) * 0.75);
    border-inline-start: 4px solid var(--_oc-accent);
    background: var(--_oc-subtle);
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .quote p {
    margin: 0;
  }
  .media {
    display: block;
    max-width: min(100%, 32rem);
    width: 100%;
    height: auto;
    background: var(--_oc-subtle);
  }
  audio.media {
    height: 3rem;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2em 1em;
  }
  .facts dt {
    color: var(--_oc-muted);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .error {
    color: var(--_oc-danger);
    background: var(--_oc-surface);
    margin: 0;
  }
  .more {
    display: grid;
    justify-items: center;
    gap: 0.5em;
  }
  @media (forced-colors: active) {
    .item,
    .filters,
    select {
      border-color: CanvasText;
    }
  }
`;
