// `npm run docs`: writes the README's element reference from custom-elements.json (made by
// `npm run analyze` from the JSDoc), between its reference markers. With --check (in
// `npm test`) it changes nothing and fails when the README is out of step with the code.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';

interface Described {
  name: string;
  description?: string;
  summary?: string;
}
interface Member extends Described {
  kind: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
  type?: { text: string };
  default?: string;
}
interface Attribute extends Described {
  fieldName?: string;
  type?: { text: string };
  default?: string;
}
interface Declaration extends Described {
  tagName?: string;
  customElement?: boolean;
  attributes?: Attribute[];
  members?: Member[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}

const root = resolve(import.meta.dirname, '../..');
const readmePath = resolve(root, 'README.md');
const manifest = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8')) as {
  modules: Array<{ declarations?: Declaration[] }>;
};

const cell = (text = '') => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text = '') => (text ? `\`${cell(text)}\`` : '');
const table = (head: string[], rows: string[][]) =>
  rows.length
    ? [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), '']
    : [];

function reference(element: Declaration): string[] {
  const tag = element.tagName ?? element.name;
  const attributes = element.attributes ?? [];
  const properties = (element.members ?? []).filter(
    (m) => m.kind === 'field' && (m.privacy ?? 'public') === 'public' && !m.static && !m.attribute,
  );
  const lines = [`### \`<${tag}>\``, '', cell(element.summary ?? element.description), ''];
  lines.push(
    ...table(
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      attributes.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), cell(a.description)]),
    ),
  );
  lines.push(
    ...table(
      ['Property (no attribute)', 'Type', 'Description'],
      properties.map((p) => [code(p.name), code(p.type?.text), cell(p.description)]),
    ),
  );
  lines.push(
    ...table(
      ['Event', 'Description'],
      (element.events ?? []).map((e) => [code(e.name), cell(e.description)]),
    ),
  );
  lines.push(
    ...table(
      ['Slot', 'Description'],
      (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
    ),
  );
  lines.push(
    ...table(
      ['CSS part', 'Description'],
      (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
  );
  lines.push(
    ...table(
      ['CSS custom property', 'Description'],
      (element.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
  );
  return lines;
}

const elements = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => (a.tagName ?? '').localeCompare(b.tagName ?? ''));
const start = '<!-- reference:start (written by `npm run docs` from custom-elements.json; do not edit) -->';
const end = '<!-- reference:end -->';
const body = [start, '', ...elements.flatMap(reference), end].join('\n');

const readme = readFileSync(readmePath, 'utf8');
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from < 0 || to < from) throw new Error(`README.md has no reference markers (${start} … ${end})`);
const options = { ...(await resolveConfig(readmePath)), parser: 'markdown' };
const updated = await format(readme.slice(0, from) + body + readme.slice(to + end.length), options);

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md: the element reference is out of step with the code. Run `npm run docs`.');
    process.exit(1);
  }
  console.log('README.md: the element reference matches custom-elements.json');
} else {
  writeFileSync(readmePath, updated);
  console.log(`README.md: reference written for ${elements.map((e) => `<${e.tagName}>`).join(', ')}`);
}
