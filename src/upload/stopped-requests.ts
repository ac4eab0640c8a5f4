import type { HttpRequest, HttpStack } from 'tus-js-client';

/**
 * tus-js-client's HTTP requests, except that one stopped before it went out never goes out.
 * tus-js-client opens a chunk's request, then reads the chunk and runs onBeforeRequest before
 * sending it: an abort (pause, offline) in between aborts a request not yet sent, which the
 * browser ignores, and the chunk went out anyway. Its answer then carried the stopped upload on
 * beside the one started again when the visitor came back: two chains of PATCHes on one
 * upload, whose last chunks could wait on each other's lock on the server.
 */
export function stoppedRequestsStayUnsent(stack: HttpStack): HttpStack {
  return {
    getName: () => stack.getName(),
    createRequest(method, url) {
      const request = stack.createRequest(method, url);
      let stopped = false;
      const guarded: HttpRequest = {
        getMethod: () => request.getMethod(),
        getURL: () => request.getURL(),
        setHeader: (name, value) => request.setHeader(name, value),
        getHeader: (name) => request.getHeader(name),
        setProgressHandler: (handler) => request.setProgressHandler(handler),
        send: (body: unknown) =>
          stopped ? Promise.reject(new Error('tus: request stopped before it was sent')) : request.send(body),
        abort: () => {
          stopped = true;
          return request.abort();
        },
        getUnderlyingObject: () => request.getUnderlyingObject() as unknown,
      };
      return guarded;
    },
  };
}
