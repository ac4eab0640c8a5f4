import { Problem } from './problem.js';

/** The most contributions one contribution may name as what it builds on. */
export const mostBasedOn = 20;

/**
 * Checks `ContributionRequest.basedOn`: a list of ids of published contributions, each named
 * once. Undefined when absent or empty. An id that is unknown, or not published (received or
 * rejected), is refused the same way, so the answer says nothing about contributions in review.
 */
export async function checkBasedOn(value: unknown, isPublished: (id: string) => Promise<boolean>): Promise<string[] | undefined> {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string' || id === '' || id.length > 200))
    throw Problem.invalid('basedOn', 'basedOn must be a list of contribution ids.');
  const ids = value as string[];
  if (ids.length === 0) return undefined;
  if (ids.length > mostBasedOn)
    throw Problem.invalid('basedOn', `A contribution may build on at most ${mostBasedOn} others; this names ${ids.length}.`);
  if (new Set(ids).size !== ids.length) throw Problem.invalid('basedOn', 'The same contribution is named twice in basedOn.');
  for (const id of ids)
    if (!(await isPublished(id)))
      throw Problem.invalid('basedOn', `"${id}" is not a published contribution.`, 'based-on-unknown');
  return ids;
}
