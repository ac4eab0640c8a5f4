import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');
import { minifyHTMLLiterals } from 'minify-literals';
import { minify as terser } from 'terser';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Lit templates and styles are strings the JS minifier cannot touch, and their indentation and
 * CSS would weigh on every page (`npm run size` shows how much). Whitespace goes where it
 * shows nothing (inside and between block elements such as `<div>`, `<li>`, `<dd>`) and is
 * collapsed to one space elsewhere, so text beside inline elements keeps its spaces; attribute
 * values that need no quotes lose them; empty attributes such as `alt=""` stay.
 */
const minifyTemplates = (): Plugin => ({
  name: 'open-call:minify-templates',
  apply: 'build',
  async transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|svg|css)`/.test(code)) return null;
    return minifyHTMLLiterals(code, {
      fileName: id,
      html: { collapseWhitespace: true, removeAttributeQuotes: true, removeEmptyAttributes: false, minifyJS: false },
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
    if (!importer || !/tus-js-client[\\/]lib[\\/](browser[\\/]index|upload)\.js$/.test(importer)) return null;
    const stub = {
      './fileReader.js': 'file-reader',
      './urlStorage.js': 'url-storage',
      '../noopUrlStorage.js': 'noop-url-storage',
      './fileSignature.js': 'fingerprint',
      './error.js': 'error',
      '../error.js': 'error',
      './uuid.js': 'uuid',
    }[source];
    return stub ? fileURLToPath(new URL(`src/upload/platform/tus-${stub}.ts`, import.meta.url)) : null;
  },
});

/**
 * Lit's AsyncDirective (the upload progress a file row follows) takes one helper from
 * directive-helpers.js, a module that reads Lit's private exports when it loads: in the CDN
 * bundle it gets that helper from src/upload/platform/, so the list's script, which holds Lit,
 * does not export Lit's private parts for the answer form.
 */
const asyncDirectiveAlone = (): Plugin => ({
  name: 'open-call:async-directive-alone',
  apply: 'build',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source !== './directive-helpers.js' || !importer || !/lit-html[\\/]async-directive\.js$/.test(importer)) return null;
    return fileURLToPath(new URL('src/upload/platform/directive-helpers.ts', import.meta.url));
  },
});

/** Base64 digits of a source map's VLQ numbers. */
const vlqDigits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const decodeVlq = (segment: string): number[] => {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = vlqDigits.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = shift = 0;
    }
  }
  return values;
};
const encodeVlq = (values: number[]): string =>
  values
    .map((v) => {
      let n = v < 0 ? (-v << 1) | 1 : v << 1;
      let out = '';
      do {
        const digit = n & 31;
        n >>>= 5;
        out += vlqDigits[n ? digit | 32 : digit];
      } while (n);
      return out;
    })
    .join('');

/**
 * A source map, after the generated text of `line` (0-based) grew by `delta` characters at
 * column `at` and beyond: each mapped column from there on moves by as much.
 */
function shiftColumns(mappings: string, line: number, at: number, delta: number): string {
  const lines = mappings.split(';');
  let column = 0;
  let shifted = 0;
  lines[line] = (lines[line] ?? '')
    .split(',')
    .map((segment) => {
      if (!segment) return segment;
      const values = decodeVlq(segment);
      column += values[0];
      const moved = column >= at ? column + delta : column;
      values[0] = moved - shifted;
      shifted = moved;
      return encodeVlq(values);
    })
    .join(',');
  return lines.join(';');
}

/**
 * The CDN entry and the core it imports, as one file: one request for the list instead of two,
 * and one gzip stream (the list's templates share words with Lit's). Rolldown keeps every
 * module that a lazy chunk also needs out of the entry (rolldown#10731), so the core group
 * holds the entry's code and leaves a facade behind; this puts the core in the facade's place,
 * with the facade's own exports (`registerWords`, for a page's script).
 *
 * What the core shares with the chunks loaded later, it exports under its own minified names
 * (`export{ab,cd}`, not `export{ab as A,cd as B}`), and each chunk imports it by those: the
 * list's script carries one short name per shared function, not two.
 */
const entryWithItsCore = (): Plugin => ({
  name: 'open-call:entry-with-its-core',
  apply: 'build',
  generateBundle(_options, bundle) {
    const entry = bundle['open-call.js'];
    const core = Object.values(bundle).find((f) => f.type === 'chunk' && f.name === 'open-call-core');
    if (entry?.type !== 'chunk' || core?.type !== 'chunk') return;
    const coreFile = core.fileName;
    const exports = /export\{([^}]*)\};?\s*$/.exec(core.code);
    if (!exports) return this.error(`${coreFile} does not end with its exports`);
    /** Each name the core exports, and the binding it names inside the core. */
    const localOf = new Map(
      exports[1].split(',').map((specifier) => {
        const [local, name = local] = specifier.split(' as ');
        return [name, local];
      }),
    );
    /** Specifiers `name as alias` of the core's exports, by the core's local names instead. */
    const byLocalNames = (specifiers: string, file: string) =>
      specifiers
        .split(',')
        .map((specifier) => {
          const [name, alias = name] = specifier.split(' as ');
          const local = localOf.get(name);
          if (!local) this.error(`${file} imports ${name}, which ${coreFile} does not export`);
          return local === alias ? local : `${local} as ${alias}`;
        })
        .join(',');
    const fromCore = `from"./${coreFile}"`;
    let entryExports = '';
    for (const file of Object.values(bundle)) {
      if (file.type !== 'chunk' || file === core) continue;
      if (file === entry) {
        const own = new RegExp(`export\\{([^}]*)\\}${fromCore.replaceAll('.', '\\.')}`).exec(entry.code);
        if (own) entryExports = `,${byLocalNames(own[1], file.fileName)}`;
        continue;
      }
      const map = bundle[`${file.fileName}.map`];
      let code = '';
      let rest = file.code;
      for (let at = rest.indexOf(fromCore); at >= 0; at = rest.indexOf(fromCore)) {
        const open = rest.lastIndexOf('import{', at);
        if (open < 0 || rest.slice(open + 7, at - 1).includes('}')) this.error(`${file.fileName} imports ${coreFile} unusually`);
        const statement = `import{${byLocalNames(rest.slice(open + 7, at - 1), file.fileName)}}from"./open-call.js"`;
        const end = at + fromCore.length;
        // The maps of the chunks loaded later, for whoever debugs them, stay right.
        if (map?.type === 'asset' && typeof map.source === 'string') {
          const before = code + rest.slice(0, end);
          const line = before.split('\n').length - 1;
          const column = before.length - before.lastIndexOf('\n') - 1;
          const delta = statement.length - (end - open);
          const raw = JSON.parse(map.source) as { mappings: string };
          raw.mappings = shiftColumns(raw.mappings, line, column, delta);
          map.source = JSON.stringify(raw);
        }
        code += rest.slice(0, open) + statement;
        rest = rest.slice(end);
      }
      if ((code + rest).includes(`./${coreFile}`)) this.error(`${file.fileName} imports ${coreFile} in a way this cannot follow`);
      file.code = code + rest;
    }
    entry.code = `${core.code.slice(0, exports.index)}export{${[...new Set(localOf.values())].join(',')}${entryExports}};`;
    const map = bundle[`${coreFile}.map`];
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

/**
 * Terser, before Rolldown's own minifier: each finds savings the other leaves (Terser's
 * compression runs several passes over a chunk), and each byte saved in the list is one a
 * reader of every blog post downloads. Of its `unsafe` options, two hold for this code: a
 * function expression that reads no `this` becomes an arrow, and a method written as
 * `m: function () {}` a method, as long as nothing calls either with `new` (classes are
 * classes here, in Lit and in tus-js-client alike).
 */
const compressTwice = (): Plugin => ({
  name: 'open-call:compress-twice',
  apply: 'build',
  async renderChunk(code) {
    const out = await terser(code, {
      module: true,
      ecma: 2020,
      compress: { passes: 3, toplevel: true, unsafe_arrows: true, unsafe_methods: true },
      mangle: { toplevel: true },
      sourceMap: true,
    });
    return out.code === undefined ? null : { code: out.code, map: out.map as string };
  },
});

/**
 * Beside the bundle: `embed.js`, the optional script for pages that frame the embed page
 * (src/embed/host.js, minified), and `release.json`, the version and the Subresource Integrity
 * of `open-call.js` as built, which the playground's snippets and the README's carry (the npm
 * CDNs serve the package's files byte for byte, so the hash holds there).
 */
const embedAndRelease = (): Plugin => ({
  name: 'open-call:embed-and-release',
  apply: 'build',
  async generateBundle() {
    const host = await terser(readFileSync(join(root, 'src/embed/host.js'), 'utf8'), { ecma: 2020, compress: { passes: 2 } });
    this.emitFile({ type: 'asset', fileName: 'embed.js', source: host.code ?? '' });
  },
  writeBundle(options) {
    const dir = options.dir ?? join(root, 'dist/cdn');
    const script = readFileSync(join(dir, 'open-call.js'));
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const integrity = `sha384-${createHash('sha384').update(script).digest('base64')}`;
    writeFileSync(join(dir, 'release.json'), `${JSON.stringify({ version, integrity }, null, 2)}\n`);
  },
});

/**
 * The styles' private custom properties (`--_oc-surface`, `--_oc-accent`…) are named for the
 * reader of the source; no page may set them, so in the CDN bundle each becomes a short name
 * (`--_a`, `--_b`…). One table for every chunk, from every name in src/, so that a lazy chunk's
 * styles read what the list's set.
 */
const shortPrivateProperties = (): Plugin => {
  let short = new Map<string, string>();
  return {
    name: 'open-call:short-private-properties',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      const names = new Set<string>();
      for (const file of readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }))
        if (file.endsWith('.ts'))
          for (const [name] of readFileSync(join(root, 'src', file), 'utf8').matchAll(/--_oc-[\w-]+/g)) names.add(name);
      short = new Map([...names].sort().map((name, i) => [name, `--_${i.toString(36)}`]));
    },
    // In the source, before anything else: a source line of a stylesheet holds only CSS, so the
    // columns this shifts are inside the stylesheet's string and the source map stays right.
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('--_oc-')) return null;
      return { code: code.replace(/--_oc-[\w-]+/g, (name) => short.get(name) ?? name), map: null };
    },
  };
};

/** The CDN bundle's chunks, in the order a page loads them. */
const chunks = ['open-call-core', 'open-call-list-shown', 'open-call-config', 'open-call-answer'];

/** A folder's modules go with the code that imports them: the first chunk, in loading order, that imports each statically. */
const follow = Symbol('with the code that imports it');
/** A folder's modules are left to the bundler: each a file of its own, or shared as the chunks that load it need. */
const apart = Symbol('a file of its own');

/**
 * Which chunk each folder ships in: one rule per folder (for the files directly in it),
 * never a pattern on file names, so moving a file moves it with its folder. Folders not named here, and every element's `words/`, follow the code that
 * imports them: English comes with its element, another language (imported only when a
 * widget first speaks it) stays a file of its own. The size budgets are checked by
 * `npm run test:cdn`; they do not decide where code lives.
 */
const folderChunks: Record<string, string | typeof follow | typeof apart> = {
  // The list, with what every widget needs (src/core, src/api, Lit follow it here): one file,
  // one request (see entryWithItsCore). `src` holds the entry, cdn.ts.
  src: 'open-call-core',
  'src/call-for-contributions': 'open-call-core',
  // What a list adds once it shows: descriptions' Markdown, the answer region around the form.
  'src/call-for-contributions/once-shown': 'open-call-list-shown',
  // <open-call-config>, and how widgets share and receive settings: loaded on pages that have
  // the tag, and with the answer form (it shares its settings with the recorder).
  'src/open-call-config': 'open-call-config',
  'node_modules/@lit/context/lib/controllers': 'open-call-config',
  // The answer form and what the recorder shares with it (the uploads), one file.
  'src/contribution-uploader': 'open-call-answer',
  'src/upload': 'open-call-answer',
  // What the form does with recordings, once someone records or a take was kept.
  'src/contribution-uploader/recording': apart,
  // The recorder, loaded when it is first opened (or its tag is on the page).
  'src/contribution-recorder': apart,
  // Kept takes and their store: loaded when a take is recorded, sent or offered.
  'src/record/takes': apart,
};

/** The rule of the folder `id` is in (an element's `words/` follows its importers). */
function ruleOf(id: string): string | typeof follow | typeof apart {
  const path = id.replaceAll('\\', '/');
  const at = path.lastIndexOf('/node_modules/');
  const folders = (at >= 0 ? path.slice(at + 1) : path.slice(root.length + 1)).split('/').slice(0, -1);
  return folders.at(-1) === 'words' ? follow : (folderChunks[folders.join('/')] ?? follow);
}

/** The chunk each module ships in, decided once the module graph is known (see folderChunks). */
const chunkOfModule = new Map<string, string>();

/**
 * Applies the folders' rules once every module is known: a module's chunk is its folder's;
 * one whose folder follows its importers goes with the first chunk, in loading order, among
 * those of the modules that import it (through importers that follow theirs in turn).
 */
const chunksByFolder = (): Plugin => ({
  name: 'open-call:chunks-by-folder',
  apply: 'build',
  buildEnd() {
    chunkOfModule.clear();
    const importersOf = (id: string) => this.getModuleInfo(id)?.importers ?? [];
    for (const id of this.getModuleIds()) {
      const rule = ruleOf(id);
      if (rule === apart) continue;
      if (typeof rule === 'string') {
        chunkOfModule.set(id, rule);
        continue;
      }
      const seen = new Set([id]);
      const found = new Set<string>();
      const next = [...importersOf(id)];
      for (let importer = next.pop(); importer !== undefined; importer = next.pop()) {
        if (seen.has(importer)) continue;
        seen.add(importer);
        const theirs = ruleOf(importer);
        if (typeof theirs === 'string') found.add(theirs);
        else if (theirs === follow) next.push(...importersOf(importer));
      }
      const chunk = chunks.find((c) => found.has(c));
      if (chunk) chunkOfModule.set(id, chunk);
    }
  },
});

export default defineConfig(({ mode }): UserConfig =>
  mode === 'cdn'
    ? {
        // The notices read each chunk's modules before entryWithItsCore folds the core's into the entry.
        plugins: [
          shortPrivateProperties(),
          minifyTemplates(),
          tusWithoutDefaults(),
          asyncDirectiveAlone(),
          chunksByFolder(),
          compressTwice(),
          thirdPartyNotices(),
          entryWithItsCore(),
          embedAndRelease(),
        ],
        resolve: {
          alias: {
            // tus-js-client's own modern source (its `lib/`, in the package), not the lib.esm build
            // that Babel compiled down for old browsers with a generator runtime: the widgets'
            // browsers run async functions and classes as written.
            'tus-js-client': fileURLToPath(new URL('node_modules/tus-js-client/lib/browser/index.js', import.meta.url)),
            // The browser already does what these two of tus-js-client's dependencies do (see each file).
            'url-parse': fileURLToPath(new URL('src/upload/platform/url.ts', import.meta.url)),
            'js-base64': fileURLToPath(new URL('src/upload/platform/base64.ts', import.meta.url)),
          },
        },
        build: {
          outDir: 'dist/cdn',
          emptyOutDir: true,
          target: 'es2022',
          // The maps are files beside the scripts, for whoever debugs; no script names its map,
          // so the bytes of that comment are not downloaded by every reader.
          sourcemap: 'hidden',
          lib: { entry: { 'open-call': 'src/cdn.ts' }, formats: ['es'] },
          rolldownOptions: {
            output: {
              minify: true,
              // Another language's words are named for their element, not just `ms-…js`.
              chunkFileNames: ({ facadeModuleId }) => {
                const words = /[\\/]([^\\/]+)[\\/]words[\\/]([^\\/]+)\.ts$/.exec(facadeModuleId ?? '');
                return words ? `${words[1]}-${words[2]}-[hash].js` : '[name]-[hash].js';
              },
              // Pure annotations are for a bundler downstream; this file goes straight to browsers.
              comments: false,
              codeSplitting: { groups: chunks.map((name) => ({ name, test: (id: string) => chunkOfModule.get(id) === name })) },
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
              'open-call-config': 'src/open-call-config/open-call-config.ts',
              'open-call-config/define': 'src/open-call-config/define.ts',
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
