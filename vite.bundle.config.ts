/// <reference types="node" />
// The browser build without a bundler (`npm run build`, second step): Lit, the core and every dependency inlined and
// minified, for a plain `<script type="module" src="…">` on any page or CDN.
//
// - dist/verifiable-badges.js (src/index.ts) registers every element and exports the whole API.
// - dist/bundle/vb-badge-card.js, vb-verify-button.js, vb-passport.js (with the card it shows) and
//   vb-badge-actions.js (src/bundle/) each register one element, for a page that shows only that one: it loads that
//   element and what it needs, nothing of the others.
// - Lit is one chunk of its own (dist/bundle/lit-*.js), shared by all of them; so is the rest of the shared code.
// - A browser has no node:crypto: the Node-only signature checks are left out (src/core/crypto/node.browser.ts).
// - What a page needs only for some badges or on some action loads with a dynamic import when it is needed: the Data
//   Integrity path (jsonld, the suites, each pinned context), VC-JWT, status lists, the schema validator, baked PNG/SVG
//   reading, other languages' strings, the verify button's report.
//
// Every chunk is in dist/bundle/ and is loaded with a relative import, which resolves against the importing file's
// own URL, so the files load from a CDN as they do from a page's own server. Nothing imports a bare package name
// (scripts/check-dist.mjs checks); scripts/size.mjs holds the sizes to their budget.
//
// `vite build --config vite.bundle.config.ts --outDir <dir>` builds it elsewhere (scripts/plain-page-check.mjs does).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The library build (vite.config.ts) writes into the same dist/ first, so this build cannot empty it; it removes what
 * it wrote last time instead (stale chunks would otherwise stay beside the new ones).
 */
function removePreviousOutput(): Plugin {
  let outDir = '';
  return {
    name: 'vb-remove-previous-bundle',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    buildStart() {
      fs.rmSync(path.join(outDir, 'bundle'), { recursive: true, force: true });
      for (const file of ['verifiable-badges.js', 'verifiable-badges.js.map']) fs.rmSync(path.join(outDir, file), { force: true });
    },
  };
}

/**
 * Chunks made of data alone (the pinned contexts, JSON modules) come out with a source map that names no source. Their
 * maps are completed with the modules they hold (no mappings), so every file of the build says what is in it
 * (scripts/size.mjs reads that).
 */
function mapEveryChunk(): Plugin {
  let outDir = '';
  return {
    name: 'vb-map-every-chunk',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.moduleIds.length === 0) continue;
        const mapFile = path.join(dir, `${chunk.fileName}.map`);
        const map = fs.existsSync(mapFile) ? JSON.parse(fs.readFileSync(mapFile, 'utf8')) : { version: 3, file: path.basename(chunk.fileName), names: [], mappings: '' };
        if (map.sources?.length) continue;
        map.sources = chunk.moduleIds.filter((id) => path.isAbsolute(id)).map((id) => path.relative(path.dirname(path.join(dir, chunk.fileName)), id).split(path.sep).join('/'));
        fs.writeFileSync(mapFile, JSON.stringify(map));
      }
    },
  };
}

/**
 * The elements' stylesheets (Lit `css` templates in src/components/**) without comments and indentation. Conservative:
 * comments go, runs of whitespace become one space, and spaces beside `{`, `}`, `;` and after `,` go; quoted strings
 * are left as they are. Templates with `${…}` are left alone.
 */
function minifyCss(text: string): string {
  let out = '';
  for (const part of text.replace(/\/\*[\s\S]*?\*\//g, '').split(/('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/)) {
    out += part.startsWith("'") || part.startsWith('"') ? part : part.replace(/\s+/g, ' ').replace(/\s*([{};])\s*/g, '$1').replace(/,\s+/g, ',').replace(/;}/g, '}');
  }
  return out.trim();
}

function minifyStyles(): Plugin {
  return {
    name: 'vb-minify-styles',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/]components[\\/].*\.ts$/.test(id) || !code.includes('css`')) return undefined;
      return { code: code.replace(/\bcss`([^`$]*)`/g, (_, body: string) => `css\`${minifyCss(body)}\``), map: null };
    },
  };
}

/**
 * A browser has no `node:crypto`: src/core/crypto/node.ts (which finds it where the runtime has it, and loads the
 * Node-only signature checks) is node.browser.ts in this bundle, so none of that code ships to a page.
 */
