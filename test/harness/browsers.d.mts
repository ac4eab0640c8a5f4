// Types for what TypeScript scripts use of browsers.mjs.
export const chromiumPath: string;
export const chromiumArgs: string[];
export const chromiumFakeMedia: string[];
export const firefoxOptions: {
  browser: 'firefox';
  executablePath: string;
  headless: true;
  extraPrefsFirefox: Record<string, boolean>;
};
