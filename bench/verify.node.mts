/**
 * `npm run bench`: this project against @digitalcredentials/verifier-core on the same credentials, in one Node
 * process, interleaved (ours, theirs, ours, theirs...), after a warm-up; then the cases verifier-core cannot verify
 * (VC-JWT, CLR with nested credentials), JSON-LD to RDF alone, and the first call in a fresh process. Offline: our
 * side gets an in-memory fetch; verifier-core's document loader and global fetch are replaced by in-memory ones
 * (it never reaches the network). Writes bench/results/verify-node.json and prints a summary.
 *
 *   node --import tsx bench/verify.node.mts [runs]     (default 300 timed runs per case)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodeCrypto from 'node:crypto';
import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import jsonldStock from 'jsonld-stock';
import { StatusListCache, verifyCredential, warmUp, type VerificationResult } from '../src/core/index.js';
import { isPinnedContext, loadPinnedContext } from '../src/core/contexts/load.js';
import { jsonldState, makeBenchCredentials, memoryFetch, RDF_OPTIONS, signedParts, stats } from './lib/credentials.mts';
import { stackAlone } from './lib/stack-alone.mts';

const RUNS = Math.max(200, Number(process.argv[2] ?? 300));
const WARM = 40;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = path.join(root, 'src/core/schemas/data/achievementcredential.json');
const OB_SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const loadAtStart = load();
const credentials = await makeBenchCredentials();
const documents = credentials.documents;

// ---- this project: an injected in-memory fetch and one status list cache (warm after the first call).
const ourFetch = memoryFetch(documents);
const statusCache = new StatusListCache();
const ours = (credential: unknown) => verifyCredential(credential, { fetch: ourFetch, statusCache });

// ---- verifier-core, offline: its document loader's http(s) handler and the global fetch (its schema check) answer
// from memory. It resolves did:key itself.
const loader = await import('@digitalcredentials/security-document-loader');
const realFetch = globalThis.fetch;
let theirRequests = 0;
(loader.httpClientHandler as { get(p: { url: string }): Promise<unknown> }).get = async ({ url }: { url: string }) => {
  theirRequests++;
  const document = documents[url] ?? (isPinnedContext(url) ? await loadPinnedContext(url) : undefined);
  if (!document) throw new Error(`NotFoundError loading "${url}": offline benchmark`);
  // As the real handler does: the parsed JSON of the response body.
  return structuredClone(document);
};
globalThis.fetch = (async (input: string | URL | Request) => {
  theirRequests++;
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url === OB_SCHEMA) return new Response(fs.readFileSync(schemaFile), { status: 200, headers: { 'content-type': 'application/json' } });
  return new Response('offline benchmark', { status: 404 });
}) as typeof fetch;
const { verifyCredential: theirVerify } = await import('@digitalcredentials/verifier-core');
// verifier-core logs every schema it cannot fetch (here: the VC 1.1 schema it guesses, which is not held offline);
// the logging is silenced, its cost stays in its time.
const quiet = { log: console.log, error: console.error, warn: console.warn };
const theirs = async (credential: unknown) => {
  console.log = console.error = console.warn = () => {};
  try {
    return await theirVerify({ credential, knownDIDRegistries: [] });
  } finally {
    Object.assign(console, quiet);
  }
};

// ---- sanity: both sides must accept each credential before anything is timed.
function ourSummary(r: VerificationResult): string {
  return `${r.verdict} (${r.checks.map((c) => `${c.id}:${c.code}`).join(', ')})`;
}
function theirSummary(r: { log?: { id: string; valid?: boolean; error?: unknown }[]; errors?: unknown[] }): string {
  if (r.errors) return `errors: ${JSON.stringify(r.errors).slice(0, 300)}`;
  return (r.log ?? []).map((e) => `${e.id}:${e.valid ?? (e.error ? 'error' : '?')}`).join(', ');
}
function theirOk(r: { log?: { id: string; valid?: boolean }[]; errors?: unknown[] }): boolean {
  const log = r.log ?? [];
  const step = (id: string) => log.find((e) => e.id === id)?.valid;
  return !r.errors && step('valid_signature') === true && step('expiration') === true && step('revocation_status') === true;
}

const timed = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

interface CaseResult {
  name: string;
  bytes: number;
  ours: ReturnType<typeof stats>;
  theirs?: ReturnType<typeof stats>;
  ratio?: number;
  /** The stack alone (bench/lib/stack-alone.mts), timed in the same interleaved loop. */
  stack?: ReturnType<typeof stats> & { ratio: number };
  ourChecks: string;
  theirChecks?: string;
  target?: string;
}
const cases: CaseResult[] = [];

