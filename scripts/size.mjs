#!/usr/bin/env node
// `npm run size` (the last step of `npm run build`): the size budget of the published browser build, read from dist/
// alone (dist/verifiable-badges.js, dist/bundle/*.js and their source maps). Exits 1 when a budget is exceeded.
//
// - Every file is measured minified as published and gzipped (level 9), one file at a time, as a browser fetches them.
// - The chunk graph comes from the files themselves: their static and dynamic imports (followed with esbuild's
//   metafile, without bundling anything) and the modules each holds (its source map's `sources`).
// - "A page loads" means: the entry file and everything it imports statically, transitively. A lazy step adds the
//   chunk holding a given source module, with its own static imports. Shared files are counted once.
// - Lit is its own chunk (vite.bundle.config.ts puts lit, lit-html, lit-element and @lit/reactive-element there), so
//   "beyond Lit" subtracts that chunk's gzip size.
// - No module of the Data Integrity path (jsonld, rdf-canonize, jsonld-signatures, @digitalbazaar/*) may be in what an
//   entry loads statically: those load only when a Data Integrity proof is verified. Nor may jose be in what a card
//   loads to verify a VC-JWT badge: it loads only for a token the WebCrypto check leaves to it.
//
// `node scripts/size.mjs --json` prints the figures as JSON as well.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const KB = 1024;

/**
 * What each figure may weigh, in bytes of gzip. `target` is issue 7's goal; `budget` is what fails the build. Where a
 * target is met the budget is the target; where it is not met yet the budget holds today's figure (with a little room)
 * so that nothing grows unnoticed, and the report says how far the target is. (Raised by 0.5 KB where the passport's
 * verification ahead of its cards and the Data Integrity path's in-place hashing were added, which the benchmarks
 * showed to pay for themselves: see the README's Performance section. Lowered by 4 KB when jose left the card's path;
 * raised by 0.3 KB for the list of the Data Integrity path's second-level chunks, which a passport of 100 badges showed
 * to pay for itself: all verified about 100 ms sooner in three A/B runs; and by 0.3 KB for dates written without Intl
 * (a page's first Intl object is a 30-90 ms task), the card's start event always before its steps, and the queue's
 * first Data Integrity verification run alone (fewer long tasks on a cold page).)
 */
const FIGURES = {
  cardJwt: {label: 'a card verifying a VC-JWT badge, beyond Lit', target: 10 * KB, budget: 29.1 * KB},
  cardJwtStatus: {label: '  the same badge with a status list entry, beyond Lit', budget: 31.9 * KB},
  cardFirst: {label: 'a card before anything is verified, beyond Lit', budget: 21.6 * KB},
  dataIntegrityChunk: {label: 'the Data Integrity chunk', budget: 12 * KB},
  dataIntegrityPath: {label: 'the Data Integrity chunk and its static imports, beyond a JWT card', target: 40 * KB, budget: 40 * KB},
  dataIntegrityLazy: {label: 'all a Data Integrity badge loads after the card (eddsa-rdfc-2022)', target: 40 * KB, budget: 49.5 * KB},
  lit: {label: 'Lit (its own chunk)', budget: 8 * KB},
};

/** Each entry's first load (the entry and its static imports, Lit included): what a page fetches before it renders. */
const ENTRY_BUDGETS = {
  'verifiable-badges.js': 50.5 * KB,
  'bundle/vb-badge-card.js': 28.6 * KB,
  'bundle/vb-verify-button.js': 24.5 * KB,
  'bundle/vb-passport.js': 35.6 * KB,
  'bundle/vb-badge-actions.js': 23 * KB,
};

