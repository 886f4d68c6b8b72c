#!/usr/bin/env node
// `npm run docs` (after `npm run manifest`): rewrites the block of README.md between `<!-- elements:start -->` and
// `<!-- elements:end -->` with one section per element, generated from custom-elements.json: how to import it, then
// tables of its attributes, properties, methods, events (with the React prop of each), slots, CSS parts and CSS
// custom properties. The element classes' JSDoc is the only source; test/readme.node.test.ts fails when README.md
// is not what this script makes from a freshly analysed manifest.
//
//   node scripts/readme-api.mjs                 rewrite README.md from ./custom-elements.json
//   node scripts/readme-api.mjs --check         exit 1 (and say so) when README.md is out of date
//   node scripts/readme-api.mjs --manifest F    read another manifest
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const START = '<!-- elements:start -->';
export const END = '<!-- elements:end -->';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A table cell: one line, pipes escaped (also inside code spans, as GitHub tables need). */
function cell(text) {
  const value = String(text ?? '').replace(/\s*\n\s*/g, ' ').trim();
  return value ? value.replace(/\|/g, '\\|') : '';
}

/** A type as the manifest writes it, without the `| undefined` every optional property has. */
function typeText(type) {
  const text = type?.text?.replace(/\s*\|\s*undefined$/, '').trim();
  return text ? `\`${text}\`` : '';
}

function code(text) {
  return text === undefined || text === null || text === '' ? '' : `\`${text}\``;
}

