import { expect } from '@open-wc/testing';
import { parseCall, parseCallPage } from '../../src/api/validate.js';
import { backend, backendRequests, reviewContribution } from '../harness/backend.js';

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

  it('exposes ETag to the page and revalidates through the browser cache', async () => {
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
  });

  it('lets an organiser page send its token and PATCH, and shows what was published to everyone', async () => {
    const { api, organiserToken } = await backend();
    const sent = await fetch(`${api}/calls/astronaut-one-liner/contributions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: 'text',
        text: 'Seen from a browser on another origin.',
        creditName: 'Browser test',
        email: 'browser@example.org',
        consent: { termsVersion: '2026-09', acceptedAt: new Date().toISOString() },
        uploads: [],
      }),
    });
    const { id } = (await sent.json()) as { id: string };
    const review = await fetch(`${api}/organiser/contributions/${id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${organiserToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'published' }),
    });
    expect(review.status).to.equal(200);
    expect(((await review.json()) as { email: string }).email).to.equal('browser@example.org');
    const refused = await fetch(`${api}/organiser/contributions`, { headers: { Authorization: 'Bearer wrong-token-of-no-one' } });
    expect(refused.status).to.equal(401);

    const published = await fetch(`${api}/contributions?call=astronaut-one-liner`);
    expect(published.headers.get('etag')).to.match(/^".+"$/);
    const page = (await published.json()) as { items: Array<{ id: string; email?: string }> };
    expect(page.items[0].id).to.equal(id);
    expect(page.items[0].email).to.equal(undefined);
    expect((await reviewContribution(id, 'rejected')).status).to.equal(200);
  });
});
