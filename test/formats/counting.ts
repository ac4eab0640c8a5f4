// Counts the Intl relative-time formatters and workers a page makes, so that a test can see
// the formats' warm-up happen without timing it.
export const made = { relativeFormats: 0, workers: 0 };

const RelativeTimeFormat = Intl.RelativeTimeFormat;
Object.defineProperty(Intl, 'RelativeTimeFormat', {
  value: new Proxy(RelativeTimeFormat, {
    construct(target, args: ConstructorParameters<typeof RelativeTimeFormat>) {
      made.relativeFormats++;
      return new target(...args);
    },
  }),
});
const PageWorker = window.Worker;
window.Worker = new Proxy(PageWorker, {
  construct(target, args: ConstructorParameters<typeof Worker>) {
    made.workers++;
    return new target(...args);
  },
});
