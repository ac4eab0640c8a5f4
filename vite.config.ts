import { defineConfig } from 'vite';

// `npm run build`: the npm library (ESM, one module per entry, lit left to the app's bundler).
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: { index: 'src/index.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit/, /^@lit\//, 'tus-js-client'],
      output: { minify: true },
    },
  },
});
