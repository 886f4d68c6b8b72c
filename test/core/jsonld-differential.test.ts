/**
 * Differential proof of the jsonld 9.0.0 patch (patches/jsonld+9.0.0.patch): for every input, the canonical N-Quads
 * that the patched `jsonld` produces must be byte-identical to those of stock jsonld 9.0.0 (`jsonld-stock`), or both
 * must reject with the same error (name, code, event code and message).
 *
 * Inputs: each JSON-LD document of the public vectors (when ../shared/vectors exists), its unsigned form and each of
 * its proof configurations; credentials of several shapes made here; and seeded mutants of all of these, edited at
 * every node (test/support/jsonld-mutants.ts). The inputs run three times through both libraries: in order, in small
 * groups, each group first with safe: false (this fills every cache the patch adds, and the results are compared
 * too) and at once in safe mode; then all of them in safe mode in reverse order. So an entry cached by unsafe
 * processing or by an earlier input cannot change a later safe result unnoticed. Canonicalization is done as the Data Integrity RDFC suites do it (toRDF with
 * rdfDirection i18n-datatype, then rdf-canonize RDFC-1.0) and, for all but the mutants, also through jsonld.canonize
 * as jsonld-signatures does for Ed25519Signature2020.
 *
 * Runs in Node and in Chromium; Chromium runs fewer mutants (the count is in the test names and the summary line).
 */
import { expect } from 'chai';
import jsonld from 'jsonld';
// @ts-expect-error -- stock jsonld 9.0.0, installed under an alias, ships no types
import jsonldStock from 'jsonld-stock';
import * as rdfCanonize from 'rdf-canonize';
import { pinnedContexts } from '../../src/core/contexts/index.js';
import {
  TEST_CONTEXTS, generatedDocuments, mutantsOf, unsignedAndProofConfigurations, type Input, type JsonObject,
} from '../support/jsonld-mutants.js';

const inNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/** Mutants per base document: generated documents, then vector documents. */
const BUDGET = inNode
  ? { exhaustive: 2, generated: 230, vectors: 4 }
  : { exhaustive: 0, generated: 80, vectors: 2 };

interface ManifestEntry { file: string; kind: string; url?: string }
interface VectorSource { manifest: { files: ManifestEntry[] }; read(file: string): Promise<Uint8Array> }

/** The public vectors: read from disk in Node, fetched from the test server (outside its root) in the browser. */
async function vectorSource(): Promise<VectorSource | null> {
  if (inNode) {
    // A computed specifier keeps the Node-only module (node:fs) out of the browser bundle.
    const specifier = '../support/vectors.js';
    const vectors = (await import(specifier)) as {
      hasVectors: boolean; loadManifest(): VectorSource['manifest']; readVector(file: string): Uint8Array;
    };
    if (!vectors.hasVectors) return null;
    return { manifest: vectors.loadManifest(), read: async (file) => vectors.readVector(file) };
  }
  // web-test-runner serves /work/main; ../shared/vectors is one level above it.
  const base = '/__wds-outside-root__/1/shared/vectors/';
  const response = await fetch(`${base}MANIFEST.json`).catch(() => undefined);
  if (!response?.ok) return null;
  const manifest = (await response.json()) as VectorSource['manifest'];
  return {
    manifest,
    read: async (file) => new Uint8Array(await (await fetch(`${base}${file}`)).arrayBuffer()),
  };
}

const decoder = new TextDecoder();

