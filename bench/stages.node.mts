/**
 * Where the time of one warm Data Integrity verification goes, stage by stage (medians in Node): JSON-LD to RDF and
 * RDFC-1.0 of the document and of the proof configuration, the signature through WebCrypto, and the whole
 * `verifyCredential`. For finding the next thing to make faster; the figures that count come from `npm run bench`.
 *
 *   node --import tsx bench/stages.node.mts [runs]
 */
import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import { StatusListCache, verifyCredential } from '../src/core/index.js';
import { isPinnedContext, loadPinnedContext } from '../src/core/contexts/load.js';
import { canonize } from '../src/core/crypto/eddsa-rdfc-2022.js';
import { loadInput } from '../src/core/load/input.js';
import { checkFormat } from '../src/core/checks/format.js';
import { checkSignature } from '../src/core/checks/signature.js';
import { checkValidity } from '../src/core/checks/validity.js';
import { checkSchema } from '../src/core/checks/schema.js';
import { checkStatus } from '../src/core/checks/status.js';
import { buildView } from '../src/core/view.js';
import { makeBenchCredentials, memoryFetch, stats } from './lib/credentials.mts';

const RUNS = Number(process.argv[2] ?? 1000);
const credentials = await makeBenchCredentials();
const documents = credentials.documents;
const fetch = memoryFetch(documents);
const statusCache = new StatusListCache();
const documentLoader = async (url: string) => {
  if (!isPinnedContext(url)) throw new Error(`not pinned: ${url}`);
  return { contextUrl: null, documentUrl: url, document: await loadPinnedContext(url), tag: 'static' };
};
const signed = credentials.eddsa as Record<string, unknown> & { proof: Record<string, unknown> };
const { proof, ...unsigned } = signed;
const { proofValue: _pv, ...proofOptions } = proof;
const proofConfig = { '@context': unsigned['@context'], ...proofOptions };
const options = { documentLoader, safe: true, base: null, rdfDirection: 'i18n-datatype', produceGeneralizedRdf: false };
const dataset = await jsonld.toRDF(unsigned, options);
const key = await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']) as CryptoKeyPair;
const data = new Uint8Array(64).fill(7);
const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, data));

const net = { fetch, timeoutMs: 10_000, maxBytes: 5_000_000 };
const issuerId = (signed.issuer as { id: string }).id;
const resolve = () => ({ net, documents: new Map(), now: Date.now(), partition: fetch });
const now = new Date();
const stages: [string, () => unknown][] = [
  ['verifyCredential (whole)', () => verifyCredential(signed, { fetch, statusCache })],
  ['loadInput', () => loadInput(signed, { net, maxChars: 5_000_000, maxDepth: 64 })],
  ['checkFormat', () => checkFormat(signed, new Set())],
  ['checkSignature', () => checkSignature(signed, issuerId, resolve(), new Map())],
  ['checkValidity', () => checkValidity(signed, 2, now, 300_000)],
  ['checkStatus (warm list)', () => checkStatus(signed, issuerId, { net, now, cache: statusCache, verifyList: (bytes) => verifyCredential(bytes, { fetch, statusCache }) } as never)],
  ['checkSchema', () => checkSchema(signed)],
  ['buildView', () => buildView(signed)],
  ['canonize document (toRDF + RDFC)', () => canonize(unsigned, { documentLoader })],
  ['  toRDF document', () => jsonld.toRDF(unsigned, options)],
  ['  expand document', () => jsonld.expand(unsigned, { documentLoader, safe: true })],
  ['  RDFC-1.0 of its dataset', () => rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads' })],
  ['canonize proof configuration', () => canonize(proofConfig, { documentLoader })],
  ['WebCrypto Ed25519 verify', () => crypto.subtle.verify({ name: 'Ed25519' }, key.publicKey, signature, data)],
  ['SHA-256 of 2 KB (WebCrypto)', () => crypto.subtle.digest('SHA-256', new Uint8Array(2048))],
];
const samples = stages.map(() => [] as number[]);
for (let i = 0; i < RUNS + 100; i++) {
  for (let s = 0; s < stages.length; s++) {
    const t0 = performance.now();
    await stages[s][1]();
    if (i >= 100) samples[s].push(performance.now() - t0);
  }
}
stages.forEach(([name], s) => {
  const st = stats(samples[s]);
  console.log(`${name.padEnd(36)} median ${st.median.toFixed(3)} ms  p95 ${st.p95.toFixed(3)} ms`);
});
