import type { Part } from 'lit';

// Stands in for lit-html's directive-helpers.js inside its async-directive.js in the CDN bundle.
// The only helper AsyncDirective uses is this one; Lit's module reads Lit's private exports as
// it loads, which would make the list's script export them for the answer form.
/** Whether `part` binds a single expression, with no strings around it (Part's public `strings`). */
export const isSingleExpression = (part: Part): boolean => (part as { strings?: unknown }).strings === undefined;
