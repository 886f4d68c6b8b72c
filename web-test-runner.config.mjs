// web-test-runner: runs test/**/*.test.ts (including *.browser.test.ts, but not *.node.test.ts) in Debian Chromium.
//
// jsonld, jsonld-signatures and rdf-canonize are CommonJS, and several dependencies
// replace node:crypto based modules through their package.json `browser` field. Rather
// than transforming node_modules module by module in the dev server, every test file is
// bundled on request with esbuild (platform "browser": CommonJS interop, `browser` field
// mappings and the "browser" export condition, JSON imports, TypeScript with the
// project's tsconfig). A Node built-in reaching the browser bundle is a build error that
// shows up as a failed test file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';
import {chromeLauncher, defaultReporter} from '@web/test-runner';
import {countsReporter} from './scripts/wtr-counts-reporter.mjs';
import {CHROMIUM_ARGS, chromiumPath} from './scripts/lib/static-server.mjs';

const rootDir = path.dirname(fileURLToPath(import.meta.url));
const executablePath = chromiumPath();

if (!fs.existsSync(executablePath)) {
  throw new Error(
    `Chromium not found at ${executablePath}. Install it with: apt-get update && apt-get install -y chromium ` +
      '(or point CHROME_PATH at a Chromium/Chrome binary). No browser is downloaded.',
  );
}

// A fresh, throw-away profile for every run.
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-wtr-chromium-'));
process.on('exit', () => {
  try {
    fs.rmSync(userDataDir, {recursive: true, force: true});
  } catch {
    // best effort
  }
});

const TEST_FILE = /^\/test\/.*\.test\.ts$/;

/**
 * esbuild ignores a package's `browser` file map once the package has `exports` (base64url-universal, used by the
 * ECDSA keys, maps its Node entry to a browser one this way). Browsers' bundlers honour it; so do the tests.
 */
const browserFieldFiles = {
  name: 'browser-field-files',
  setup(build) {
    build.onResolve({filter: /.*/}, async (args) => {
      if (args.pluginData?.browserField || args.kind === 'entry-point') return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: {browserField: true},
      });
      // Anything not a file inside node_modules resolves as esbuild would on its own.
      if (resolved.errors.length || resolved.namespace !== 'file' || !path.isAbsolute(resolved.path) ||
        !resolved.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      let dir = path.dirname(resolved.path);
      while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
      const browser = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).browser;
      const relative = `./${path.relative(dir, resolved.path).split(path.sep).join('/')}`;
      const mapped = browser && typeof browser === 'object' ? browser[relative] : undefined;
      return typeof mapped === 'string' ? {path: path.join(dir, mapped)} : undefined;
    });
  },
};

/**
 * `jsonld` is src/core/vendor/jsonld-slim.cjs, as in the browser builds (vite.config.ts, vite.bundle.config.ts): the
 * tests run the jsonld a page runs. Only the bare name (`jsonld/lib/…` stays the package's files; `jsonld-stock`, the
 * stock copy the differential test compares with, is another package).
 */
const jsonldSlim = {
  name: 'jsonld-slim',
  setup(build) {
    build.onResolve({filter: /^jsonld$/}, () => ({path: path.join(rootDir, 'src/core/vendor/jsonld-slim.cjs')}));
  },
};

/** Bundles each browser test file (and everything it imports) with esbuild. */
function bundleTestFiles() {
  return {
    name: 'bundle-test-files',
    async serve(context) {
      if (!TEST_FILE.test(context.path) || context.path.endsWith('.node.test.ts')) {
        return undefined;
      }
      const file = path.join(rootDir, decodeURIComponent(context.path));
      try {
        const result = await esbuild.build({
          entryPoints: [file],
          absWorkingDir: rootDir,
          tsconfig: path.join(rootDir, 'tsconfig.json'),
          bundle: true,
          write: false,
          format: 'esm',
          platform: 'browser',
          target: 'es2022',
          sourcemap: 'inline',
          sourceRoot: rootDir,
          logLevel: 'silent',
          loader: {'.json': 'json'},
          plugins: [jsonldSlim, browserFieldFiles],
        });
        return {body: result.outputFiles[0].text, type: 'js'};
      } catch (error) {
        const messages = (error.errors ?? [{text: String(error)}])
          .map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text))
          .join('\n');
        const message = `esbuild could not bundle ${context.path} for the browser:\n${messages}`;
        console.error(message);
        return {body: `throw new Error(${JSON.stringify(message)});`, type: 'js'};
      }
    },
  };
}

/**
 * `executeServerCommand('heap', {gc})` from a test: the page's JS heap through the Chrome DevTools Protocol, after a
 * full garbage collection when `gc` is set (HeapProfiler.collectGarbage), for tests that check nothing leaks.
 */
function heapCommand() {
  return {
    name: 'heap-command',
    async executeCommand({command, payload, session}) {
      if (command !== 'heap') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('the heap command needs Chromium through puppeteer');
      const cdp = await session.browser.getPage(session.id).createCDPSession();
      try {
        if (payload?.gc) await cdp.send('HeapProfiler.collectGarbage');
        const {usedSize, totalSize} = await cdp.send('Runtime.getHeapUsage');
        return {usedSize, totalSize};
      } finally {
        await cdp.detach().catch(() => {});
      }
    },
  };
}

export default {
  rootDir,
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  nodeResolve: false,
  concurrency: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 600000,
  plugins: [bundleTestFiles(), heapCommand()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`],
      },
    }),
  ],
  testFramework: {
    config: {
      ui: 'bdd',
      timeout: 20000,
    },
  },
  reporters: [defaultReporter({reportTestResults: true, reportTestProgress: true}), countsReporter()],
};
