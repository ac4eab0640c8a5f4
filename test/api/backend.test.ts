import { expect } from '@open-wc/testing';
import { parseCall, parseCallPage } from '../../src/api/validate.js';
import { backend, backendRequests } from '../harness/backend.js';
import { ephemeralSession, itExceptInWebKit } from '../harness/engine.js';

describe('the reference backend, seen from a browser on another origin', () => {
  it('lets this page read the open calls, and every call passes the widgets’ validation', async () => {
    const { api } = await backend();
    expect(new URL(api).origin).not.to.equal(location.origin);
    const res = await fetch(`${api}/calls?limit=50`);
    expect(res.status).to.equal(200);
    const page = parseCallPage(await res.json());
    expect(page.items.length).to.be.greaterThan(10);
    expect(page.items.every((c) => c.status === 'open')).to.equal(true);
  });

  itExceptInWebKit(
    ephemeralSession.noHttpCache,
    'exposes ETag to the page and revalidates through the browser cache',
    async () => {
      const { api } = await backend();
      const first = await fetch(`${api}/calls/puisi-voices`, { cache: 'no-cache' });
      expect(first.headers.get('etag')).to.match(/^".+"$/);
      const call = parseCall(await first.json());
      expect(call.languages).to.deep.equal(['ms']);
      await backendRequests();
      const again = await fetch(`${api}/calls/puisi-voices`, { cache: 'no-cache' });
      expect(again.status).to.equal(200);
      const seen = await backendRequests();
      expect(seen.some((line) => line.startsWith('GET /v1/calls/puisi-voices 304'))).to.equal(true, seen.join('\n'));
    },
  );
});
