import { css } from '../core/styles/css.js';

export const styles = css`
  .recorder {
    display: grid;
    gap: calc(var(--_oc-space) * 0.75);
    padding: var(--_oc-space);
    background: var(--_oc-subtle);
    border: 1px solid var(--_oc-border);
    border-radius: var(--_oc-radius);
  }
  .prompt p {
    margin: 0;
  }
  .prompt-label {
    color: var(--_oc-muted);
    font-size: 0.875em;
  }
  .prompt-title {
    font-family: var(--_oc-heading-font);
    font-size: 1.25em;
    font-weight: 700;
  }
  .prompt-summary {
    color: var(--_oc-muted);
  }
  .devices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_oc-space);
  }
  .device {
    display: grid;
    gap: 0.25rem;
    min-width: 12rem;
  }
  select {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.4em;
    border: 1px solid var(--_oc-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-surface);
    color: var(--_oc-text);
  }
  .preview,
  .take {
    width: 100%;
    max-width: 40rem;
    border-radius: var(--_oc-radius);
    background: #000;
  }
  audio.take {
    background: none;
  }
  .meter {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
  meter {
    flex: 1;
    max-width: 20rem;
    height: 1rem;
  }
  .controls,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
  }
  .controls p {
    margin: 0;
  }
  /* The take and its status each get a row of their own; the buttons share one. */
  .controls > .elapsed,
  .controls > .take {
    flex: 1 0 100%;
  }
  .hint,
  .upload-status {
    margin: 0;
    color: var(--_oc-muted);
  }
  .countdown {
    font-size: 2.5em;
    font-weight: 700;
    min-width: 2ch;
    font-variant-numeric: tabular-nums;
  }
  .elapsed {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    font-variant-numeric: tabular-nums;
  }
  .state.recording::before {
    content: '';
    display: inline-block;
    width: 0.75em;
    height: 0.75em;
    margin-inline-end: 0.4em;
    border-radius: 50%;
    background: var(--_oc-danger);
  }
  .problem {
    color: var(--_oc-danger);
  }
  .problem p {
    margin: 0 0 0.5rem;
  }
  .problem p + p {
    color: var(--_oc-text);
  }
`;
