import { css } from './css.js';

/**
 * The colours. A partner's `--oc-color-*` always win (and may be `light-dark(light, dark)`
 * pairs). The others follow the surface, so that they stay readable on it in either colour
 * scheme: never a light partner surface under the dark palette's near-white text.
 * - The surface and the text are a light and a dark default through `light-dark()`, which
 *   follows the widget's `color-scheme`: inherited from the page for `theme="auto"` (a page that
 *   declares nothing is light; `color-scheme: light dark` follows the visitor's system), set by
 *   `theme="light"` and `theme="dark"`. A partner's surface alone gives a text colour that reads
 *   on it; a partner's text colour alone, a surface it reads on.
 * - Muted text, the subtle background and borders are mixes of the two; the accent, danger and
 *   success colours are dark on a light surface and light on a dark one (oklch lightness 0.62 is
 *   the turn), and text on the accent is white on a dark accent, near black on a light one.
 * A derived colour that refers to a partner's property without a fallback is invalid when the
 * partner did not set it, and the `var()` that reads it then falls back to the default.
 */
export const palette = css`
  .root {
    --_oc-surface: var(--oc-color-surface, var(--_oc-surface-for-text, light-dark(#fff, #1f2023)));
    --_oc-text: var(--oc-color-text, var(--_oc-text-for-surface, light-dark(#1d1d1f, #ececf1)));
    --_oc-surface-for-text: oklch(from var(--oc-color-text) clamp(0.25, (0.62 - l) * 999, 0.995) 0.005 h);
    --_oc-text-for-surface: oklch(from var(--oc-color-surface) clamp(0.22, (0.62 - l) * 999, 0.95) 0.01 h);
    --_oc-muted: var(--oc-color-muted, color-mix(in oklab, var(--_oc-text) 72%, var(--_oc-surface)));
    --_oc-subtle: var(--oc-color-subtle, color-mix(in oklab, var(--_oc-surface) 93%, var(--_oc-text)));
    --_oc-border: var(--oc-color-border, color-mix(in oklab, var(--_oc-surface) 78%, var(--_oc-text)));
    --_oc-accent: var(
      --oc-color-accent,
      oklch(from var(--_oc-surface) clamp(0.51, (0.62 - l) * 999, 0.82) clamp(0.08, (l - 0.62) * 999, 0.19) 262)
    );
    --_oc-on-accent: var(--oc-color-on-accent, oklch(from var(--_oc-accent) clamp(0.25, (0.62 - l) * 999, 1) 0.04 h));
    --_oc-danger: var(
      --oc-color-danger,
      oklch(from var(--_oc-surface) clamp(0.51, (0.62 - l) * 999, 0.83) clamp(0.07, (l - 0.62) * 999, 0.18) 27)
    );
    --_oc-success: var(
      --oc-color-success,
      oklch(from var(--_oc-surface) clamp(0.48, (0.62 - l) * 999, 0.82) clamp(0.11, (l - 0.62) * 999, 0.12) 150)
    );
    --_oc-focus: var(--oc-color-focus, var(--_oc-accent));
    /*
     * The page's own background is unknown: a widget whose colours may not be the page's (a
     * partner's surface or text colour, a theme set on the widget) stands on its surface, so
     * that its text outside the cards (a form's labels) is read on the colour it was chosen for.
     * Otherwise it is clear.
     */
    background: var(--oc-color-surface, var(--_oc-surface-for-text));
  }
  .root.light {
    color-scheme: light;
    background: var(--_oc-surface);
  }
  .root.dark {
    color-scheme: dark;
    background: var(--_oc-surface);
  }
`;