/** Lazy chunks, by a module they hold; any other lazy chunk may weigh DEFAULT_LAZY_BUDGET. */
const LAZY_BUDGETS = [
  {holds: 'src/core/proofs/data-integrity.ts', budget: 40 * KB},
  // jsonld (the slim entry of src/core/vendor/jsonld-slim.cjs and the lib/ modules it takes) with rdf-canonize.
  {holds: /node_modules\/jsonld\/lib\/context\.js$/, budget: 27 * KB},
  {holds: 'src/core/proofs/vc-jwt.ts', budget: 8 * KB},
  {holds: /src\/core\/schemas\/index\.ts$/, budget: 20 * KB},
  {holds: /node_modules\/@digitalbazaar\/ecdsa-sd-2023-cryptosuite\//, budget: 10 * KB},
];
const DEFAULT_LAZY_BUDGET = 8 * KB;

/** Modules a card runs to verify a VC-JWT badge with no credentialStatus and no credentialSchema. */
const JWT_PATH = ['src/core/verify.ts', 'src/core/proofs/vc-jwt.ts'];
/** The same badge with a status list entry: the status check comes in too. */
const JWT_STATUS_PATH = [...JWT_PATH, 'src/core/checks/status.ts'];
/**
 * An Open Badges 3.0 badge with an eddsa-rdfc-2022 proof by a did:key issuer: the signature check, the Data Integrity
 * chunk and what it imports statically, and the pinned contexts it reads (VC 2.0, OB 3.0.3, DID v1 and Multikey for
 * the key), wherever they are (their own chunks, or inside another).
 */
const DI_PATH = ['src/core/verify.ts', 'src/core/checks/signature.ts', 'src/core/proofs/data-integrity.ts'];
const DI_CONTEXTS = [/credentials-v2\.json$/, /ob-v3p0-context-3\.0\.3\.json$/, /ns-did-v1\.json$/, /security-multikey-v1\.json$/];
/** Packages of the Data Integrity path: never in what an entry loads statically. */
const DI_PACKAGES = /(?:^|[\\/])node_modules[\\/](?:jsonld|rdf-canonize|jsonld-signatures|@digitalbazaar[\\/][^\\/]+)[\\/]/;
const LIT_PACKAGES = /(?:^|[\\/])node_modules[\\/](?:lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/;

const ENTRIES = {
  'verifiable-badges.js': 'every element',
  'bundle/vb-badge-card.js': '<vb-badge-card>',
  'bundle/vb-verify-button.js': '<vb-verify-button>',
  'bundle/vb-passport.js': '<vb-passport> (and its cards)',
  'bundle/vb-badge-actions.js': '<vb-badge-actions>',
};

const problems = [];
const json = process.argv.includes('--json');

// ---------------------------------------------------------------------------------------------------------------
// The chunk graph.

const files = ['verifiable-badges.js', ...fs.readdirSync(path.join(dist, 'bundle')).filter((f) => f.endsWith('.js')).map((f) => `bundle/${f}`)];
for (const entry of Object.keys(ENTRIES)) if (!files.includes(entry)) problems.push(`missing dist/${entry} (npm run build makes it)`);

/** @type {Map<string, {raw: number, gzip: number, sources: string[], static: string[], dynamic: string[]}>} */
const chunks = new Map();
for (const file of files) {
  const abs = path.join(dist, file);
  const bytes = fs.readFileSync(abs);
  const mapFile = `${abs}.map`;
  const sources = fs.existsSync(mapFile)
    ? JSON.parse(fs.readFileSync(mapFile, 'utf8')).sources.map((s) => path.relative(root, path.resolve(path.dirname(abs), s)).split(path.sep).join('/'))
    : [];
  chunks.set(file, {raw: bytes.length, gzip: gzipSync(bytes, {level: 9}).length, sources, ...(await importsOf(abs, file))});
}

/** The relative imports of one file, static and dynamic, as dist-relative paths. */
async function importsOf(abs, file) {
  const found = {static: [], dynamic: []};
  await esbuild.build({
    entryPoints: [abs],
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'silent',
    plugins: [{
      name: 'record-imports',
      setup(build) {
        build.onResolve({filter: /.*/}, (args) => {
          if (args.kind === 'entry-point') return undefined;
          if (!args.path.startsWith('./') && !args.path.startsWith('../')) {
            problems.push(`dist/${file} imports "${args.path}", which a page without a bundler cannot resolve`);
          } else {
            const target = path.relative(dist, path.resolve(path.dirname(abs), args.path)).split(path.sep).join('/');
            (args.kind === 'dynamic-import' ? found.dynamic : found.static).push(target);
          }
          return {path: args.path, external: true};
        });
      },
    }],
  });
  return found;
}

/** `start` and everything it imports statically. */
function staticClosure(start, into = new Set()) {
  if (into.has(start)) return into;
  into.add(start);
  const chunk = chunks.get(start);
  if (!chunk) {
    problems.push(`a chunk imports dist/${start}, which does not exist`);
    return into;
  }
  for (const next of chunk.static) staticClosure(next, into);
  return into;
}

/** The chunk holding a source module (relative to the repository, e.g. src/core/verify.ts). */
function chunkOf(source) {
  const holders = [...chunks].filter(([, c]) => c.sources.includes(source)).map(([f]) => f);
  if (holders.length === 0) problems.push(`no chunk holds ${source}`);
  if (holders.length > 1) problems.push(`${source} is in more than one chunk: ${holders.join(', ')}`);
  return holders[0];
}

/** What a page loads: an entry's static closure, then for each module of `path` its chunk's static closure. */
function pageLoads(entry, modules = []) {
  const loaded = staticClosure(entry);
  for (const source of modules) {
    const file = chunkOf(source);
    if (file) staticClosure(file, loaded);
  }
  return loaded;
}

const gzipOf = (set) => [...set].reduce((sum, f) => sum + (chunks.get(f)?.gzip ?? 0), 0);
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const holds = (chunk, pattern) => chunk.sources.some((s) => (typeof pattern === 'string' ? s === pattern : pattern.test(s)));

// ---------------------------------------------------------------------------------------------------------------
// Figures.

const litChunks = [...chunks].filter(([, c]) => c.sources.some((s) => LIT_PACKAGES.test(s))).map(([f]) => f);
const litFile = litChunks.length === 1 ? litChunks[0] : undefined;
if (!litFile) problems.push(`Lit should be one chunk of its own; it is in ${litChunks.join(', ') || 'no chunk'}`);
else if (chunks.get(litFile).sources.some((s) => !LIT_PACKAGES.test(s))) problems.push(`dist/${litFile} holds more than Lit: ${chunks.get(litFile).sources.filter((s) => !LIT_PACKAGES.test(s)).join(', ')}`);
const litGzip = litFile ? chunks.get(litFile).gzip : 0;

const card = 'bundle/vb-badge-card.js';
const cardFirst = pageLoads(card);
const cardJwt = pageLoads(card, JWT_PATH);
const cardJwtStatus = pageLoads(card, JWT_STATUS_PATH);
const cardDi = pageLoads(card, DI_PATH);
for (const context of DI_CONTEXTS) {
  const file = [...chunks].find(([, c]) => holds(c, context))?.[0];
  if (file) staticClosure(file, cardDi);
}
const diFile = chunkOf('src/core/proofs/data-integrity.ts');
const diLazy = new Set([...cardDi].filter((f) => !cardFirst.has(f)));
// The Data Integrity chunk and what it imports statically (jsonld, rdf-canonize, the suite, WebCrypto), less the
// shared code a card that verifies a VC-JWT badge has loaded already (the elements, key resolution, caches): what the
// eddsa-rdfc-2022 proof itself adds. The pinned contexts are lazy chunks of their own, counted in dataIntegrityLazy.
const diPath = new Set(diFile ? [...staticClosure(diFile)].filter((f) => !cardJwt.has(f)) : []);

const values = {
  cardJwt: gzipOf(cardJwt) - litGzip,
  cardJwtStatus: gzipOf(cardJwtStatus) - litGzip,
  cardFirst: gzipOf(cardFirst) - litGzip,
  dataIntegrityChunk: diFile ? chunks.get(diFile).gzip : 0,
  dataIntegrityPath: gzipOf(diPath),
  dataIntegrityLazy: gzipOf(diLazy),
  lit: litGzip,
};

// The first chunk(s): nothing of the Data Integrity path in what any entry loads before a proof needs it.
const firstLoads = new Set();
for (const entry of Object.keys(ENTRIES)) {
  if (!chunks.has(entry)) continue;
  for (const file of staticClosure(entry)) {
    firstLoads.add(file);
    const di = chunks.get(file)?.sources.filter((s) => DI_PACKAGES.test(s)) ?? [];
    if (di.length) problems.push(`dist/${entry} loads dist/${file} up front, which holds the Data Integrity path: ${di.slice(0, 5).join(', ')}${di.length > 5 ? ', …' : ''}`);
  }
}
// jose loads only for a VC-JWT the plain WebCrypto check does not settle (src/core/crypto/jws.ts), never with the card.
const JOSE = /(?:^|[\\/])node_modules[\\/]jose[\\/]/;
for (const file of cardJwt) {
  if (chunks.get(file)?.sources.some((s) => JOSE.test(s))) problems.push(`a card verifying a VC-JWT badge loads dist/${file}, which holds jose: it should load only when needed`);
}
for (const file of [...cardJwt, ...firstLoads]) {
  // A facade or the bundler's runtime helpers (a few hundred bytes) may name no module; any file with code must.
  if (!chunks.get(file)?.sources.length && (chunks.get(file)?.raw ?? 0) > 2 * KB) problems.push(`dist/${file} has no source map naming its modules: what it holds cannot be checked`);
}

// ---------------------------------------------------------------------------------------------------------------
// Report.

const over = [];
const line = (label, bytes, budget, target) => {
  const exceeded = budget !== undefined && bytes > budget;
  if (exceeded) over.push(`${label.trim()}: ${kb(bytes)} gzip, over its budget of ${kb(budget)}`);
  const goal = target === undefined ? '' : bytes <= target ? `  target ${kb(target)}: met` : `  target ${kb(target)}: not met, ${kb(bytes - target)} over`;
  return `${exceeded ? 'OVER' : budget !== undefined ? 'ok  ' : '    '} ${label.padEnd(68)} ${kb(bytes).padStart(9)}${budget !== undefined ? ` / ${kb(budget)}` : ''}${goal}`;
};
const role = (file) => (ENTRIES[file] ? `entry: ${ENTRIES[file]}` : file === litFile ? 'Lit' : firstLoads.has(file) ? 'shared, loaded up front' : 'lazy');
const lazyBudget = (chunk) => LAZY_BUDGETS.find((b) => holds(chunk, b.holds))?.budget ?? DEFAULT_LAZY_BUDGET;

console.log('Each file (minified, gzip -9), with its budget:');
for (const [file, chunk] of [...chunks].sort((a, b) => b[1].gzip - a[1].gzip)) {
  const budget = firstLoads.has(file) ? undefined : lazyBudget(chunk);
  console.log(line(`dist/${file} (${role(file)})`, chunk.gzip, budget));
}
console.log('\nWhat a page loads before it renders (entry and static imports, Lit included):');
for (const [entry, budget] of Object.entries(ENTRY_BUDGETS)) if (chunks.has(entry)) console.log(line(`${entry}: ${ENTRIES[entry]}`, gzipOf(staticClosure(entry)), budget));
console.log('\nIssue 7 (gzip, each file counted once):');
for (const [id, figure] of Object.entries(FIGURES)) console.log(line(id === 'dataIntegrityChunk' ? `${figure.label} (dist/${diFile ?? '?'})` : figure.label, values[id], figure.budget, figure.target));
console.log(`\na card verifying a VC-JWT badge loads: ${[...cardJwt].map((f) => `${f} ${kb(chunks.get(f)?.gzip ?? 0)}`).join(', ')}`);
console.log(`a Data Integrity badge then loads: ${[...diLazy].map((f) => `${f} ${kb(chunks.get(f)?.gzip ?? 0)}`).join(', ')}`);
console.log(`of which the Data Integrity chunk and its static imports, beyond a VC-JWT card: ${[...diPath].map((f) => `${f} ${kb(chunks.get(f)?.gzip ?? 0)}`).join(', ')}`);
if (json) console.log(JSON.stringify({values, figures: FIGURES, files: Object.fromEntries([...chunks].map(([f, c]) => [f, {raw: c.raw, gzip: c.gzip}]))}, null, 2));

problems.push(...over);
if (problems.length) {
  console.error(`\nsize: ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
const unmet = Object.entries(FIGURES).filter(([id, f]) => f.target !== undefined && values[id] > f.target).map(([, f]) => f.label.trim());
console.log(`\nsize: every budget met; nothing of the Data Integrity path in what an entry loads up front${unmet.length ? `; targets not met yet: ${unmet.join('; ')}` : ''}`);
