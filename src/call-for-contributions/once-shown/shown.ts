// What a list adds once it shows, as one module: the list asks for it with one import.
export { renderMarkdown } from './markdown.js';
export { AnswerRegion } from './answer-region.js';
export { Paging } from './paging.js';
