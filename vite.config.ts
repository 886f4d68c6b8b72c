/// <reference types="node" />
// Vite: `npm start` serves demo/ (which may import ../src/**); `npm run build` builds the
// library (ESM, dependencies external) into dist/; declarations come from tsc afterwards.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { demoPartials } from './demo/partials.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

// Every runtime dependency (and its subpaths, e.g. `lit/decorators.js`) stays an import, except the Data Integrity
// path: jsonld is patched in this repository (patches/, applied by patch-package at install), and a consumer's install
// would give every importer of `jsonld` the stock copy. So jsonld, rdf-canonize and the packages that call jsonld
// (jsonld-signatures, @digitalbazaar/*) are bundled into the lazily loaded Data Integrity chunks in dist/chunks/, and
// the patched code is what consumers run. Nothing of them is in the entries: they load when a proof needs them.
const BUNDLED = /^(?:jsonld|rdf-canonize|jsonld-signatures|@digitalbazaar\/[^/]+)(?:\/.*)?$/;
const externalPackages = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})].filter((name) => !BUNDLED.test(name));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const external = externalPackages.map((name) => new RegExp(`^${escape(name)}(?:/.*)?$`));
const isExternal = (id: string) => /^node:/.test(id) || (!BUNDLED.test(id) && external.some((re) => re.test(id)));

// `jsonld` is src/core/vendor/jsonld-slim.cjs in what is built (here and in vite.bundle.config.ts): the jsonld API
// object made of the package's own lib/ modules, without compaction, framing, fromRDF and the document loaders, which
// verification never runs (its header says why). Only the bare name: `jsonld/lib/…` stays the package's files. Not in
// the dev server, which serves demo/ unbundled and cannot run a CommonJS file from src/.
const JSONLD_SLIM = { find: /^jsonld$/, replacement: `${root}src/core/vendor/jsonld-slim.cjs` };

// Library entries -> dist/<name>.js, one per package.json "exports" subpath: `index` and `define` register the
// elements; `badge-card`, `verify-button`, `passport` export one class each and register nothing; `config` is
// configure() alone; `react` the React wrappers (react stays an import: it is a peer dependency). The Node CLI
// (bin/verifiable-badges.js loads dist/cli.js) is built too when src/cli/main.ts exists; shared code goes to
// dist/chunks/. The single-file browser bundle is a second build: vite.bundle.config.ts.
const entries: Record<string, string> = {
  index: `${root}src/index.ts`,
  define: `${root}src/define.ts`,
  'badge-card': `${root}src/badge-card.ts`,
  'verify-button': `${root}src/verify-button.ts`,
  'badge-actions': `${root}src/badge-actions.ts`,
  passport: `${root}src/passport.ts`,
  config: `${root}src/config.ts`,
  react: `${root}src/react/index.ts`,
  core: `${root}src/core/index.ts`,
};
if (existsSync(`${root}src/cli/main.ts`)) entries.cli = `${root}src/cli/main.ts`;

const port = Number(process.env.PORT) || 5173;

export default defineConfig(({ command }) => ({
  root: command === 'serve' ? `${root}demo` : root,
  // The demo pages' shared head, header and footer (demo/partials.ts); the library build has no HTML.
  plugins: command === 'serve' ? [demoPartials()] : [],
  publicDir: command === 'serve' ? `${root}demo/public` : false,
  // Lit decorators: experimentalDecorators / useDefineForClassFields come from tsconfig.json.
  server: {
    host: '127.0.0.1',
    port,
    strictPort: !!process.env.PORT,
    fs: { allow: [root] },
  },
  preview: { host: '127.0.0.1', port },
  // The bundled Data Integrity packages are their browser builds (no node: imports for a consumer's bundler to
  // polyfill); two of them read WebCrypto from `self`, which Node does not define. `globalThis` is `self` in browsers
  // and Workers, and has WebCrypto in Node 20. Only free references are replaced (a local `self` stays).
  ...(command === 'build' ? { define: { self: 'globalThis' }, resolve: { alias: [JSONLD_SLIM] } } : {}),
  build: {
    target: 'es2022',
    outDir: `${root}dist`,
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: entries,
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rolldownOptions: {
      external: (id: string) => isExternal(id),
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
}));
