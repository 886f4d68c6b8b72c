/**
 * The single-credential verification in Debian Chromium: the benchmark's eddsa-rdfc-2022 badge (warm status list
 * cache) and the VC-JWT badge, verified by the core bundled for browsers (vite, into a temp dir, served on 127.0.0.1),
 * median of >= 200 after a warm-up; and the first verification on a fresh page, without and with warmUp().
 * Writes bench/results/verify-browser.json.
 *
 *   node --import tsx bench/verify.browser.mjs [runs] [--profile]
 *
 * --profile: builds without minifying, records a V8 CPU profile (50 µs sampling) of the warm runs, writes it to
 * $TMPDIR/vb-verify-browser.cpuprofile (DevTools can load it) and prints the functions with the most self time;
 * no figures are written (a profiled page is slower).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, serveDirectory } from '../scripts/lib/static-server.mjs';
import jsonld from 'jsonld';
import { jsonldState, makeBenchCredentials, RDF_OPTIONS, signedParts, stats } from './lib/credentials.mts';

const PROFILE = process.argv.includes('--profile');
const RUNS = Math.max(200, Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 300));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const loadAtStart = load();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-bench-browser-'));
const out = path.join(work, 'site');

const credentials = await makeBenchCredentials();
const FLOOR_BATCH = 10;
// The eddsa-rdfc-2022 badge's two RDF datasets (the unsigned document, the proof configuration) for the floor.
const { unsigned, proofConfig } = signedParts(credentials.eddsa);
const floor = { documentDataset: await jsonld.toRDF(unsigned, RDF_OPTIONS), proofDataset: await jsonld.toRDF(proofConfig, RDF_OPTIONS) };
const entry = path.join(work, 'bench-page.ts');
fs.writeFileSync(
  entry,
  `import { StatusListCache, verifyCredential, warmUp } from ${JSON.stringify(path.join(root, 'src/core/index.ts'))};
import { Sha256MessageDigest, sha256, textEncoder } from ${JSON.stringify(path.join(root, 'src/core/crypto/sha256.ts'))};
import * as rdfCanonize from ${JSON.stringify(path.join(root, 'node_modules/rdf-canonize/index.js'))};
const data = await (await fetch('./credentials.json')).json();
const documents = data.documents;
const fetchFromMemory = async (input) => {
  const url = typeof input === 'string' ? input : input.url;
  const doc = documents[url];
  return doc ? new Response(JSON.stringify(doc), { status: 200, headers: { 'content-type': 'application/json' } }) : new Response('not found', { status: 404 });
};
const statusCache = new StatusListCache();
const verify = (credential) => verifyCredential(credential, { fetch: fetchFromMemory, statusCache });
const mode = new URLSearchParams(location.search).get('mode');
async function run() {
  if (mode === 'first' || mode === 'first-warm') {
    let warm = 0;
    if (mode === 'first-warm') {
      const t = performance.now();
      if (!(await warmUp())) throw new Error('warm-up did not verify');
      warm = performance.now() - t;
    }
    const t0 = performance.now();
    const r = await verify(structuredClone(data.eddsa));
    const t1 = performance.now();
    await verify(structuredClone(data.eddsa));
    const t2 = performance.now();
    if (r.verdict !== 'verified') throw new Error('not verified: ' + JSON.stringify(r.checks));
    return { warmUp: warm, first: t1 - t0, second: t2 - t1 };
  }
  const results = {};
  for (const [name, credential] of [['eddsa', data.eddsa], ['jwt', data.jwt]]) {
    const r = await verify(credential);
    if (r.verdict !== 'verified') throw new Error(name + ' not verified: ' + JSON.stringify(r.checks));
    for (let i = 0; i < 40; i++) await verify(credential);
    const samples = [];
    for (let i = 0; i < ${RUNS}; i++) {
      const t0 = performance.now();
      await verify(credential);
      samples.push(performance.now() - t0);
    }
    results[name] = { samples, checks: r.checks.map((c) => c.id + ':' + c.code).join(', ') };
  }
  results.floor = await dataIntegrityFloor();
  return results;
}

// The eddsa-rdfc-2022 badge's floor (see bench/verify.node.mts): its two RDF datasets ready-made, RDFC-1.0 of each
// (rdf-canonize with the in-place SHA-256 the core gives it), SHA-256 of each, one Ed25519 check through WebCrypto.
// Timed ${FLOOR_BATCH} at a time: one is near performance.now()'s 0.1 ms resolution on this page.
async function dataIntegrityFloor() {
  const rdfc = (dataset) => rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads', createMessageDigest: () => new Sha256MessageDigest() });
  const verifyData = async () => {
    const proof = sha256(textEncoder.encode(await rdfc(data.floor.proofDataset)));
    const document = sha256(textEncoder.encode(await rdfc(data.floor.documentDataset)));
    const bytes = new Uint8Array(64);
    bytes.set(proof);
    bytes.set(document, 32);
    return bytes;
  };
  const keys = await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
  const signature = await crypto.subtle.sign({ name: 'Ed25519' }, keys.privateKey, await verifyData());
  const once = async () => crypto.subtle.verify({ name: 'Ed25519' }, keys.publicKey, signature, await verifyData());
  if (!(await once())) throw new Error('the Data Integrity floor did not verify');
  for (let i = 0; i < 100; i++) await once();
  const samples = [];
  for (let i = 0; i < ${Math.ceil(RUNS / 5)}; i++) {
    const t0 = performance.now();
    for (let j = 0; j < ${FLOOR_BATCH}; j++) await once();
    samples.push((performance.now() - t0) / ${FLOOR_BATCH});
  }
  return { samples };
}
run().then((r) => { window.__result = r; }, (e) => { window.__error = String(e && e.stack || e); });
`,
);
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'credentials.json'), JSON.stringify({ eddsa: credentials.eddsa, jwt: credentials.jwt, documents: credentials.documents, floor }));
fs.writeFileSync(path.join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="./bench.js"></script>\n');
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    outDir: out,
    emptyOutDir: false,
    minify: !PROFILE,
    lib: { entry, formats: ['es'], fileName: () => 'bench.js' },
    rolldownOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});

const server = await serveDirectory(out);
// Playwright gives the browser a fresh temporary profile.
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
const version = browser.version();
async function inPage(mode, profile = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = profile ? await context.newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
  }
  await page.goto(`${server.origin}/index.html${mode ? `?mode=${mode}` : ''}`);
  await page.waitForFunction(() => window.__result || window.__error, null, { timeout: 600_000 });
  const error = await page.evaluate(() => window.__error);
  if (error) throw new Error(error);
  const result = await page.evaluate(() => window.__result);
  if (cdp) {
    const { profile: recorded } = await cdp.send('Profiler.stop');
    const file = path.join(os.tmpdir(), 'vb-verify-browser.cpuprofile');
    fs.writeFileSync(file, JSON.stringify(recorded));
    const self = new Map();
    const byId = new Map(recorded.nodes.map((n) => [n.id, n]));
    recorded.samples.forEach((id, i) => {
      const frame = byId.get(id).callFrame;
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (recorded.timeDeltas[i] ?? 0));
    });
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(`CPU profile written to ${file}; most self time:`);
    for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${((100 * t) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
  await context.close();
  return result;
}
if (PROFILE) {
  try {
    await inPage('', true);
  } finally {
    await browser.close();
    await server.close();
  }
  process.exit(0);
}
try {
  const warm = await inPage('');
  const firsts = { cold: [], warm: [] };
  for (let i = 0; i < 5; i++) {
    firsts.cold.push(await inPage('first'));
    firsts.warm.push(await inPage('first-warm'));
  }
  const med = (rows, key) => stats(rows.map((r) => r[key])).median;
  const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? 'unknown';
  const result = {
    date: new Date().toISOString(),
    machine: { nproc: os.cpus().length, cpu, chromium: version, loadAtStart, loadAtEnd: load() },
    jsonldPatch: jsonldState(root),
    runs: RUNS,
    eddsa: { ...stats(warm.eddsa.samples), checks: warm.eddsa.checks, target: '<= 0.4 ms' },
    jwt: { ...stats(warm.jwt.samples), checks: warm.jwt.checks },
    floor: {
      dataIntegrity: stats(warm.floor.samples).median,
      note: `the eddsa-rdfc-2022 badge's floor: its two RDF datasets ready-made (no JSON-LD to RDF), RDFC-1.0 of each with the in-place SHA-256, SHA-256 of each, one Ed25519 check through WebCrypto; median of ${warm.floor.samples.length} batches of ${FLOOR_BATCH}`,
    },
    firstCall: {
      runs: firsts.cold.length,
      note: 'fresh page (new browser context), medians; the page module and credentials are loaded first',
      cold: { firstVerify: med(firsts.cold, 'first'), secondVerify: med(firsts.cold, 'second') },
      warm: { warmUp: med(firsts.warm, 'warmUp'), firstVerify: med(firsts.warm, 'first'), secondVerify: med(firsts.warm, 'second') },
    },
  };
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/results/verify-browser.json'), `${JSON.stringify(result, null, 2)}\n`);
  const ms = (x) => `${x.toFixed(3)} ms`;
  console.log(`Chromium ${version}, ${cpu}, ${os.cpus().length} CPUs, load ${loadAtStart} -> ${load()}; jsonld: ${result.jsonldPatch}`);
  console.log(`eddsa-rdfc-2022 badge, warm status cache [target <= 0.4 ms]: median ${ms(result.eddsa.median)}  p95 ${ms(result.eddsa.p95)} (${RUNS} runs)  ${result.eddsa.checks}`);
  console.log(`VC-JWT badge: median ${ms(result.jwt.median)}  p95 ${ms(result.jwt.p95)}  ${result.jwt.checks}`);
  console.log(`floor of the eddsa-rdfc-2022 badge (no JSON-LD to RDF at all) [target of the whole <= 0.4 ms]: ${ms(result.floor.dataIntegrity)}`);
  const f = result.firstCall;
  console.log(`first verify on a fresh page (median of ${f.runs}): without warm-up ${ms(f.cold.firstVerify)} (second ${ms(f.cold.secondVerify)}); with warm-up: warmUp ${ms(f.warm.warmUp)}, then first verify ${ms(f.warm.firstVerify)} (second ${ms(f.warm.secondVerify)})`);
  console.log('written to bench/results/verify-browser.json');
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(work, { recursive: true, force: true });
}
