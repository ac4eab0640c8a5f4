import { Problem } from '../problem.js';
import { InvalidCursorError, type ContributionPage } from '../stores/contributions.js';

/** `limit` from a query: a whole number from 1 to `most`, or `fallback` when absent. */
export function pageLimit(value: string | undefined, fallback: number, most: number): number {
  if (value === undefined) return fallback;
  const limit = Number(value);
  if (!/^\d{1,4}$/.test(value) || limit < 1 || limit > most)
    throw Problem.badRequest('limit', `limit must be a whole number from 1 to ${most}.`);
  return limit;
}

/** A store's page, with a cursor the store did not give out answered as a bad query (400). */
export async function storePage(read: () => Promise<ContributionPage>): Promise<ContributionPage> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InvalidCursorError) throw Problem.badRequest('cursor', 'cursor is not one this server gave out.');
    throw error;
  }
}
