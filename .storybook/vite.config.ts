import { defineConfig } from 'vite';

export default defineConfig({
  // Storybook's own manager and docs chunks are large; ours are measured by `npm run test:cdn`.
  build: { chunkSizeWarningLimit: 2048 },
});