function browserOnly(): Plugin {
  const node = path.join(root, 'src/core/crypto/node.ts');
  return {
    name: 'vb-browser-only',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/(^|\/)node\.js$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === node ? path.join(root, 'src/core/crypto/node.browser.ts') : null;
    },
  };
}

/**
 * Each level of a lazily loaded path is otherwise requested only once the level before it has arrived and been
 * parsed, and on a busy page the main thread gets to that late. src/core/warm.ts's `preloadDataIntegrity` imports the
 * path's modules in one task; this writes, in place of its `NEXT_LEVEL` marker, the files of the chunks those modules'
 * chunks import in turn (jsonld's, the curve helpers', ...), less what the page has loaded already, so it requests
 * them in that same task. The marker and its line are replaced with a line of the same count; builds without this
 * plugin (the library build, the tests) keep the string, and nothing more is requested.
 */
function preloadNextLevel(): Plugin {
  const MARKER = /(["'])__vb_next_level_chunks__\1/;
  const warm = path.join(root, 'src/core/warm.ts');
  return {
    name: 'vb-preload-next-level',
    apply: 'build',
    renderChunk(code, chunk, _options, meta) {
      if (!chunk.moduleIds.includes(warm) || !MARKER.test(code)) return null;
      const chunks = Object.values(meta.chunks);
      const chunkOf = (id: string) => chunks.find((c) => c.moduleIds.includes(id));
      const closure = (file: string, into = new Set<string>()): Set<string> => {
        if (into.has(file)) return into;
        into.add(file);
        for (const next of meta.chunks[file]?.imports ?? []) closure(next, into);
        return into;
      };
      const loaded = closure(chunk.fileName);
      const targets = (this.getModuleInfo(warm)?.dynamicallyImportedIds ?? []).map(chunkOf).filter((c) => c !== undefined);
      const next = new Set<string>();
      for (const target of targets) for (const file of closure(target.fileName)) next.add(file);
      for (const file of [...loaded, ...targets.map((t) => t.fileName)]) next.delete(file);
      const relative = [...next].map((file) => `./${path.posix.relative(path.posix.dirname(chunk.fileName), file)}`);
      return { code: code.replace(MARKER, JSON.stringify(relative)), map: null };
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  plugins: [removePreviousOutput(), mapEveryChunk(), minifyStyles(), browserOnly(), preloadNextLevel()],
  // `jsonld` is the slim entry (src/core/vendor/jsonld-slim.cjs: what verification runs, nothing else), as in the
  // library build.
  resolve: { alias: [{ find: /^jsonld$/, replacement: `${root}src/core/vendor/jsonld-slim.cjs` }] },
  // Inlined CommonJS dependencies may read process.env.NODE_ENV; a browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    outDir: `${root}dist`,
    // The library build (vite.config.ts) ran first into the same dist/: keep it (removePreviousOutput cleans ours).
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    copyPublicDir: false,
    reportCompressedSize: true,
    // The largest lazy chunk (the jsonld library) is well over Vite's default warning size; scripts/size.mjs keeps
    // the budget instead.
    chunkSizeWarningLimit: 1024,
    lib: {
      entry: {
        'verifiable-badges': `${root}src/index.ts`,
        'bundle/vb-badge-card': `${root}src/bundle/vb-badge-card.ts`,
        'bundle/vb-verify-button': `${root}src/bundle/vb-verify-button.ts`,
        'bundle/vb-passport': `${root}src/bundle/vb-passport.ts`,
        'bundle/vb-badge-actions': `${root}src/bundle/vb-badge-actions.ts`,
      },
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rolldownOptions: {
      // Each entry exports what it declares and nothing more: code shared between entries goes to shared chunks, never
      // into one entry that the others (and the lazy chunks) would then have to load.
      preserveEntrySignatures: 'strict',
      output: {
        chunkFileNames: 'bundle/[name]-[hash].js',
        codeSplitting: {
          groups: [{ name: 'lit', test: /[\\/]node_modules[\\/](?:lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/ }],
        },
        // Library mode keeps whitespace in ES output; these files are for browsers, so minify them all.
        minify: true,
        // Licence headers (Lit's BSD-3-Clause, …) stay: the files redistribute those packages.
        comments: { legal: true },
      },
    },
  },
});
