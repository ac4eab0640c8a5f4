// The README's snippet, made by demo/snippets.ts from the build's dist/cdn/release.json (run
// `npm run build:cdn` first), between <!-- snippet:start --> and <!-- snippet:end -->.
//   npm run snippets                  writes it
//   node … test/docs/snippets.ts --check      (in test:cdn) fails when its version is not package.json's;
//                                     an integrity from another build is reported, not failed: between
//                                     releases the README's hash is the published file's, not the working tree's
//   … --check --release               (prepublishOnly) fails on any difference: what is published is what it says
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scriptSnippet, type Release } from '../../demo/snippets.js';

const root = resolve(import.meta.dirname, '../..');
const readmePath = resolve(root, 'README.md');
const check = process.argv.includes('--check');
const release = process.argv.includes('--release');

let built: Release;
try {
  built = JSON.parse(readFileSync(resolve(root, 'dist/cdn/release.json'), 'utf8')) as Release;
} catch {
  console.error('dist/cdn/release.json is missing: run npm run build:cdn first.');
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
if (built.version !== version) {
  console.error(`dist/cdn was built for ${built.version}, package.json says ${version}: run npm run build:cdn.`);
  process.exit(1);
}

const expected = [
  '```html',
  scriptSnippet({
    release: built,
    attributes: [
      ['api', 'https://calls.example.org/v1'],
      ['campaign', 'this-is-malaysia'],
    ],
    fallbackUrl: 'https://calls.example.org/embed?api=https%3A%2F%2Fcalls.example.org%2Fv1&campaign=this-is-malaysia',
  }),
  '```',
].join('\n');

const readme = readFileSync(readmePath, 'utf8');
const block = /(<!-- snippet:start[^>]*-->\n)([\s\S]*?)\n(<!-- snippet:end -->)/;
const found = block.exec(readme);
if (!found) {
  console.error('README.md has no <!-- snippet:start --> … <!-- snippet:end --> block.');
  process.exit(1);
}

if (!check) {
  writeFileSync(
    readmePath,
    readme.replace(block, (_, start: string, _old: string, end: string) => `${start}${expected}\n${end}`),
  );
  console.log(`README.md: the snippet for ${built.version}, ${built.integrity}`);
  process.exit(0);
}

const shown = found[2];
const shownVersion = /open-call-widgets@([^/]+)\//.exec(shown)?.[1];
const shownIntegrity = /integrity="([^"]+)"/.exec(shown)?.[1];
if (shownVersion !== version) {
  console.error(
    `README.md's snippet loads ${shownVersion}, the package is ${version}: run npm run build:cdn && npm run snippets.`,
  );
  process.exit(1);
}
if (shown !== expected) {
  const message =
    shownIntegrity === built.integrity
      ? "README.md's snippet is not what demo/snippets.ts makes: run npm run snippets."
      : `README.md's integrity (${shownIntegrity}) is not this build's (${built.integrity}): npm run snippets before publishing.`;
  if (release || shownIntegrity === built.integrity) {
    console.error(message);
    process.exit(1);
  }
  console.log(`  note: ${message}`);
} else console.log(`  README.md's snippet: ${version}, the integrity of this build`);
