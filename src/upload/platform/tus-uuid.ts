// Stands in for tus-js-client's UUID helper in the CDN bundle (request ids, with `addRequestId`):
// every browser that runs the widgets makes a random UUID itself.
export default function uuid(): string {
  return crypto.randomUUID();
}
