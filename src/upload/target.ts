import type { Call } from '../api/types.js';
import type { SettingsController } from '../core/settings.js';

/**
 * Where a call's files go, with the headers and the only origins they may be sent to: the
 * API's and the upload endpoint's. For the answer form and the recorder alike.
 */
export function uploadTarget(
  settings: SettingsController,
  call: Call,
): { endpoint: string; headers: Record<string, string>; headerOrigins: string[] } {
  const endpoint = settings.uploadEndpoint ?? call.upload.endpoint;
  const origins = new Set<string>();
  for (const url of [settings.api, endpoint]) if (url) origins.add(new URL(url, document.baseURI).origin);
  return { endpoint, headers: settings.headers, headerOrigins: [...origins] };
}
