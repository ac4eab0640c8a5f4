import { formatLocale } from './words.js';

/** Each unit a relative time may use, with its length in seconds: the largest that fits is used. */
const timeUnits: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 1],
  ['minute', 60],
  ['hour', 3600],
  ['day', 86_400],
  ['week', 7 * 86_400],
  ['month', 30 * 86_400],
  ['year', 365 * 86_400],
];

/** Whether a widget on this page has made its formatters in advance (see the constructor). */
let warmed: unknown;

/**
 * Numbers, sizes, durations, dates and language names for one locale, through Intl, as a
 * call's card shows them. Made once per language change, not per render.
 */
export class Formats {
  /** The locale of the language shown (see formatLocale). */
  readonly locale: string;
  // Building an Intl formatter costs far more than using one, and a page's first costs most (on a
  // slow phone, longer than a frame): each is made when first used, once per options.
  readonly #numberFormats = new Map<string, Intl.NumberFormat>();
  #relative?: Intl.RelativeTimeFormat;
  #dateTime?: Intl.DateTimeFormat;
  #languages?: Intl.DisplayNames;

  constructor(lang: string) {
    this.locale = formatLocale(lang);
    // The formatters a call's card uses, made before they are needed (while a list waits for its
    // calls), one per task, by the page's first widget. A page's first Intl formatter costs most
    // (ICU loading its data: on a slow phone, longer than a frame), and that data is the
    // process's: a worker pays for it first, off the page's thread. Making the worker takes a
    // while too: in a task of its own. Where the page's Content-Security-Policy refuses a worker
    // made from a blob (a line in the console), the first formatter made here pays instead.
    if (!warmed)
      warmed = setTimeout(() => {
        // '2000' is something each of them can format (a count, a date, a tag, a list of letters).
        const warm = () => {
          for (const use of ['count', 'relativeTo', 'date', 'language', 'list'] as const)
            setTimeout(() => this[use]('2000' as never));
        };
        try {
          const url = URL.createObjectURL(
            new Blob([`postMessage(new Intl.NumberFormat(${JSON.stringify(this.locale)}).format());close()`]),
          );
          const worker = new Worker(url);
          worker.onmessage = worker.onerror = () => {
            URL.revokeObjectURL(url);
            warm();
          };
        } catch {
          // A browser that refuses the worker at once rather than with an error event.
          warm();
        }
      });
  }

  count(n: number): string {
    return this.number({ maximumFractionDigits: 0 }).format(n);
  }

  /** Bytes in the largest unit that keeps the number readable: "50 MB", "1.5 GB". */
  size(bytes: number): string {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return this.number({
      style: 'unit',
      unit: units[unit],
      unitDisplay: unit === 0 ? 'long' : 'short',
      maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
    }).format(value);
  }

  /** Seconds as a person says them: "30 seconds", "2 minutes", "1 hr 30 min". */
  duration(seconds: number): string {
    if (seconds < 60) return this.#unit(seconds, 'second');
    if (seconds < 3600 && seconds % 60 === 0) return this.#unit(seconds / 60, 'minute');
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return this.#unit(minutes, 'minute');
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? this.#unit(h, 'hour') : `${this.#unit(h, 'hour', 'short')} ${this.#unit(m, 'minute', 'short')}`;
  }

  #unit(value: number, unit: string, unitDisplay: 'long' | 'short' = 'long'): string {
    return this.number({ style: 'unit', unit, unitDisplay, maximumFractionDigits: 0 }).format(value);
  }

  /** A number formatter for these options, made once (the upload path formats its percentages with it). */
  number(options: Intl.NumberFormatOptions): Intl.NumberFormat {
    const key = JSON.stringify(options);
    let format = this.#numberFormats.get(key);
    if (!format) this.#numberFormats.set(key, (format = new Intl.NumberFormat(this.locale, options)));
    return format;
  }

  /** A date in the viewer's time zone: "30 June 2027 at 23:59". */
  date(iso: string): string {
    return (this.#dateTime ??= new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeStyle: 'short' })).format(
      new Date(iso),
    );
  }

  /** "in 3 days", "2 weeks ago", "tomorrow": the largest unit that fits. */
  relativeTo(iso: string, now = Date.now()): string {
    const seconds = (Date.parse(iso) - now) / 1000;
    const abs = Math.abs(seconds);
    let [unit, size] = timeUnits[0];
    for (const [u, length] of timeUnits) if (abs >= length) [unit, size] = [u, length];
    return (this.#relative ??= new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' })).format(
      Math.round(seconds / size),
      unit,
    );
  }

  /** "Malay", "Bahasa Melayu"… in the UI's language. */
  language(tag: string): string {
    try {
      return (this.#languages ??= new Intl.DisplayNames(this.locale, { type: 'language', fallback: 'code' })).of(tag) ?? tag;
    } catch {
      return tag;
    }
  }

  /** "audio, image and video"; with `disjunction`, "audio or video". */
  list(items: string[], type: Intl.ListFormatType = 'conjunction'): string {
    return (this.#lists[type] ??= new Intl.ListFormat(this.locale, { type })).format(items);
  }

  readonly #lists: Partial<Record<Intl.ListFormatType, Intl.ListFormat>> = {};
}
