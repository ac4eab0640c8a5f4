// A take is kept in IndexedDB while it is recorded (its chunks, then what is known of it), so
// that a later visit can offer it; one the visitor threw away must never be offered again.
import { expect } from '@open-wc/testing';
import { Take } from '../../src/record/takes/take.js';
import { takeStore } from '../../src/record/takes/take-store.js';

const format = { kind: 'audio', mimeType: 'audio/webm;codecs=opus', fileType: 'audio/webm', extension: 'webm' } as const;
const callId = 'kept-takes-test';

describe('a kept take', () => {
  it('stays thrown away when it is forgotten while its last writes are still being kept', async () => {
    const take = Take.begin(callId, format);
    // Writes queued one behind the other, as a recording that has just stopped leaves them.
    for (let i = 0; i < 8; i++) take.append(new Blob([new Uint8Array(64 * 1024).fill(i)]));
    take.finish();
    take.rememberUpload('http://127.0.0.1:9/v1/uploads/0123456789abcdef0123456789abcdef');
    await take.forget();
    // A write that was still queued would land after the forgetting: give it the time to.
    await new Promise((r) => setTimeout(r, 300));
    expect((await takeStore.unsent(callId)).map((t) => t.id)).to.not.include(take.id);
    expect(await takeStore.chunksOf(take.id)).to.have.length(0);
  });
});
