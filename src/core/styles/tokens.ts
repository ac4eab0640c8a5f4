import { css } from './css.js';
import { dark } from './dark.js';

/**
 * The shared look. Public `--oc-*` custom properties (each with a fallback) feed private
 * `--_oc-*` ones that the stylesheets use, so a theme only sets fallbacks. The widget takes
 * the page's font by default so that it looks at home in an article; the other inherited
 * properties a blog theme might set oddly (line height, alignment, spacing) are reset.
 */
const base = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  /*
   * Inherited properties are reset here, inside the shadow root, not on :host: a page's rule
   * such as "* { line-height: 0.6 }" matches the host and beats :host, but cannot reach this.
   */
  .root {
    font: var(--oc-font, inherit);
    font-style: normal;
    line-height: 1.5;
    text-align: start;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
    --_oc-text: var(--oc-color-text, #1d1d1f);
    --_oc-muted: var(--oc-color-muted, #595e66);
    --_oc-surface: var(--oc-color-surface, #ffffff);
    --_oc-subtle: var(--oc-color-subtle, #f2f3f5);
    --_oc-border: var(--oc-color-border, #d5d8dd);
    --_oc-accent: var(--oc-color-accent, #0b57d0);
    --_oc-on-accent: var(--oc-color-on-accent, #ffffff);
    --_oc-danger: var(--oc-color-danger, #b3261e);
    --_oc-success: var(--oc-color-success, #146c2e);
    --_oc-focus: var(--oc-color-focus, #0b57d0);
    --_oc-radius: var(--oc-radius, 0.5rem);
    --_oc-space: var(--oc-space, 1rem);
    --_oc-heading-font: var(--oc-heading-font, inherit);
    color-scheme: light;
    color: var(--_oc-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_oc-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* A page's own rules do not reach in here: only what the browser gives controls needs undoing. */
  button {
    font: inherit;
    letter-spacing: inherit;
    cursor: pointer;
    border-radius: var(--_oc-radius);
    padding: 0.5em 1.1em;
    min-height: 2.75rem;
    line-height: 1.2;
    border: 1px solid var(--_oc-accent);
    background: var(--_oc-surface);
    color: var(--_oc-accent);
  }
  button.primary {
    background: var(--_oc-accent);
    color: var(--_oc-on-accent);
  }
  button:hover {
    filter: brightness(0.95);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  a {
    color: var(--_oc-accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  img {
    max-width: 100%;
    height: auto;
  }
  @media (forced-colors: active) {
    button,
    button.primary {
      border: 1px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;

export const tokens = [base, dark];

/** The wrapper's class for a theme value. */
export const themeClass = (theme: 'light' | 'dark' | 'auto') => `root ${theme}`;
