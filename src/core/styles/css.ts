import { unsafeCSS, type CSSResult } from 'lit';

/**
 * The tag of the widgets' stylesheets, which take no values: a stylesheet here is a constant
 * (the type refuses `${…}`), so no input can ever reach one. Lit's own css function carries
 * checks for interpolated values that these never have, which the list's script would carry.
 */
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);
