/**
 * Memory check for the patched jsonld: 10,000 different documents (seeded mutants of the generated credentials,
 * each with its own inline context so every one adds entries to jsonld's context caches and the processed-context
 * memo) through toRDF; prints the heap after a full GC every 2,000 documents.
 *
 *   node --expose-gc --import tsx bench/jsonld-memory.mts
 */
import jsonld from 'jsonld';
import { pinnedContexts } from '../src/core/contexts/index.js';
import { TEST_CONTEXTS, generatedDocuments, mutantsOf } from '../test/support/jsonld-mutants.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const contexts = new Map<string, object>([...pinnedContexts(), ...Object.entries(TEST_CONTEXTS)]);
const documentLoader = async (url: string) => {
  const document = contexts.get(url);
  if (!document) throw new Error(`not pinned: ${url}`);
  return { contextUrl: null, documentUrl: url, document: structuredClone(document), tag: 'static' };
};
const bases = generatedDocuments();
const TOTAL = Number(process.argv[2] ?? 10_000);
let done = 0;
let seed = 1;
const heap = () => { gc(); gc(); return (process.memoryUsage().heapUsed / 1048576).toFixed(1); };
console.log(`documents 0: heap ${heap()} MB`);
while (done < TOTAL) {
  for (const base of bases) {
    for (const m of mutantsOf(base, seed++, 25)) {
      // a distinct inline context per document (new entries in every cache)
      const doc = { ...m.doc, '@context': [...(Array.isArray(m.doc['@context']) ? m.doc['@context'] : [m.doc['@context'] ?? null]), { [`term${done}`]: `https://example.org/vocab#t${done}` }] };
      await jsonld.toRDF(doc, { documentLoader, safe: false, format: 'application/n-quads' }).catch(() => undefined);
      if (++done % 2000 === 0) console.log(`documents ${done}: heap ${heap()} MB`);
      if (done >= TOTAL) break;
    }
    if (done >= TOTAL) break;
  }
}
