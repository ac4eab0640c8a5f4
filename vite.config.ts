import { defineConfig, type UserConfig } from 'vite';

/**
 * `vite build`: the npm library (ESM, one module per entry, lit left to the app's bundler).
 * `vite build --mode cdn`: the single script a blogger pastes, lit included, in dist/cdn/.
 */
export default defineConfig(({ mode }): UserConfig =>
  mode === 'cdn'
    ? {
        build: {
          outDir: 'dist/cdn',
          emptyOutDir: true,
          target: 'es2022',
          sourcemap: true,
          lib: { entry: { 'open-call': 'src/cdn.ts' }, formats: ['es'] },
          rolldownOptions: { output: { minify: true } },
        },
      }
    : {
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          sourcemap: true,
          target: 'es2022',
          lib: {
            entry: {
              index: 'src/index.ts',
              'call-for-contributions': 'src/call-for-contributions/call-for-contributions.ts',
              'call-for-contributions/define': 'src/call-for-contributions/define.ts',
              'contribution-uploader': 'src/contribution-uploader/contribution-uploader.ts',
              'contribution-uploader/define': 'src/contribution-uploader/define.ts',
              'open-call-config': 'src/config/open-call-config.ts',
              'open-call-config/define': 'src/config/define.ts',
            },
            formats: ['es'],
          },
          rolldownOptions: {
            external: [/^lit/, /^@lit\//, 'tus-js-client'],
            output: { minify: true },
          },
        },
      },
);
