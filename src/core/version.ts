/** This copy's version; `define` names it when two copies meet on one page. Kept equal to package.json by a test. */
export const version = '0.1.0';
