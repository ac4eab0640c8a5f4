import { ContextProvider } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { configContext, type OpenCallConfig } from '../core/context.js';
import type { SettingsController } from '../core/settings.js';

/**
 * Shares settings with every widget inside `host`, in its children or its own shadow root (the
 * answer form under a call, the recorder in the form), and keeps them current: each update
 * reads `value()` and passes it on when it says something new. Its own module, loaded with the
 * first widget that holds another, so a page that only lists calls never downloads it.
 */
export function shareSettings(host: ReactiveControllerHost & HTMLElement, value: () => OpenCallConfig): void {
  const provider = new ContextProvider(host, { context: configContext, initialValue: value() });
  host.addController({
    hostUpdate() {
      const next = value();
      if (!sameConfig(next, provider.value)) provider.setValue(next);
    },
  });
}

/** What a widget passes on to the widgets inside it: its settings as it uses them. */
export function settingsToShare(settings: SettingsController): OpenCallConfig {
  return {
    api: settings.api,
    lang: settings.lang,
    headers: settings.headers,
    theme: settings.theme,
    // The source this widget uses, so that widgets inside it talk to the same backend.
    source: settings.source,
    uploadEndpoint: settings.uploadEndpoint,
    timeout: settings.timeout,
  };
}

/**
 * Whether two configs say the same thing: values compared by identity, headers by what they say
 * (a widget with none set reads a new empty object each time). Providers publish a new value only
 * when it differs, so that consumers do not re-render with every provider update.
 */
function sameConfig(a: OpenCallConfig, b: OpenCallConfig): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as Array<keyof OpenCallConfig>);
  return [...keys].every((key) => (key === 'headers' ? sameHeaders(a.headers, b.headers) : a[key] === b[key]));
}

function sameHeaders(a: Record<string, string> = {}, b: Record<string, string> = {}): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => a[name] === b[name]);
}
