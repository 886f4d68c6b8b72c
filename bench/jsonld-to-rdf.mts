/**
 * Micro-benchmark: JSON-LD to RDF (jsonld.toRDF, safe mode, N-Quads) of a ~3 KB Open Badges 3.0 credential with the
 * patched `jsonld` against stock jsonld 9.0.0 (`jsonld-stock`) in one process, warm, with the pinned contexts served
 * as static by the document loader. Prints medians (wall time interleaved and in blocks, and CPU time).
 *
 *   node --import tsx bench/jsonld-to-rdf.mts [runs]          (ONLY=patched or ONLY=stock: one library alone)
 */
import jsonld from 'jsonld';
import jsonldStock from 'jsonld-stock';
import { pinnedContexts } from '../src/core/contexts/index.js';
import { makeKey, signDataIntegrity } from '../test/support/issuer.js';
import { richBadge } from './lib/credentials.mts';

const RUNS = Number(process.argv[2] ?? 400);
const contexts = pinnedContexts();
const documentLoader = async (url: string) => {
  const document = contexts.get(url);
  if (!document) throw new Error(`not pinned: ${url}`);
  return { contextUrl: null, documentUrl: url, document: structuredClone(document), tag: 'static' };
};

/**
 * The benchmarks' ~3 KB badge (bench/lib/credentials.mts), with an awarded date, the issuer's address and a
 * credentialSchema entry, and no status entry: more kinds of term for JSON-LD to expand.
 */
function richerBadge(issuer: string): Record<string, unknown> {
  const { credentialStatus: _status, ...rich } = richBadge(issuer);
  return {
    ...rich,
    awardedDate: '2026-01-15T09:00:00Z',
    issuer: {
      ...(rich.issuer as object),
      address: { type: ['Address'], addressCountry: 'US', addressLocality: 'Springfield', postalCode: '12345' },
    },
    credentialSchema: [{
      id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
      type: 'JsonSchema',
    }],
  };
}

const key = await makeKey(7);
const signed = await signDataIntegrity(richerBadge(key.controller), key);
const { proof, ...unsigned } = signed as Record<string, unknown> & { proof: Record<string, unknown> };
const { proofValue: _pv, ...proofConfig } = proof;
const inputs: [string, object][] = [
  ['credential (unsigned)', unsigned],
  ['proof configuration', { '@context': unsigned['@context'], ...proofConfig }],
  ['signed credential', signed],
];
console.log(`credential: ${JSON.stringify(unsigned).length} bytes JSON (signed: ${JSON.stringify(signed).length})`);

type Lib = typeof jsonld;
const libs: [string, Lib][] = ([['stock', jsonldStock as Lib], ['patched', jsonld]] as [string, Lib][]).filter(([n]) => !process.env.ONLY || n === process.env.ONLY);
const toRdf = (lib: Lib, doc: object) =>
  lib.toRDF(structuredClone(doc), { documentLoader, safe: true, format: 'application/n-quads', base: null, rdfDirection: 'i18n-datatype' } as never);

// Same output first (the differential test is the real proof; this guards the benchmark itself).
for (const [name, doc] of inputs) {
  const [a, b] = [await toRdf(jsonldStock as Lib, doc), await toRdf(jsonld, doc)];
  if (a !== b) throw new Error(`output differs for ${name}`);
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length * 0.95)]; };
const ms = (x: number) => x.toFixed(3);
for (const [name, doc] of inputs) {
  for (let i = 0; i < 50; i++) for (const [, lib] of libs) await toRdf(lib, doc); // warm
  // Wall time interleaved (alternating which goes first), then each library in a block of its own (the stock
  // library's garbage weighs on whatever runs next to it), with the process CPU time of each run as well (less
  // sensitive to other processes on a busy machine).
  const interleaved: Record<string, number[]> = { stock: [], patched: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const [label, lib] of i % 2 ? libs : [...libs].reverse()) {
      const t0 = performance.now();
      await toRdf(lib, doc);
      interleaved[label].push(performance.now() - t0);
    }
  }
  const block: Record<string, number[]> = { stock: [], patched: [] };
  const cpu: Record<string, number[]> = { stock: [], patched: [] };
  for (const [label, lib] of libs) {
    for (let i = 0; i < RUNS; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await toRdf(lib, doc);
      block[label].push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu[label].push((c.user + c.system) / 1000);
    }
  }
  console.log(`${name} [${RUNS} runs each]`);
  for (const [mode, t] of [['interleaved', interleaved], ['in blocks', block], ['CPU time', cpu]] as const) {
    const part = (label: string) => (t[label].length ? `${label} median ${ms(median(t[label]))} ms (p95 ${ms(p95(t[label]))})` : '');
    const ratio = t.stock.length && t.patched.length ? `  ×${(median(t.stock) / median(t.patched)).toFixed(1)}` : '';
    console.log(`  ${mode.padEnd(12)} ${part('stock')}  ${part('patched')}${ratio}`);
  }
}
