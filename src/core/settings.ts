import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checked } from '../api/request.js';
import { getCall, httpSource, type CallSource } from '../api/source.js';
import { parseCall } from '../api/validate.js';
import { MissingBackend } from './failure.js';
import type { Call } from '../api/types.js';
import { resolveLang, type WordTable } from './words.js';
import { Formats } from './format.js';
import { enclosing } from './dom.js';
import { loadOnce } from './load.js';
import { sharingTags, type OpenCallConfig, type Theme } from './context.js';

const loadReceiver = loadOnce('the code that receives shared settings', () => import('../open-call-config/receive.js'));

/** An element that may set each setting itself; its own value wins over the provided one. */
type Host = ReactiveControllerHost & HTMLElement & OpenCallConfig;

/**
 * An element's effective settings: its own attribute or property, else the value provided by
 * an enclosing `<open-call-config>` or widget (a list passes its settings to the answer form, the
 * form to its recorder), else the default.
 */
export class SettingsController implements ReactiveController {
  #provided: OpenCallConfig = {};
  #sourceKey = '';
  #cachedSource?: CallSource;
  #formatsLang = '';
  #cachedFormats?: Formats;
  /** Set once this element listens to the settings of an enclosing element that shares them. */
  #receiving?: Promise<void>;
  #receives = false;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    // The language may come from the page (`<html lang>`): read it again when connected.
    this.host.requestUpdate();
  }

  /**
   * Settles once the settings of an enclosing element that shares them (`<open-call-config>`,
   * or the list or form this widget sits in) have arrived; undefined when there are none to
   * wait for. The code that receives them, and in the CDN bundle `<open-call-config>` itself,
   * load only then, so a page with a plain list downloads neither; a widget that comes before
   * its config's code waits for it rather than show a missing backend.
   */
  sharedSettingsArriving(): Promise<void> | undefined {
    if (this.#receives) return undefined;
    const sharer = enclosing(this.host, (e) => sharingTags.includes(e.localName))?.localName;
    if (!sharer) return undefined;
    this.#receiving ??= loadReceiver().then(async (receiver) => {
      // Without its code (offline, a file missing on a CDN), the widget goes on with its own settings.
      await receiver?.receiveSettings(this.host, sharer, (value) => {
        this.#provided = value;
        this.host.requestUpdate();
      });
      this.#receives = true;
    });
    return this.#receiving;
  }

  get api(): string | undefined {
    return this.host.api || this.#provided.api || undefined;
  }

  get headers(): Record<string, string> {
    return this.host.headers ?? this.#provided.headers ?? {};
  }

  get uploadEndpoint(): string | undefined {
    return this.host.uploadEndpoint || this.#provided.uploadEndpoint || undefined;
  }

  /**
   * The call a widget shows: the object it was given (checked like a backend's answer), else the
   * one with this id from the backend. Without either, a set-up mistake the widget explains.
   */
  async call(callData: unknown, id: string | undefined, signal?: AbortSignal): Promise<Call> {
    if (callData) return checked(callData, (v) => parseCall(v));
    const source = this.source;
    if (source && id) return getCall(source, id, signal);
    throw new MissingBackend();
  }

  /** The same object while api and headers stay the same, so data loads do not restart. */
  get source(): CallSource | undefined {
    if (this.host.source) return this.host.source;
    if (this.#provided.source && !this.host.api) return this.#provided.source;
    const api = this.api;
    if (!api) return undefined;
    const key = JSON.stringify([api, this.headers, this.timeout]);
    if (key !== this.#sourceKey || !this.#cachedSource) {
      this.#sourceKey = key;
      this.#cachedSource = httpSource(api, { headers: this.headers, timeoutMs: this.timeout });
    }
    return this.#cachedSource;
  }

  get timeout(): number | undefined {
    const timeout = this.host.timeout ?? this.#provided.timeout;
    return timeout && timeout > 0 ? timeout : undefined;
  }

  get lang(): string {
    return resolveLang(this.host, this.#provided.lang);
  }

  get theme(): Theme {
    const theme = this.host.theme ?? this.#provided.theme;
    return theme === 'light' || theme === 'dark' ? theme : 'auto';
  }

  /** The words of `table` in this element's language (English until its own have arrived). */
  words<T>(table: WordTable<T>): T {
    return table.get(this.lang);
  }

  /** Settles when every table has arrived in this element's language; undefined when they have. */
  wordsArriving(tables: readonly WordTable<unknown>[]): Promise<unknown> | undefined {
    const lang = this.lang;
    const arriving = tables.map((table) => table.load(lang)).filter((p) => p !== undefined);
    return arriving.length ? Promise.all(arriving) : undefined;
  }

  get formats(): Formats {
    const lang = this.lang;
    if (lang !== this.#formatsLang || !this.#cachedFormats) {
      this.#formatsLang = lang;
      this.#cachedFormats = new Formats(lang);
    }
    return this.#cachedFormats;
  }
}
