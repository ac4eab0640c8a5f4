import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checked } from '../api/request.js';
import { getCall, httpSource, type CallSource } from '../api/source.js';
import { parseCall } from '../api/validate.js';
import { MissingBackend } from '../i18n/failure.js';
import type { Call } from '../api/types.js';
import { resolveLang, widgetStrings, type StringTable, type Strings } from '../i18n/index.js';
import { Formats } from '../i18n/format.js';
import { configContext, type OpenCallConfig, type Theme } from './context.js';

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
  readonly #consumer: ContextConsumer<typeof configContext, Host>;

  constructor(private readonly host: Host) {
    host.addController(this);
    this.#consumer = new ContextConsumer(host, {
      context: configContext,
      subscribe: true,
      callback: (value) => {
        this.#provided = value ?? {};
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    // The language may come from the page (`<html lang>`): read it again when connected.
    this.host.requestUpdate();
  }

  /**
   * Settles when an enclosing `<open-call-config>` has been defined and has answered; undefined
   * when there is none waiting. The CDN script loads that element's code only on pages that
   * have one, so a widget inside may come first: it waits rather than show a missing backend.
   */
  configArriving(): Promise<void> | undefined {
    if (customElements.get('open-call-config')) return undefined;
    for (let node = this.host.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode)
      if (node instanceof Element && node.localName === 'open-call-config')
        // Asked before the element was defined, nobody answered: ask again.
        return customElements.whenDefined('open-call-config').then(() => this.#consumer.hostConnected());
    return undefined;
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

  /**
   * Where a call's files go, with the headers and the only origins they may be sent to: the
   * API's and the upload endpoint's.
   */
  uploadTarget(call: Call): { endpoint: string; headers: Record<string, string>; headerOrigins: string[] } {
    const endpoint = this.uploadEndpoint ?? call.upload.endpoint;
    const origins = new Set<string>();
    for (const url of [this.api, endpoint]) if (url) origins.add(new URL(url, document.baseURI).origin);
    return { endpoint, headers: this.headers, headerOrigins: [...origins] };
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

  /** The words every widget uses, in this element's language. */
  get strings(): Strings {
    return widgetStrings.get(this.lang);
  }

  /** The words of `table` in this element's language (English until its own have arrived). */
  words<T>(table: StringTable<T>): T {
    return table.get(this.lang);
  }

  /** Settles when every table has arrived in this element's language; undefined when they have. */
  wordsArriving(tables: readonly StringTable<unknown>[]): Promise<unknown> | undefined {
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

  /** What this element passes on to widgets inside it. */
  get effective(): OpenCallConfig {
    return {
      api: this.api,
      lang: this.lang,
      headers: this.headers,
      theme: this.theme,
      // The source this element uses, so that widgets inside it talk to the same backend.
      source: this.source,
      uploadEndpoint: this.uploadEndpoint,
      timeout: this.timeout,
    };
  }
}
