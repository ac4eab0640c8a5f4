// Contributions for the gallery's and the review's stories: a backend holds them only after
// visitors answered and organisers decided, so these sources answer from memory, with the calls
// from the seed and media beside the stories: they show where the Storybook is hosted alone.
import { BackendError } from '../src/api/request.js';
import type { CallSource } from '../src/api/source.js';
import type { Contribution, PublishedContribution } from '../src/api/types.js';
import { here, seedSource } from './seed-source.js';

const cover = (name: string) => ({
  url: here(`media/${name}.svg`),
  type: 'image/svg+xml',
  bytes: 2048,
  width: 1200,
  height: 675,
});

export const publishedContributions: PublishedContribution[] = [
  {
    id: 'c-1',
    callId: 'astronaut-one-liner',
    kind: 'text',
    title: 'Postcard',
    text: 'The Moon still owes me a postcard.',
    creditName: 'Aisyah',
    language: 'en',
    media: [],
    publishedAt: '2026-11-28T09:30:00Z',
    license: 'CC BY-SA 4.0',
  },
  {
    id: 'c-2',
    callId: 'astronaut-one-liner',
    kind: 'text',
    title: 'Rindu',
    text: 'Di bulan pun, saya rindu nasi lemak.',
    creditName: 'Hafiz',
    language: 'ms',
    media: [],
    basedOn: ['c-1'],
    publishedAt: '2026-11-27T14:00:00Z',
    license: 'CC BY-SA 4.0',
  },
  {
    id: 'c-3',
    callId: 'puisi-voices',
    kind: 'image',
    title: 'Puisi on rice paper',
    creditName: 'Mei Ling',
    media: [cover('puisi')],
    publishedAt: '2026-11-26T08:00:00Z',
    license: 'CC BY-SA 4.0',
  },
  {
    id: 'c-4',
    callId: 'puisi-voices',
    kind: 'audio',
    title: 'Puisi, slowly',
    creditName: 'Farid',
    media: [{ url: here('v1/media/c-4/0'), type: 'audio/ogg', bytes: 48_000, seconds: 9 }],
    publishedAt: '2026-11-25T18:20:00Z',
    license: 'CC BY-SA 4.0',
  },
];

const never = () => new Promise<never>(() => undefined);
const real = () => ({ ...seedSource, origin: location.origin });

/** The stories' published contributions, in pages of `size` (the next page after a cursor). */
export function galleryFrom(items: PublishedContribution[], size = 12): CallSource {
  return {
    ...real(),
    listContributions: async ({ cursor }) => {
      const start = Number(cursor ?? 0);
      const next = start + size < items.length ? String(start + size) : null;
      return { items: items.slice(start, start + size), next };
    },
  };
}

export const pendingGallery: CallSource = { ...real(), listContributions: never };
export const failingGallery: CallSource = {
  ...real(),
  listContributions: () => Promise.reject(new BackendError('unreachable', 'The network request failed.')),
};

/** The same contributions as an organiser sees them, waiting for review. */
export const receivedContributions: Contribution[] = publishedContributions.map((c, i) => ({
  id: c.id,
  callId: c.callId,
  campaign: 'this-is-malaysia',
  kind: c.kind,
  title: c.title,
  text: c.text,
  creditName: c.creditName,
  email: i % 2 ? undefined : `${c.creditName.toLowerCase().replace(/\W/g, '')}@example.org`,
  language: c.language,
  consent: { termsVersion: '2026-09', acceptedAt: c.publishedAt },
  basedOn: c.basedOn,
  status: 'received',
  receivedAt: c.publishedAt,
  media: c.media,
}));

/** An organiser's queue from memory: decisions change it as a backend would. */
export function reviewFrom(items: Contribution[]): CallSource {
  let queue = items.map((c) => ({ ...c }));
  return {
    ...real(),
    listReceived: async ({ status = 'received' }) => ({ items: queue.filter((c) => c.status === status), next: null }),
    reviewContribution: async (id, { status }) => {
      queue = queue.map((c) => (c.id === id ? { ...c, status } : c));
      return queue.find((c) => c.id === id) as Contribution;
    },
    exportCall: async () => new Blob(['PK'], { type: 'application/zip' }),
    // What the queue builds on, read as the review reads it: from the published listing.
    listContributions: galleryFrom(publishedContributions).listContributions,
  };
}

export const pendingReview: CallSource = { ...real(), listReceived: never };
export const forbiddenReview: CallSource = {
  ...real(),
  listReceived: () =>
    Promise.reject(new BackendError('problem', 'This token does not cover the campaign "this-is-malaysia".', 403)),
};
export const failingReview: CallSource = {
  ...real(),
  listReceived: () => Promise.reject(new BackendError('unreachable', 'The network request failed.')),
};
