import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * The stories read their calls from the seed in the browser (stories/seed-source.ts), with the
 * covers served beside them as static files: a static build works where it is hosted. The
 * stories that send files or contributions (tagged `needs-backend`) talk to the reference
 * backend beside them, under ./v1: `storybook dev` starts one for itself and proxies to it; the
 * story test (test/stories/stories.ts) does the same in front of the static build.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  staticDirs: [{ from: '../demo/server/media', to: '/media' }],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: {
    name: '@storybook/web-components-vite',
    // Not the repository's vite.config.ts: that one builds the library.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig, { configType }) {
    const { mergeConfig } = await import('vite');
    // Storybook's own manager and docs chunks are large; ours are measured by `npm run test:cdn`.
    viteConfig = mergeConfig(viteConfig, { build: { chunkSizeWarningLimit: 2048 } });
    if (configType !== 'DEVELOPMENT') return viteConfig;
    const { startServer } = await import('../demo/server/app.js');
    const backend = await startServer({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'oc-storybook-')) });
    console.log(`  stories' backend: ${backend.api} (proxied as /v1)`);
    return mergeConfig(viteConfig, {
      server: { proxy: Object.fromEntries(['/v1', '/terms'].map((path) => [path, backend.url])) },
    });
  },
};

export default config;
