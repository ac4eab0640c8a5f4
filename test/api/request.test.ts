import { expect } from '@open-wc/testing';
import { BackendError, requestJson } from '../../src/api/request.js';
import { backend } from '../harness/backend.js';

async function failure(url: string, options = {}): Promise<BackendError> {
  try {
    await requestJson(url, options);
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error(`${url} did not fail`);
}

describe('talking to a backend', () => {
  it('reads JSON from the reference backend', async () => {
    const { api } = await backend();
    const body = (await requestJson(`${api}/calls/puisi-voices`)) as { id: string };
    expect(body.id).to.equal('puisi-voices');
  });

  it('names each way it can fail', async () => {
    const { api } = await backend();
    const notFound = await failure(`${api}/calls/nope`);
    expect([notFound.kind, notFound.status, notFound.problem?.title]).to.deep.equal(['not-found', 404, 'There is no such call.']);
    expect((await failure('/faults/html/v1/calls')).kind).to.equal('invalid');
    const problem = await failure('/faults/problem/v1/calls');
    // The message is for the site's developer: the request, its status and the backend's words.
    expect([problem.kind, problem.status, problem.problem?.detail]).to.deep.equal([
      'problem',
      500,
      'The calls database did not answer.',
    ]);
    expect(problem.message).to.equal('GET /faults/problem/v1/calls answered 500: The calls database did not answer.');
    expect((await failure('http://127.0.0.1:9/v1/calls')).kind).to.equal('unreachable');
    expect((await failure('/faults/slow/v1/calls', { timeoutMs: 200 })).kind).to.equal('timeout');
  });

  it('rejects with the caller’s own reason when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = requestJson('/faults/slow/v1/calls', { signal: controller.signal });
    controller.abort(new DOMException('gone', 'AbortError'));
    const reason = await pending.catch((e: unknown) => e);
    expect(reason).to.be.instanceOf(DOMException);
    expect(reason).not.to.be.instanceOf(BackendError);
  });
});
