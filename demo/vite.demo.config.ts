/// <reference types="node" />
// The demo as a static site: `npm run build:demo` (vite build --config demo/vite.demo.config.ts) writes every page
// of demo/ into demo-dist/, with the badges issued into demo/public/issued/ copied beside them. The badges name their
// status lists by absolute URL, so issue them for the origin the site will be served from first:
// `tsx demo/issuer/issue.ts --origin https://demo.example.org`. scripts/e2e.mjs builds into a temporary directory
// (DEMO_OUT_DIR), serves it on 127.0.0.1 and issues the badges into it for that origin.
//
// The library build (vite.config.ts) is left alone: `npm start` keeps serving demo/ from there.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { demoPartials } from './partials.js';

const demo = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Every HTML page of demo/ is an entry, so a new page needs no change here; except pages that load the single-file
 * bundle (`./verifiable-badges.js`, e.g. plain.html): that file is not part of demo/, the checks that use those pages
 * put it beside them.
 */
const pages = Object.fromEntries(
  readdirSync(demo)
    .filter((name) => name.endsWith('.html'))
    .filter((name) => !/src=["']\.\/verifiable-badges\.js["']/.test(readFileSync(`${demo}${name}`, 'utf8')))
    .map((name) => [name.replace(/\.html$/, ''), `${demo}${name}`]),
);

export default defineConfig({
  root: demo,
  base: './',
  publicDir: `${demo}public`,
  plugins: [demoPartials()],
  // Lit decorators: experimentalDecorators / useDefineForClassFields come from tsconfig.json.
  build: {
    target: 'es2022',
    outDir: process.env.DEMO_OUT_DIR || `${root}demo-dist`,
    emptyOutDir: true,
    sourcemap: false,
    // The verifier (JSON-LD, contexts, Data Integrity suites) is large: it is split into lazy chunks by the core
    // itself; 2 MB keeps Vite from warning about the biggest of them.
    chunkSizeWarningLimit: 2048,
    rolldownOptions: { input: pages },
  },
  server: { host: '127.0.0.1', fs: { allow: [root] } },
  preview: { host: '127.0.0.1' },
});
