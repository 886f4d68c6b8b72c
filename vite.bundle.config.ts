/// <reference types="node" />
// The single-file browser build (`npm run build`, second step): dist/verifiable-badges.js is src/index.ts with Lit,
// the core and every dependency inlined and minified, for a plain `<script type="module" src="…">` on any page or CDN.
//
// What most pages never need stays out of it as lazily loaded chunks in dist/bundle/ (the Data Integrity proofs with
// jsonld and the pinned contexts, VC-JWT, the schema validator). The bundle loads them with relative dynamic imports
// (`import("./bundle/…")`), which resolve against the bundle's own URL, so they load from a CDN as they do from a
// page's own server. Nothing in either imports a bare package name (scripts/check-dist.mjs checks).
//
// `vite build --config vite.bundle.config.ts --outDir <dir>` builds it elsewhere (scripts/plain-page-check.mjs does).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  // Inlined CommonJS dependencies may read process.env.NODE_ENV; a browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    outDir: `${root}dist`,
    // The library build (vite.config.ts) ran first into the same dist/: keep it.
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    copyPublicDir: false,
    reportCompressedSize: true,
    lib: {
      entry: { 'verifiable-badges': `${root}src/index.ts` },
      formats: ['es'],
      fileName: () => 'verifiable-badges.js',
    },
    rolldownOptions: {
      // Everything is bundled: no external. The shared code stays in the entry file itself (no facade re-exporting
      // from a chunk, which would cost the page a second request before anything runs).
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: 'bundle/[name]-[hash].js',
        // Library mode keeps whitespace in ES output; this file is for browsers, so minify it all.
        minify: true,
        // Licence headers (Lit's BSD-3-Clause, …) stay: the file redistributes those packages.
        comments: { legal: true },
      },
    },
  },
});