async function compare(name: string, credential: Record<string, unknown>, target: string, stack?: () => Promise<void>) {
  const o = await ours(structuredClone(credential));
  const t = await theirs(structuredClone(credential));
  if (o.verdict !== 'verified') throw new Error(`${name}: this project did not verify it: ${ourSummary(o)}`);
  if (!theirOk(t as never)) throw new Error(`${name}: verifier-core did not verify it: ${theirSummary(t as never)}`);
  for (let i = 0; i < WARM; i++) {
    await ours(credential);
    await theirs(credential);
    await stack?.();
  }
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(await timed(() => ours(credential)));
    b.push(await timed(() => theirs(credential)));
    if (stack) c.push(await timed(stack));
  }
  const s = { ours: stats(a), theirs: stats(b) };
  cases.push({
    name, bytes: JSON.stringify(credential).length, ...s, ratio: s.theirs.median / s.ours.median, target,
    ...(stack ? { stack: { ...stats(c), ratio: s.theirs.median / stats(c).median } } : {}),
    ourChecks: ourSummary(o), theirChecks: theirSummary(t as never),
  });
}

async function alone(name: string, credential: unknown, target: string, expect: (r: VerificationResult) => boolean) {
  const o = await ours(credential);
  if (!expect(o)) throw new Error(`${name}: unexpected result ${ourSummary(o)}`);
  for (let i = 0; i < WARM; i++) await ours(credential);
  const a: number[] = [];
  for (let i = 0; i < RUNS; i++) a.push(await timed(() => ours(credential)));
  cases.push({ name, bytes: typeof credential === 'string' ? credential.length : JSON.stringify(credential).length, ours: stats(a), ourChecks: ourSummary(o), target });
}

await warmUp();
await compare('eddsa-rdfc-2022 Open Badge, BitstringStatusListEntry (warm list cache)', credentials.eddsa, '>= 8x faster than verifier-core; ~0.35 ms', stackAlone(credentials.eddsa));
await compare('Ed25519Signature2020 Open Badge (VC 1.1), BitstringStatusListEntry', credentials.ed25519Signature2020, '>= 8x faster than verifier-core');
await alone('VC-JWT (EdDSA) Open Badge, did:jwk (verifier-core verifies no JWTs)', credentials.jwt, '< 0.2 ms', (r) => r.verdict === 'verified');
await alone('CLR 2.0 with 3 nested eddsa-rdfc-2022 badges (verifier-core does not verify nested credentials)', credentials.clr, '<= 3 ms', (r) => r.verdict === 'verified' && r.nestedSummary?.verified === 3);

// ---- JSON-LD to RDF alone: the unsigned badge, as the eddsa-rdfc-2022 suite converts it (safe mode), pinned contexts.
const { unsigned, proofConfig } = signedParts(credentials.eddsa);
const toRdf = () => jsonld.toRDF(unsigned, RDF_OPTIONS);
const quads = (await toRdf()).length;
for (let i = 0; i < WARM * 5; i++) await toRdf();
const rdf: number[] = [];
for (let i = 0; i < RUNS; i++) rdf.push(await timed(toRdf));
const toRdfStats = stats(rdf);

