import type { FailureWords } from './words.js';

export const en: FailureWords = {
  unreachable: 'We could not reach the open calls. Check your connection, then try again.',
  timeout: 'The open calls are taking too long to arrive. Try again in a moment.',
  notFound: 'This call does not exist, or is no longer published.',
  problem: 'The open calls service had a problem. Try again in a moment.',
  invalid: 'The open calls arrived in a form this page cannot read. The site owner has been told in the browser console.',
  noBackend: 'This widget has no backend to ask: set its api attribute (or source property).',
  notAllowed: 'This site is not allowed to show these calls. The site owner has been told in the browser console.',
};
