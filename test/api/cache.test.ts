import { expect } from '@open-wc/testing';
import { cached, forget } from '../../src/api/cache.js';

/** A load that the test settles by hand, recording the signal it was given. */
function deferred() {
  let resolve!: (v: unknown) => void;
  const signals: AbortSignal[] = [];
  let calls = 0;
  const load = (signal: AbortSignal) => {
    calls++;
    signals.push(signal);
    return new Promise((r) => (resolve = r));
  };
  return { load, signals, resolve: (v: unknown) => resolve(v), calls: () => calls };
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

describe('the page-wide cache', () => {
  afterEach(() => forget());

  it('shares one load between callers asking for the same key at once', async () => {
    const d = deferred();
    const a = cached('k1', d.load);
    const b = cached('k1', d.load);
    d.resolve({ n: 1 });
    expect(await a).to.deep.equal({ n: 1 });
    expect(await b).to.equal(await a);
    expect(d.calls()).to.equal(1);
    await cached('k1', d.load);
    expect(d.calls()).to.equal(1);
  });

  it('keeps a shared load going while one caller still wants it, and aborts it when none does', async () => {
    const d = deferred();
    const first = new AbortController();
    const second = new AbortController();
    const a = cached('k2', d.load, first.signal);
    const b = cached('k2', d.load, second.signal);
    first.abort();
    await rejection(a);
    expect(d.signals[0].aborted).to.equal(false);
    second.abort();
    await rejection(b);
    expect(d.signals[0].aborted).to.equal(true);
    // Nobody holds the aborted load: the next caller starts a new one.
    const c = cached('k2', d.load);
    d.resolve('fresh');
    expect(await c).to.equal('fresh');
    expect(d.calls()).to.equal(2);
  });

  it('does not keep failures: the next caller tries again', async () => {
    let attempt = 0;
    const load = async () => {
      attempt++;
      if (attempt === 1) throw new Error('down');
      return 'up';
    };
    expect(((await rejection(cached('k3', load))) as Error).message).to.equal('down');
    expect(await cached('k3', load)).to.equal('up');
  });
});
