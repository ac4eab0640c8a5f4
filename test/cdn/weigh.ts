// `npm run size` (it builds dist/cdn first): what the list's script, dist/cdn/open-call.js, is
// made of. Each module's figure is what the gzipped file loses without that module's bytes, so
// it counts what the module adds beyond the words it shares with the rest; the figures do not
// add up to the whole. The budget itself is checked by `npm run test:cdn`.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

const root = resolve(import.meta.dirname, '../../dist/cdn');
const code = readFileSync(join(root, 'open-call.js'), 'utf8');
const map = new SourceMapConsumer(JSON.parse(readFileSync(join(root, 'open-call.js.map'), 'utf8')) as RawSourceMap);

/** Where a source comes from, as a reader would name it: `lit-html`, `src/api/validate.ts`. */
const moduleName = (source: string | null) =>
  !source
    ? '(bundler: exports and glue)'
    : source.includes('node_modules/')
      ? source.replace(/.*node_modules\//, '')
      : source.replace(/.*\/src\//, 'src/');
/** The groups the report sums up. */
const groupOf = (name: string) =>
  /^(lit|lit-html|lit-element|@lit)\//.test(name)
    ? 'Lit'
    : /styles/.test(name)
      ? 'styles (CSS)'
      : /\/words\/|^src\/core\/(words|format)\.ts$/.test(name)
        ? 'words and formats'
        : 'the widgets’ code';

// The chunks loaded later import what they share with the list from this file: its closing
// `export{…}` names each such function, class or value (one letter each, so it hardly compresses).
const exportsAt = code.lastIndexOf('export{');
const exported = exportsAt < 0 ? [] : code.slice(exportsAt).split(',');

// Which module each character of the built file comes from.
const lineStarts = [0];
for (const line of code.split('\n')) lineStarts.push(lineStarts[lineStarts.length - 1] + line.length + 1);
const owners: string[] = new Array<string>(code.length).fill(moduleName(null));
const mappings: Array<{ at: number; source: string | null }> = [];
map.eachMapping((m) => mappings.push({ at: lineStarts[m.generatedLine - 1] + m.generatedColumn, source: m.source }));
mappings.sort((a, b) => a.at - b.at);
mappings.forEach((m, i) => owners.fill(moduleName(m.source), m.at, mappings[i + 1]?.at ?? code.length));
if (exportsAt >= 0) owners.fill(moduleName(null), exportsAt);

const gz = (text: string) => gzipSync(text, { level: 9 }).length;
const whole = gz(code);
const without = (keep: (owner: string) => boolean) => whole - gz([...code].filter((_, i) => keep(owners[i])).join(''));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`.padStart(9);

const modules = [...new Set(owners)].map((name) => ({ name, adds: without((o) => o !== name) }));
modules.sort((a, b) => b.adds - a.adds);
const groups = [...new Set(modules.map((m) => groupOf(m.name)))].map((group) => ({
  group,
  adds: without((o) => groupOf(o) !== group),
}));

console.log(`dist/cdn/open-call.js: ${kb(whole).trim()} gzipped; what each part adds to it:`);
for (const { group, adds } of groups) console.log(`${kb(adds)}  ${group}`);
console.log(
  `${kb(whole - gz(code.slice(0, Math.max(0, exportsAt))))}  of it the names exported to the chunks loaded later (${exported.length})`,
);
console.log('');
for (const { name, adds } of modules) console.log(`${kb(adds)}  ${name}`);
