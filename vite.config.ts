import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Lit templates and styles are strings the JS minifier cannot touch; their indentation and CSS
 * were a third of the list's bundle. Whitespace is collapsed to one space, never removed,
 * so text beside inline elements keeps its spaces; empty attributes such as `alt=""` stay.
 */
const minifyTemplates = (): Plugin => ({
  name: 'open-call:minify-templates',
  apply: 'build',
  async transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|svg|css)`/.test(code)) return null;
    return minifyHTMLLiterals(code, {
      fileName: id,
      html: { collapseWhitespace: true, conservativeCollapse: true, removeEmptyAttributes: false, minifyJS: false },
    });
  },
});

/**
 * `vite build`: the npm library (ESM, one module per entry, lit left to the app's bundler).
 * `vite build --mode cdn`: the single script a blogger pastes, lit included, in dist/cdn/.
 */
/**
 * tus-js-client's browser build makes a default file reader, URL storage and fingerprint that
 * this library never uses: FileUpload passes its own reader (for files and takes alike),
 * fingerprint and ResumeStore. In the CDN bundle those modules are replaced by stubs that fail loudly if used.
 */
const tusWithoutDefaults = (): Plugin => ({
  name: 'open-call:tus-without-defaults',
  apply: 'build',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer || !/tus-js-client[\\/]lib\.esm[\\/](browser[\\/]index|upload)\.js$/.test(importer)) return null;
    const stub = {
      './fileReader.js': 'file-reader',
      './urlStorage.js': 'url-storage',
      '../noopUrlStorage.js': 'noop-url-storage',
      './fileSignature.js': 'fingerprint',
      './error.js': 'error',
      '../error.js': 'error',
    }[source];
    return stub ? fileURLToPath(new URL(`src/upload/platform/tus-${stub}.ts`, import.meta.url)) : null;
  },
});

/**
 * The CDN entry and the core it imports, as one file: one request for the list instead of two,
 * and one gzip stream (the list's templates share words with Lit's). Rolldown keeps every
 * module that a lazy chunk also needs out of the entry (rolldown#10731), so the core group
 * holds the entry's code and leaves a facade behind; this puts the core in the facade's place.
 */
const entryWithItsCore = (): Plugin => ({
  name: 'open-call:entry-with-its-core',
  apply: 'build',
  generateBundle(_options, bundle) {
    const entry = bundle['open-call.js'];
    const core = Object.values(bundle).find((f) => f.type === 'chunk' && f.name === 'open-call-core');
    if (entry?.type !== 'chunk' || core?.type !== 'chunk') return;
    const coreFile = core.fileName;
    const map = bundle[`${coreFile}.map`];
    // Lazy chunks import the core by its (hashed, unique) name: they now import the entry.
    for (const file of Object.values(bundle))
      if (file.type === 'chunk') file.code = file.code.replaceAll(`./${coreFile}`, './open-call.js');
    entry.code = core.code.replace(`sourceMappingURL=${coreFile}.map`, 'sourceMappingURL=open-call.js.map');
    Reflect.deleteProperty(bundle, coreFile);
    if (map?.type === 'asset' && typeof map.source === 'string') {
      Reflect.deleteProperty(bundle, map.fileName);
      const source = map.source.replace(`"file":"${coreFile}"`, '"file":"open-call.js"');
      this.emitFile({ type: 'asset', fileName: 'open-call.js.map', source });
    }
  },
});

/**
 * The CDN bundle carries other projects' code (Lit: BSD-3-Clause, tus-js-client: MIT), whose
 * licences ask that their notices travel with it: THIRD-PARTY-LICENSES.txt beside the scripts
 * holds each bundled package's licence, read from node_modules at build time.
 */
const thirdPartyNotices = (): Plugin => ({
  name: 'open-call:third-party-notices',
  apply: 'build',
  generateBundle(_options, bundle) {
    const packages = new Map<string, string>();
    for (const file of Object.values(bundle))
      if (file.type === 'chunk')
        for (const id of file.moduleIds) {
          const match = /^(.*[\\/]node_modules[\\/])((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
          if (match) packages.set(match[2].replace('\\', '/'), match[1] + match[2]);
        }
    const notices = [...packages]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, dir]) => {
        const { version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, string>;
        const text = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE'].map((f) => join(dir, f)).find((f) => existsSync(f));
        if (!text) this.error(`${name} has no licence file to include`);
        return `${name}@${version} (${license})\n\n${readFileSync(text, 'utf8').trim()}\n`;
      });
    this.emitFile({
      type: 'asset',
      fileName: 'THIRD-PARTY-LICENSES.txt',
      source: `open-call-widgets bundles code from these packages, under their licences:\n\n${notices.join('\n---\n\n')}`,
    });
  },
});

export default defineConfig(({ mode }): UserConfig =>
  mode === 'cdn'
    ? {
        // The notices read each chunk's modules before entryWithItsCore folds the core's into the entry.
        plugins: [minifyTemplates(), tusWithoutDefaults(), thirdPartyNotices(), entryWithItsCore()],
        // The browser already does what these two of tus-js-client's dependencies do (see each file).
        resolve: {
          alias: {
            'url-parse': fileURLToPath(new URL('src/upload/platform/url.ts', import.meta.url)),
            'js-base64': fileURLToPath(new URL('src/upload/platform/base64.ts', import.meta.url)),
          },
        },
        build: {
          outDir: 'dist/cdn',
          emptyOutDir: true,
          target: 'es2022',
          sourcemap: true,
          lib: { entry: { 'open-call': 'src/cdn.ts' }, formats: ['es'] },
          rolldownOptions: {
            output: {
              minify: true,
              // Pure annotations are for a bundler downstream; this file goes straight to browsers.
              comments: false,
              // What every widget needs (Lit, settings, words, the fetch layer, the look) in one
              // file: left to itself, the bundler split it by which lazy chunk shares what, and
              // the list took three requests.
              codeSplitting: {
                groups: [
                  {
                    name: 'open-call-core',
                    test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]|@lit[\\/]context[\\/](index|lib[\\/]create-context)\.js|src[\\/]styles[\\/]|src[\\/]config[\\/](context|settings|open-call-widget)\.ts|src[\\/]call-for-contributions[\\/](?!markdown|answer-)|src[\\/]cdn\.ts|src[\\/]i18n[\\/](en|index|table|format|failure)\.ts|src[\\/]api[\\/](cache|request|source|types|validate)\.ts|src[\\/](define|dom|heading|events|load|version)\.ts/,
                  },
                  // What a list adds once it shows: descriptions' Markdown, the answer region around the form.
                  {
                    name: 'open-call-list-shown',
                    test: /src[\\/]call-for-contributions[\\/](markdown|answer-region)\.ts|src[\\/]i18n[\\/]answer-region(-en)?\.ts/,
                  },
                  // <open-call-config>, and how widgets share and receive settings: loaded on pages
                  // that have the tag, and with the answer form (it shares its settings with the recorder).
                  {
                    name: 'open-call-config',
                    test: /src[\\/]config[\\/](define|open-call-config|share|receive)\.ts|@lit[\\/]context[\\/]lib[\\/](controllers[\\/]context-(provider|consumer)|value-notifier|context-request-event)\.js/,
                  },
                  // The answer form, what the recorder shares with it, and the list's code that shows it: one file.
                  {
                    name: 'open-call-answer',
                    test: /src[\\/](contribution-uploader(?![\\/]recording[\\/])|upload(?![\\/]platform[\\/]))[\\/]|src[\\/]call-for-contributions[\\/]answer-form\.ts|src[\\/]record[\\/](formats|kept)\.ts|src[\\/]i18n[\\/]uploader(-en)?\.ts|src[\\/]api[\\/]accepts\.ts/,
                  },
                ],
              },
            },
          },
        },
      }
    : {
        plugins: [minifyTemplates()],
        build: {
          outDir: 'dist',
          // Runs first (`npm run build`); the CDN bundle and the types go into dist/ after it.
          emptyOutDir: true,
          sourcemap: true,
          target: 'es2022',
          lib: {
            entry: {
              index: 'src/index.ts',
              'call-for-contributions': 'src/call-for-contributions/call-for-contributions.ts',
              'call-for-contributions/define': 'src/call-for-contributions/define.ts',
              'contribution-uploader': 'src/contribution-uploader/contribution-uploader.ts',
              'contribution-uploader/define': 'src/contribution-uploader/define.ts',
              'contribution-recorder': 'src/contribution-recorder/contribution-recorder.ts',
              'contribution-recorder/define': 'src/contribution-recorder/define.ts',
              'contribution-gallery': 'src/contribution-gallery/contribution-gallery.ts',
              'contribution-gallery/define': 'src/contribution-gallery/define.ts',
              'contribution-review': 'src/contribution-review/contribution-review.ts',
              'contribution-review/define': 'src/contribution-review/define.ts',
              'open-call-config': 'src/config/open-call-config.ts',
              'open-call-config/define': 'src/config/define.ts',
              react: 'src/react/index.ts',
            },
            formats: ['es'],
          },
          rolldownOptions: {
            external: [/^lit/, /^@lit\//, 'tus-js-client', 'react'],
            output: { minify: true },
          },
        },
      },
);
