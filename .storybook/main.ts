import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * The stories talk to the reference backend on their own origin, under /v1 (and /media for
 * covers, /terms for the consent link). `storybook dev` starts one for itself and proxies to
 * it; the story test (test/stories/stories.ts) does the same in front of the static build.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
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
      server: { proxy: Object.fromEntries(['/v1', '/media', '/terms'].map((path) => [path, backend.url])) },
    });
  },
};

export default config;
