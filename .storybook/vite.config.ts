import { defineConfig } from 'vite';

// Storybook's own Vite settings: Storybook's defaults (see main.ts), not the library's build.
export default defineConfig({});