function table(headers, rows) {
  if (!rows.length) return '';
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** `vb-verify-end` -> `onVerifyEnd`: the React wrappers' event props (src/react/index.ts). */
export function reactProp(event) {
  return `on${event.replace(/^vb-/, '').split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`;
}

/** `vb-badge-card` -> `verifiable-badges/badge-card`, when package.json exports that subpath. */
function subpathOf(tag, pkg) {
  const subpath = `./${tag.replace(/^vb-/, '')}`;
  return pkg.exports?.[subpath] ? `${pkg.name}/${subpath.slice(2)}` : undefined;
}

/** The tags src/react/index.ts wraps (`tagName: 'vb-…'`). */
export function reactTags(source) {
  return new Set([...source.matchAll(/tagName:\s*['"]([a-z][\w-]*)['"]/g)].map((m) => m[1]));
}

/** The Markdown for every element of the manifest (without the start and end markers). */
export function renderElements(manifest, pkg, wrapped = new Set()) {
  const elements = (manifest.modules ?? [])
    .flatMap((mod) => (mod.declarations ?? []).filter((d) => d.customElement && d.tagName))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  if (!elements.length) throw new Error('custom-elements.json documents no element');
  const out = [
    '<!-- Generated from custom-elements.json by scripts/readme-api.mjs (`npm run docs`); do not edit by hand. -->',
  ];
  for (const el of elements) {
    const fields = (el.members ?? []).filter((m) => m.kind === 'field' && !m.static && m.privacy === undefined);
    const methods = (el.members ?? []).filter((m) => m.kind === 'method' && !m.static && m.privacy === undefined);
    const fieldOf = (attribute) => fields.find((f) => f.name === (attribute.fieldName ?? attribute.name));

    if (out[out.length - 1] !== '') out.push('');
    out.push(`### \`<${el.tagName}>\``, '');
    if (el.summary) out.push(cell(el.summary), '');
    if (el.description) out.push(el.description.trim(), '');
    const subpath = subpathOf(el.tagName, pkg);
    const imports = [
      subpath
        ? `Class \`${el.name}\`: \`import { ${el.name} } from '${subpath}'\` (registers nothing)`
        : `Class \`${el.name}\`, exported by \`${pkg.name}\``,
    ];
    if (wrapped.has(el.tagName)) imports.push(`React: \`import { ${el.name} } from '${pkg.name}/react'\``);
    out.push(`${imports.join('; ')}.`, '');

    const attributes = (el.attributes ?? []).map((a) => {
      const field = fieldOf(a);
      return [
        code(a.name),
        field ? code(field.name) : '',
        typeText(a.type) || typeText(field?.type),
        code(field?.default ?? a.default),
        a.description ?? field?.description ?? '',
      ];
    });
    const attrTable = table(['attribute', 'property', 'type', 'default', 'description'], attributes);
    if (attrTable) out.push('**Attributes**', '', attrTable, '');

    const properties = fields.map((f) => [
      code(f.name),
      code(f.attribute) || (f.readonly ? '' : 'property only'),
      typeText(f.type),
      code(f.default),
      `${f.readonly ? 'Read-only. ' : ''}${f.description ?? ''}`,
    ]);
    const propTable = table(['property', 'attribute', 'type', 'default', 'description'], properties);
    if (propTable) out.push('**Properties**', '', propTable, '');

    const methodRows = methods.map((m) => [
      code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`),
      typeText(m.return?.type),
      m.description ?? '',
    ]);
    const methodTable = table(['method', 'returns', 'description'], methodRows);
    if (methodTable) out.push('**Methods**', '', methodTable, '');

    const react = wrapped.has(el.tagName);
    const events = (el.events ?? []).map((e) => [code(e.name), typeText(e.type), ...(react ? [code(reactProp(e.name))] : []), e.description ?? '']);
    const eventTable = table(['event', 'type', ...(react ? ['React prop'] : []), 'description'], events);
    if (eventTable) out.push('**Events**', '', eventTable, '');

    const slots = (el.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', s.description ?? '']);
    const slotTable = table(['slot', 'description'], slots);
    if (slotTable) out.push('**Slots**', '', slotTable, '');

    const parts = (el.cssParts ?? []).map((p) => [code(p.name), p.description ?? '']);
    const partTable = table(['part', 'description'], parts);
    if (partTable) out.push('**CSS parts**', '', partTable, '');

    const cssProperties = el.cssProperties ?? [];
    const defaults = cssProperties.some((p) => p.default);
    const props = cssProperties.map((p) => [code(p.name), ...(defaults ? [code(p.default)] : []), p.description ?? '']);
    const cssTable = table(['custom property', ...(defaults ? ['default'] : []), 'description'], props);
    if (cssTable) out.push('**CSS custom properties**', '', cssTable, '');
  }
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** README text with the block between the markers replaced by `block`. */
export function replaceBlock(readme, block) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} ... ${END} block`);
  return `${readme.slice(0, start + START.length)}\n${block}\n${readme.slice(end)}`;
}

/** README text as it should be, given a manifest, package.json and the React wrappers' source. */
export function updatedReadme(readme, manifest, pkg, reactSource = '') {
  return replaceBlock(readme, renderElements(manifest, pkg, reactTags(reactSource)));
}

/** README.md as it should be for this repository, given a manifest. */
export function expectedReadme(manifest, dir = root) {
  const read = (file) => fs.readFileSync(path.join(dir, file), 'utf8');
  const reactFile = path.join(dir, 'src/react/index.ts');
  const reactSource = fs.existsSync(reactFile) ? fs.readFileSync(reactFile, 'utf8') : '';
  return {current: read('README.md'), expected: updatedReadme(read('README.md'), manifest, JSON.parse(read('package.json')), reactSource)};
}

async function main(argv) {
  const check = argv.includes('--check');
  const at = argv.indexOf('--manifest');
  const manifestFile = at >= 0 ? path.resolve(argv[at + 1]) : path.join(root, 'custom-elements.json');
  if (!fs.existsSync(manifestFile)) {
    console.error(`${path.relative(root, manifestFile)} does not exist: run \`npm run manifest\` first (or \`npm run docs\`)`);
    return 1;
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const readmeFile = path.join(root, 'README.md');
  const {current: readme, expected: next} = expectedReadme(manifest);
  if (check) {
    if (next !== readme) {
      console.error('README.md: the elements tables are out of date; run `npm run docs`');
      return 1;
    }
    console.log('README.md: the elements tables are up to date');
    return 0;
  }
  if (next === readme) console.log('README.md: the elements tables are up to date');
  else {
    fs.writeFileSync(readmeFile, next);
    console.log('README.md: elements tables rewritten from custom-elements.json');
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