// ---- how fast this machine is at this moment, on work this project does not change: an Ed25519 signature check
// (node:crypto), SHA-256 of 1 KB, and stock jsonld 9.0.0 turning the same badge into RDF. Issue 7's absolute targets
// were set on a machine where stock jsonld took about 1.6 ms here and the cryptography under 0.1 ms.
const edKeys = nodeCrypto.generateKeyPairSync('ed25519');
const edData = Buffer.alloc(64, 7);
const edSignature = nodeCrypto.sign(null, edData, edKeys.privateKey);
const kilobyte = Buffer.alloc(1024, 1);
const stockToRdf = () => jsonldStock.toRDF(unsigned, RDF_OPTIONS as never);
if ((await stockToRdf()).length !== quads) throw new Error('stock jsonld gave another number of quads');
const sample = async (fn: () => unknown, runs: number) => {
  for (let i = 0; i < 50; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(await timed(async () => fn()));
  return stats(xs).median;
};
const calibration = {
  ed25519Verify: await sample(() => nodeCrypto.verify(null, edData, edKeys.publicKey, edSignature), 2000),
  sha256Of1KB: await sample(() => nodeCrypto.createHash('sha256').update(kilobyte).digest(), 2000),
  stockJsonldToRdf: await sample(stockToRdf, RUNS),
  note: 'medians, same process, same moment: work this project does not change (node:crypto Ed25519 verify, SHA-256 of 1 KB, stock jsonld 9.0.0 toRDF of the badge). When issue 7 set its targets, stock toRDF took about 1.6 ms and the cryptography under 0.1 ms.',
};

// ---- floors: the part of a case that no verifier of that credential can skip, timed on the same credential through
// the fastest means this runtime has, every key already made and nothing else checked. A target below its floor
// cannot be met on this machine by any change to this project.
// - VC-JWT: split the token, base64url-decode and JSON-parse header and payload, one Ed25519 check (node:crypto).
// - eddsa-rdfc-2022: both RDF datasets given ready-made (JSON-LD to RDF costs nothing here), RDFC-1.0 of each with
//   rdf-canonize (the stack's canonicaliser), SHA-256 of each, one Ed25519 check (node:crypto).
const jwtHeader = credentials.jwt.split('.')[0]!;
const kid = String(JSON.parse(Buffer.from(jwtHeader, 'base64url').toString()).kid ?? '');
if (!kid.startsWith('did:jwk:')) throw new Error(`the JWT floor expects a did:jwk key, not ${kid}`);
const jwtKey = nodeCrypto.createPublicKey({ key: JSON.parse(Buffer.from(kid.slice(8).split('#')[0]!, 'base64url').toString()), format: 'jwk' });
const jwtFloor = () => {
  const [h, p, s] = credentials.jwt.split('.') as [string, string, string];
  JSON.parse(Buffer.from(h, 'base64url').toString());
  JSON.parse(Buffer.from(p, 'base64url').toString());
  return nodeCrypto.verify(null, Buffer.from(`${h}.${p}`), jwtKey, Buffer.from(s, 'base64url'));
};
if (!jwtFloor()) throw new Error('the JWT floor did not verify the token');
const documentDataset = await jsonld.toRDF(unsigned, RDF_OPTIONS);
const proofDataset = await jsonld.toRDF(proofConfig, RDF_OPTIONS);
const rdfc = (dataset: object) => rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads' }) as Promise<string>;
const verifyData = async () => {
  const [proofNQuads, documentNQuads] = [await rdfc(proofDataset), await rdfc(documentDataset)];
  return Buffer.concat([nodeCrypto.createHash('sha256').update(proofNQuads).digest(), nodeCrypto.createHash('sha256').update(documentNQuads).digest()]);
};
const floorSignature = nodeCrypto.sign(null, await verifyData(), edKeys.privateKey);
const dataIntegrityFloor = async () => nodeCrypto.verify(null, await verifyData(), edKeys.publicKey, floorSignature);
if (!(await dataIntegrityFloor())) throw new Error('the Data Integrity floor did not verify');
const floors = {
  jwt: await sample(jwtFloor, 2000),
  dataIntegrity: await sample(dataIntegrityFloor, RUNS),
  note: 'medians, same process: the work no verifier of the credential can skip (VC-JWT: decode, parse, one Ed25519 check; eddsa-rdfc-2022: RDFC-1.0 of both ready-made datasets, two SHA-256, one Ed25519 check, with no JSON-LD to RDF at all), through node:crypto and rdf-canonize',
};

// ---- first call in a fresh process: without and with the warm-up.
function firstCall(mode: 'cold' | 'warm'): Record<string, number> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/lib/first-call.mts'), mode], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}
const first = { cold: [] as Record<string, number>[], warm: [] as Record<string, number>[] };
for (let i = 0; i < 5; i++) {
  first.cold.push(firstCall('cold'));
  first.warm.push(firstCall('warm'));
}
const med = (rows: Record<string, number>[], key: string) => stats(rows.map((r) => r[key]!)).median;

globalThis.fetch = realFetch;
const jsonldPatched = jsonldState(root);
const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? 'unknown';
const result = {
  date: new Date().toISOString(),
  machine: { nproc: os.cpus().length, cpu, node: process.version, loadAtStart, loadAtEnd: load() },
  jsonldPatch: jsonldPatched,
  runsPerCase: RUNS,
  checked: {
    ours: 'format (context allow-list), signature (key resolved, bound to the issuer: controller and assertionMethod), validity dates, status (BitstringStatusList: list fetched, verified and decoded once, then from the warm cache), schema (only when credentialSchema names a pinned schema: not here), view model',
    theirs: 'signature (with issuer = key controller, CredentialIssuancePurpose), expiration, revocation status (the list is loaded from memory and its own signature verified on every call: verifier-core keeps no list cache), issuer registries (none given), schema (the OB 3.0 schema it guesses: for the VC 2.0 badge the AchievementCredential JSON schema, served from memory, compiled once by Ajv and applied on every call; for the VC 1.1 badge a JSON-LD schema not held offline: its fetch is refused, so that check does not complete)',
    verifierCoreRequests: theirRequests,
  },
  cases,
  jsonldToRdf: { ...toRdfStats, quads, target: '<= 0.15 ms' },
  calibration,
  floors,
  firstCall: {
    runs: first.cold.length,
    note: 'fresh Node process (tsx), medians: import = importing the core; cold = first verify of the eddsa badge; warmUp = warmUp() (at idle, before any badge); afterWarm = first verify of the badge after warmUp()',
    cold: { import: med(first.cold, 'import'), firstVerify: med(first.cold, 'verify'), secondVerify: med(first.cold, 'second') },
    warm: { import: med(first.warm, 'import'), warmUp: med(first.warm, 'warmUp'), firstVerify: med(first.warm, 'verify'), secondVerify: med(first.warm, 'second') },
  },
};
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/verify-node.json'), `${JSON.stringify(result, null, 2)}\n`);

const ms = (x: number) => `${x.toFixed(3)} ms`;
console.log(`verifiable-badges vs @digitalcredentials/verifier-core, Node ${process.version}, ${cpu}, ${os.cpus().length} CPUs, load ${loadAtStart} -> ${load()}`);
console.log(`jsonld: ${result.jsonldPatch}; ${RUNS} timed runs per case after ${WARM} warm-up runs, interleaved`);
console.log(`this project checked: ${result.checked.ours}`);
console.log(`verifier-core checked: ${result.checked.theirs}\n`);
for (const c of cases) {
  console.log(`${c.name} (${c.bytes} bytes) [target ${c.target}]`);
  console.log(`  this project   median ${ms(c.ours.median)}  p95 ${ms(c.ours.p95)}   ${c.ourChecks}`);
  if (c.theirs) {
    console.log(`  verifier-core  median ${ms(c.theirs.median)}  p95 ${ms(c.theirs.p95)}   ${c.theirChecks}`);
    console.log(`  ratio (verifier-core / this project, medians): ${c.ratio!.toFixed(1)}x`);
    if (c.stack) console.log(`  the stack alone (no input copy, no other check, no view) median ${ms(c.stack.median)}  p95 ${ms(c.stack.p95)}; verifier-core / stack alone ${c.stack.ratio.toFixed(1)}x`);
  }
}
console.log(`JSON-LD to RDF alone (${quads} quads) [target <= 0.15 ms]: median ${ms(toRdfStats.median)}  p95 ${ms(toRdfStats.p95)}`);
console.log(`machine now: Ed25519 verify ${ms(calibration.ed25519Verify)}, SHA-256 of 1 KB ${ms(calibration.sha256Of1KB)}, stock jsonld toRDF of the badge ${ms(calibration.stockJsonldToRdf)} (when the targets were set: ~1.6 ms)`);
console.log(`floors (work no verifier can skip): VC-JWT ${ms(floors.jwt)} [target < 0.2 ms]; eddsa-rdfc-2022 without any JSON-LD to RDF ${ms(floors.dataIntegrity)} [target ~0.35 ms]`);
const fc = result.firstCall;
console.log(`first call, fresh process (median of ${fc.runs}): import ${ms(fc.cold.import)}; without warm-up: first verify ${ms(fc.cold.firstVerify)} (second ${ms(fc.cold.secondVerify)}); with warm-up: warmUp ${ms(fc.warm.warmUp)}, then first verify ${ms(fc.warm.firstVerify)} (second ${ms(fc.warm.secondVerify)})`);
console.log('written to bench/results/verify-node.json');
