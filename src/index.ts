// Classes and types only: importing this module defines no tag (see the define entries).
export type * from './api/types.js';
export { ContractError, parseCall, parseCallPage, parseProblem, parseReceipt, isWebUrl } from './api/validate.js';
export { acceptsType, characterCount } from './api/accepts.js';
export { define } from './define.js';
export { version } from './version.js';
