import type { Formats } from '../core/format.js';

/** "50%" in the widget's locale: only uploads show a percentage, so the list's script does not carry it. */
export function percent(formats: Formats, fraction: number): string {
  return formats.number({ style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}
