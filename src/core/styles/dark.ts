import { unsafeCSS } from 'lit';

// Its own module: the build minifies css-tagged templates, but not a file that uses unsafeCSS, so
// the declarations are written without the spaces a template would carry.
/**
 * Dark fallbacks, for `theme="dark"` and for `auto` on a dark system: written once. A constant
 * of ours (unsafeCSS is for strings that no input ever reaches).
 */
const darkTokens = [
  '--_oc-text:var(--oc-color-text,#ececf1)',
  '--_oc-muted:var(--oc-color-muted,#b4b8c0)',
  '--_oc-surface:var(--oc-color-surface,#1f2023)',
  '--_oc-subtle:var(--oc-color-subtle,#2b2d31)',
  '--_oc-border:var(--oc-color-border,#44474e)',
  '--_oc-accent:var(--oc-color-accent,#a8c7fa)',
  '--_oc-on-accent:var(--oc-color-on-accent,#062e6f)',
  '--_oc-danger:var(--oc-color-danger,#f2b8b5)',
  '--_oc-success:var(--oc-color-success,#8fd6a0)',
  '--_oc-focus:var(--oc-color-focus,#a8c7fa)',
  'color-scheme:dark',
].join(';');
export const dark = unsafeCSS(`.root.dark{${darkTokens}}@media (prefers-color-scheme:dark){.root.auto{${darkTokens}}}`);
