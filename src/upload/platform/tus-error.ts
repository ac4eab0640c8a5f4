import type { HttpRequest, HttpResponse } from 'tus-js-client';

/**
 * Stands in for tus-js-client's DetailedError in the CDN bundle, with the same fields:
 * FileUpload words a failure from its response's status, never from the message, so the
 * message here leaves out the request's details (and the helpers that compose them).
 */
export default class DetailedError extends Error {
  constructor(
    message: string,
    readonly causingError: Error | null = null,
    readonly originalRequest: HttpRequest | null = null,
    readonly originalResponse: HttpResponse | null = null,
  ) {
    super(causingError ? `${message}, caused by ${String(causingError)}` : message);
  }
}