/** A JSON-LD document from a vector file: JSON with an @context, or the credential inside a VC-JWT. */
function jsonLdOf(bytes: Uint8Array, file: string): JsonObject | undefined {
  const text = decoder.decode(bytes).trim();
  let value: unknown;
  try {
    if (file.endsWith('.jwt')) {
      const payload = text.split('.')[1] ?? '';
      const json = decoder.decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
      const claims = JSON.parse(json) as Record<string, unknown>;
      value = claims.vc ?? claims;
    } else value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return value && typeof value === 'object' && !Array.isArray(value) && '@context' in value ? (value as JsonObject) : undefined;
}

type Lib = {
  toRDF(input: object, options: object): Promise<unknown>;
  canonize(input: object, options: object): Promise<string>;
};

/**
 * A document loader per library (each gets its own copies): the pinned contexts (and the test's own context with
 * scoped defects) marked static, as the verifier's loader does; the vectors' extra contexts without a tag (so the
 * non-static path is exercised as well).
 */
function loader(staticContexts: ReadonlyMap<string, object>, otherContexts: ReadonlyMap<string, object>) {
  return async (url: string) => {
    const pinned = staticContexts.get(url);
    if (pinned) return { contextUrl: null, documentUrl: url, document: structuredClone(pinned), tag: 'static' };
    const other = otherContexts.get(url);
    if (other) return { contextUrl: null, documentUrl: url, document: structuredClone(other) };
    throw new Error(`The context ${url} is not available offline.`);
  };
}

/** The outcome of one canonicalization: the N-Quads, or the error's name, code, event code and message. */
async function outcome(run: () => Promise<string>): Promise<{ ok: boolean; text: string }> {
  try {
    return { ok: true, text: await run() };
  } catch (error) {
    const e = error as { name?: string; message?: string; details?: { code?: string; event?: { code?: string } } };
    return { ok: false, text: `${e?.name} | ${e?.details?.code ?? ''} | ${e?.details?.event?.code ?? ''} | ${e?.message}` };
  }
}

/** Canonical N-Quads as the Data Integrity RDFC cryptosuites compute them. */
async function canonizeAsDataIntegrity(lib: Lib, input: JsonObject, safe: boolean, documentLoader: unknown, extra: object = {}): Promise<string> {
  const dataset = await lib.toRDF(structuredClone(input), {
    rdfDirection: 'i18n-datatype', algorithm: 'RDFC-1.0', base: null, safe, documentLoader, produceGeneralizedRdf: false, ...extra,
  });
  return rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads', base: null, safe }) as Promise<string>;
}

/** Canonical N-Quads as jsonld-signatures computes them (jsonld.canonize). */
function canonizeAsLinkedDataSignature(lib: Lib, input: JsonObject, safe: boolean, documentLoader: unknown, extra: object = {}): Promise<string> {
  return lib.canonize(structuredClone(input), {
    algorithm: 'RDFC-1.0', base: null, format: 'application/n-quads', documentLoader, safe, ...extra,
  });
}

/**
 * The patch's `pause` option (a caller's pause between two scoped contexts, which the verifier uses to let a page's
 * event loop run): every call awaits, every eighth a new task. Results must not change.
 */
let pauses = 0;
const pausing = {
  pause: () => {
    pauses++;
    return pauses % 8 === 0 ? new Promise((resolve) => setTimeout(resolve, 0)) : Promise.resolve();
  },
};

interface Tally { inputs: number; identical: number; rejectedAlike: number; mismatches: string[]; outcomes: Map<string, string> }

describe(`jsonld patch: canonical N-Quads identical to stock jsonld 9.0.0 (${inNode ? 'Node' : 'Chromium'})`, function () {
  this.timeout(1_800_000);
  const inputs: (Input & { mutant: boolean })[] = [];
  const tallies: Record<string, Tally> = {};
  let vectorNote = '';
  let orderDependent: string[] = [];
  let stockLoader: unknown;
  let patchedLoader: unknown;

  before(async function () {
    const source = await vectorSource();
    const otherContexts = new Map<string, object>();
    const bases: Input[] = [];
    if (!source) {
      vectorNote = 'vectors: ../shared/vectors not found, vector inputs skipped (generated inputs and mutants ran)';
      console.log(`      jsonld differential: ../shared/vectors not found; the vector inputs are skipped.`);
    } else {
      const entries = source.manifest.files;
      for (const entry of entries.filter((f) => f.kind === 'jsonld-context' && f.url)) {
        const doc = JSON.parse(decoder.decode(await source.read(entry.file))) as object;
        if (!pinnedContexts().has(entry.url!)) otherContexts.set(entry.url!, doc);
      }
      let vectorDocs = 0;
      for (const entry of entries) {
        if (!/\.(json|jsonld|jwt)$/.test(entry.file) || entry.kind === 'jsonld-context' || entry.kind === 'key' ||
          entry.kind === 'json-schema') continue;
        const doc = jsonLdOf(await source.read(entry.file), entry.file);
        if (!doc) continue;
        vectorDocs++;
        const base = { name: `vector ${entry.file}`, doc };
        bases.push(base);
        inputs.push({ ...base, mutant: false });
        const { unsigned, configs } = unsignedAndProofConfigurations(doc);
        if (unsigned) inputs.push({ name: `${base.name} (unsigned)`, doc: unsigned, mutant: false });
        configs.forEach((config, i) => inputs.push({ name: `${base.name} (proof configuration ${i + 1})`, doc: config, mutant: false }));
      }
      vectorNote = `vectors: ${vectorDocs} documents`;
    }
    const generated = generatedDocuments();
    for (const g of generated) {
      inputs.push({ ...g, mutant: false });
      const { unsigned, configs } = unsignedAndProofConfigurations(g.doc);
      if (unsigned) inputs.push({ name: `${g.name} (unsigned)`, doc: unsigned, mutant: false });
      configs.forEach((config, i) => inputs.push({ name: `${g.name} (proof configuration ${i + 1})`, doc: config, mutant: false }));
    }
    // Mutants: the first generated documents edited exhaustively (every edit at every node), the others and the
    // vector documents as seeded, evenly spread subsets.
    generated.forEach((g, i) => {
      const limit = i < BUDGET.exhaustive ? Infinity : BUDGET.generated;
      for (const m of mutantsOf(g, 1000 + i, limit)) inputs.push({ ...m, mutant: true });
    });
    bases.forEach((b, i) => {
      for (const m of mutantsOf(b, 5000 + i, BUDGET.vectors)) inputs.push({ ...m, mutant: true });
    });
    const staticContexts = new Map([...pinnedContexts(), ...Object.entries(TEST_CONTEXTS)]);
    stockLoader = loader(staticContexts, otherContexts);
    patchedLoader = loader(staticContexts, otherContexts);
  });

  async function compare(phase: string, order: (Input & { mutant: boolean })[], safe: boolean, patchedExtra: object = {}): Promise<Tally> {
    const tally = (tallies[phase] ??= { inputs: 0, identical: 0, rejectedAlike: 0, mismatches: [], outcomes: new Map() });
    for (const input of order) {
      const methods = input.mutant ? [canonizeAsDataIntegrity] : [canonizeAsDataIntegrity, canonizeAsLinkedDataSignature];
      for (const method of methods) {
        tally.inputs++;
        const stock = await outcome(() => method(jsonldStock as Lib, input.doc, safe, stockLoader));
        const patched = await outcome(() => method(jsonld as Lib, input.doc, safe, patchedLoader, patchedExtra));
        tally.outcomes.set(`${input.name} [${method.name}]`, `${stock.text}\n${patched.text}`);
        if (stock.ok === patched.ok && stock.text === patched.text) {
          if (stock.ok) tally.identical++;
          else tally.rejectedAlike++;
        } else {
          tally.mismatches.push(`${phase}: ${input.name} [${method.name}]\n        stock:   ${stock.text.slice(0, 300)}\n        patched: ${patched.text.slice(0, 300)}`);
        }
      }
    }
    return tally;
  }

  const mutantCount = () => inputs.filter((i) => i.mutant).length;

  // Groups small enough that nothing a group's unsafe pass cached (in either library) is evicted before its safe pass.
  const GROUP = 12;

  it(`gives identical results with safe: false and then in safe mode, inputs in order in groups of ${GROUP} (${BUDGET.generated} mutants per generated document${inNode ? ', 2 exhaustive' : ''}, ${BUDGET.vectors} per vector document)`, async function () {
    for (let i = 0; i < inputs.length; i += GROUP) {
      const group = inputs.slice(i, i + GROUP);
      // Warm every cache with unsafe processing first: what it cached must not change the safe results.
      await compare('unsafe', group, false);
      await compare('safe, forward', group, true);
    }
    const unsafe = tallies.unsafe!;
    const safe = tallies['safe, forward']!;
    expect(unsafe.inputs).to.be.greaterThan(0);
    expect(unsafe.mismatches, unsafe.mismatches.slice(0, 10).join('\n')).to.deep.equal([]);
    expect(safe.mismatches, safe.mismatches.slice(0, 10).join('\n')).to.deep.equal([]);
  });

  it('gives identical canonical N-Quads or identical errors in safe mode, all inputs in reverse order (the patched library pausing between scoped contexts)', async function () {
    const t = await compare('safe, reverse', [...inputs].reverse(), true, pausing);
    // The pause was called (and awaited) by the patched library.
    expect(pauses).to.be.greaterThan(0);
    expect(t.mismatches, t.mismatches.slice(0, 10).join('\n')).to.deep.equal([]);
    // Safe mode must reject some inputs (mutants with undefined terms, relative IRIs ...) and accept others.
    expect(t.identical).to.be.greaterThan(0);
    expect(t.rejectedAlike).to.be.greaterThan(0);
    // Stock jsonld itself may answer differently for the same input depending on what it processed before (its own
    // per-context cache replays events); the patched library must then differ in exactly the same way.
    const forward = tallies['safe, forward']!.outcomes;
    orderDependent = [...t.outcomes].filter(([name, both]) => forward.get(name) !== both)
      .map(([name, both]) => `${name}\n          in order: ${forward.get(name)!.split('\n')[0]!.slice(0, 160)}\n          reversed: ${both.split('\n')[0]!.slice(0, 160)}`);
  });

  after(function () {
    const parts = Object.entries(tallies).map(([phase, t]) =>
      `${phase}: ${t.inputs} runs, ${t.identical} identical outputs, ${t.rejectedAlike} identical rejections, ${t.mismatches.length} mismatches`);
    console.log(`      jsonld differential (${inNode ? 'Node' : 'Chromium'}): ${inputs.length} inputs (${mutantCount()} mutants; ${vectorNote}); ${parts.join('; ')}; ${orderDependent.length} inputs answered differently in reverse order by both libraries alike`);
    for (const line of orderDependent.slice(0, 5)) console.log(`        order-dependent in stock and patched alike: ${line}`);
  });
});
