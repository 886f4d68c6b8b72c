/**
 * The `eddsa-rdfc-2022` cryptosuite without the Ed25519 library on its fast path. The canonicalisation is the one
 * @digitalbazaar/eddsa-rdfc-2022-cryptosuite performs (its `canonize`: jsonld to RDF in safe mode, then RDFC-1.0,
 * in browsers with its SHA-256 computed in place; test/core/webcrypto.test.ts checks both give the same N-Quads).
 * The signature is checked through WebCrypto (`node:crypto` in Node), and the package itself, with its pure-JS
 * Ed25519, is loaded only where neither has Ed25519 or both refuse the key.
 */
import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import { withWebCrypto } from './suites.js';
import { nodeCrypto } from './node.js';
import { Sha256MessageDigest, sha256, textEncoder } from './sha256.js';
import { yieldIfDue } from '../util/yield.js';
import { once } from '../util/once.js';
import type { Verifier } from './webcrypto.js';

/**
 * The N-Quads of `input`. jsonld gets a `pause` (patches/README.md, item 4): between two scoped contexts, a page's
 * event loop has a turn once 8 ms have run, so a cold first verification (the large pinned contexts processed for
 * the first time) runs in slices instead of one long task. In Node it never waits.
 */
export async function canonize(input: object, options: Record<string, unknown>): Promise<string> {
  const merged: Record<string, unknown> = { algorithm: 'RDFC-1.0', format: 'application/n-quads', base: null, safe: true, pause: yieldIfDue, ...options };
  const toRdfOptions: Record<string, unknown> = { rdfDirection: 'i18n-datatype', ...merged, produceGeneralizedRdf: false };
  delete toRdfOptions.format;
  const dataset = await jsonld.toRDF(input, toRdfOptions);
  // Browsers: the blank-node hashes on this thread (./sha256.ts) rather than one crypto.subtle.digest round trip each.
  // Node's rdf-canonize hashes with node:crypto already.
  const sha256 = merged.messageDigestAlgorithm === undefined && merged.createMessageDigest === undefined && !nodeCrypto();
  return rdfCanonize.canonize(dataset, sha256 ? { ...merged, createMessageDigest: () => new Sha256MessageDigest() } : merged);
}

/** The package, imported the first time its verifier is needed (tried again after a failed load). */
const loadLibrary = once(() => import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'));

/** The package's own verifier (pure-JS Ed25519 in browsers). */
async function libraryVerifier(options: { verificationMethod: object }): Promise<Verifier> {
  return (await loadLibrary()).cryptosuite.createVerifier(options) as Promise<Verifier>;
}

interface ProofContext {
  document: object;
  proof: object;
  documentLoader: unknown;
  dataIntegrityProof: {
    canonize(input: object, options: object): Promise<string>;
    canonizeProof(proof: object, options: { document: object; documentLoader: unknown }): Promise<string>;
    createVerifyData(options: { document: object; proof: object; documentLoader: unknown }): Promise<Uint8Array>;
  };
}

/**
 * The data the signature covers: SHA-256 of the canonical proof options, then of the canonical document, as
 * @digitalbazaar/data-integrity's own `createVerifyData` makes it (same canonicalisations, same order), with the two
 * hashes computed in place in browsers (./sha256.ts) instead of through crypto.subtle. In Node, the library's own
 * (it hashes with node:crypto).
 */
async function createVerifyData({ document, proof, documentLoader, dataIntegrityProof }: ProofContext): Promise<Uint8Array> {
  if (nodeCrypto()) return dataIntegrityProof.createVerifyData({ document, proof, documentLoader });
  const utf8 = (text: string) => sha256(textEncoder.encode(text));
  const [proofHash, documentHash] = await Promise.all([
    dataIntegrityProof.canonizeProof(proof, { document, documentLoader }).then(utf8),
    dataIntegrityProof.canonize(document, { documentLoader, base: null, safe: true }).then(utf8),
  ]);
  const data = new Uint8Array(64);
  data.set(proofHash);
  data.set(documentHash, 32);
  return data;
}

/** The cryptosuite under `name` (`eddsa-rdfc-2022`, or `eddsa-2022`, the name early Open Badges issuers used). */
export function eddsaCryptosuite(name: 'eddsa-rdfc-2022' | 'eddsa-2022') {
  return withWebCrypto({ name, requiredAlgorithm: 'Ed25519', canonize, createVerifier: libraryVerifier, createVerifyData });
}
