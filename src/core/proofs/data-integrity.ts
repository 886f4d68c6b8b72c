/**
 * Data Integrity proofs (`eddsa-rdfc-2022` and its older name `eddsa-2022`, `ecdsa-rdfc-2019`, `ecdsa-sd-2023`
 * derived proofs, and the JCS suites `eddsa-jcs-2022`, `ecdsa-jcs-2019`) and `Ed25519Signature2020`, checked with the
 * Digital Bazaar libraries (RDF canonicalisation in JSON-LD safe mode). This module is loaded on demand: it pulls in
 * jsonld. The ECDSA, selective-disclosure and JCS suites load on their own, only when a proof needs them; each pinned
 * context loads on its own the first time a document names it.
 *
 * The suites and purposes are made once, on first use. Pinned contexts are served as shared, frozen documents tagged
 * `static`, so jsonld keeps what it resolved from them between verifications; contexts a caller passes are copied
 * for each use and never kept.
 */
import jsonld from 'jsonld';
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { loadPinnedContext, isPinnedContext } from '../contexts/load.js';
import { DID_V1, MULTIKEY_V1 } from '../contexts/urls.js';
import { eddsaCryptosuite } from '../crypto/eddsa-rdfc-2022.js';
import type { ResolvedKey } from '../resolve/keys.js';
import { isObject, type JsonObject } from '../load/json.js';
import { yieldIfDue } from '../util/yield.js';

export interface ProofOutcome {
  verified: boolean;
  /** Why it did not verify, as the libraries said it. */
  error?: string;
  /** True when the error is a JSON-LD safe-mode or context problem (the credential is malformed). */
  jsonld?: boolean;
}

interface Suite {
  matchProof(o: object): Promise<boolean>;
  verifyProof(o: object): Promise<{ verified: boolean; error?: unknown }>;
}

type DocumentLoader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: object; tag?: 'static' }>;

let coreSuites: Suite[] | undefined;

/** eddsa-rdfc-2022 (and eddsa-2022): the suite of nearly every Open Badges 3.0 credential. */
function core(): Suite[] {
  coreSuites ??= [
    new DataIntegrityProof({ cryptosuite: eddsaCryptosuite('eddsa-rdfc-2022') }),
    // The eddsa-rdfc-2022 algorithm under the name early Open Badges 3.0 issuers used. Those credentials carry the
    // Data Integrity v1 context, which the proof options are canonicalised with (`legacyContext`).
    new DataIntegrityProof({ cryptosuite: eddsaCryptosuite('eddsa-2022'), legacyContext: true }),
  ];
  return coreSuites;
}

/** The other suites, each in its own module, by the proof types and cryptosuite names they verify. */
const OTHER_SUITES: Record<string, () => Promise<{ createSuites(): object[] }>> = {
  Ed25519Signature2020: () => import('../crypto/ed25519-signature-2020.js'),
  'ecdsa-rdfc-2019': () => import('../crypto/ecdsa-rdfc-2019.js'),
  'ecdsa-sd-2023': () => import('../crypto/ecdsa-sd-2023.js'),
  'eddsa-jcs-2022': () => import('../crypto/jcs.js'),
  'ecdsa-jcs-2019': () => import('../crypto/jcs.js'),
};
const otherSuites = new Map<() => Promise<{ createSuites(): object[] }>, Promise<Suite[]>>();

/** Every suite the proofs need (loading those not loaded yet), without duplicates. */
async function suitesFor(proofs: JsonObject[]): Promise<Suite[]> {
  const names = proofs.map((p) => (p.type === 'DataIntegrityProof' ? p.cryptosuite : p.type));
  const loaders = new Set(names.map((n) => (typeof n === 'string' && Object.hasOwn(OTHER_SUITES, n) ? OTHER_SUITES[n] : undefined)).filter((l) => l !== undefined));
  const extra = await Promise.all(
    [...loaders].map((load) => {
      let suites = otherSuites.get(load);
      if (!suites) {
        suites = load().then((m) => m.createSuites() as Suite[]);
        // A failed load (a chunk that could not be fetched) is tried again next time.
        suites.catch(() => otherSuites.delete(load));
        otherSuites.set(load, suites);
      }
      return suites;
    }),
  );
  return [...core(), ...extra.flat()];
}

let purposes: { bound: object; unbound: object; chained: object } | undefined;

function purposeFor(kind: 'bound' | 'unbound' | 'chained'): object {
  purposes ??= {
    bound: new (issuancePurpose())(),
    unbound: new jsigs.purposes.ProofPurpose({ term: 'assertionMethod' }),
    chained: new jsigs.purposes.AssertionProofPurpose(),
  };
  return purposes[kind];
}

/**
 * The credential issuance purpose of @digitalbazaar/vc (`CredentialIssuancePurpose`, same checks, same messages):
 * an assertionMethod proof whose key's controller is the credential's issuer. Written out here because that package's
 * entry point also brings in every context it knows, which this path loads one at a time instead.
 */
function issuancePurpose() {
  return class CredentialIssuancePurpose extends jsigs.purposes.AssertionProofPurpose {
    async validate(proof: object, options: { document: JsonObject; suite: object; verificationMethod: object; documentLoader: DocumentLoader }) {
      try {
        const result = await super.validate(proof, options);
        if (!result.valid) throw result.error;
        const issuer = jsonld.getValues(options.document, 'issuer');
        if (!issuer || issuer.length === 0) throw new Error('Credential issuer is required.');
        const issuerId = typeof issuer[0] === 'string' ? issuer[0] : issuer[0].id;
        if (result.controller.id !== issuerId) throw new Error('Credential issuer must match the verification method controller.');
        return { valid: true };
      } catch (error) {
        return { valid: false, error };
      }
    }
  };
}

/** The context URLs a document names at its top level (loaded ahead, together, before jsonld asks one by one). */
function topLevelContexts(document: JsonObject): string[] {
  const context = document['@context'];
  return (Array.isArray(context) ? context : [context]).filter((c): c is string => typeof c === 'string');
}

/**
 * Starts loading what verifying these proofs will need (their suites, the pinned contexts the document names), so
 * that it arrives while the caller resolves the keys. Never rejects: a failure shows when the proofs are verified.
 */
export function prepare(credential: JsonObject, proofs: JsonObject[]): void {
  suitesFor(proofs).catch(() => undefined);
  for (const url of topLevelContexts(credential)) if (isPinnedContext(url)) loadPinnedContext(url).catch(() => undefined);
}

/**
 * Verifies every proof in `proofs` (each already known to be of a supported type) against the keys resolved for
 * them. Results come back in the order of `proofs`.
 */
export async function verifyDataIntegrity(
  credential: JsonObject,
  proofs: JsonObject[],
  keys: ReadonlyMap<string, ResolvedKey>,
  extraContexts: ReadonlyMap<string, object>,
  bound: boolean,
): Promise<ProofOutcome[]> {
  const documents = new Map<string, object>();
  for (const key of keys.values()) {
    const vm = { '@context': [DID_V1, MULTIKEY_V1], id: key.id, type: 'Multikey', controller: key.controller, publicKeyMultibase: key.publicKeyMultibase! };
    // A bare did:key names both the key and its controller: one document serves as both.
    const controllerDoc = key.id === key.controller
      ? { ...vm, assertionMethod: key.assertionMethod }
      : { '@context': DID_V1, id: key.controller, assertionMethod: key.assertionMethod };
    documents.set(key.id, vm);
    if (!documents.has(key.controller) || key.id === key.controller) documents.set(key.controller, controllerDoc);
  }
  // A pinned context whose module could not be loaded (a page that lost its connection) makes the check
  // indeterminate: it says nothing about the credential.
  let unavailable: unknown;
  const documentLoader: DocumentLoader = async (url: string) => {
    // jsonld's work between two documents is a chain of microtasks: in a page, the event loop gets a turn here when
    // the chain has run long (a cold first verification), so the page keeps responding. Elsewhere nothing waits.
    const pause = yieldIfDue();
    if (pause) await pause;
    if (isPinnedContext(url)) {
      // Shared and frozen: jsonld may keep it (and what it made of it) across verifications.
      const document = await loadPinnedContext(url).catch((error: unknown) => {
        unavailable ??= error;
        throw error;
      });
      if (document) return { contextUrl: null, documentUrl: url, document, tag: 'static' };
    }
    const extra = extraContexts.get(url);
    // A caller's context is the caller's object: jsonld gets a copy, for this verification only.
    if (extra) return { contextUrl: null, documentUrl: url, document: structuredClone(extra) };
    // Made for this verification; nothing else holds them.
    const document = documents.get(url);
    if (!document) throw new Error(`The context or document ${url.slice(0, 200)} is not pinned; it is never fetched.`);
    return { contextUrl: null, documentUrl: url, document };
  };
  const [suite] = await Promise.all([
    suitesFor(proofs).catch((error: unknown) => error as Error),
    // Every pinned context the credential names, fetched together rather than one after the other.
    // Rejects (and the caller reports an internal error) when one cannot be loaded.
    Promise.all(topLevelContexts(credential).filter(isPinnedContext).map((url) => loadPinnedContext(url))),
  ]);
  if (suite instanceof Error) return proofs.map(() => describeError(suite));
  // The whole proof set goes in at once and each proof's own result is read back. When the caller found every key
  // bound to the issuer, the full issuance purpose of @digitalbazaar/vc applies; otherwise the proofs are still
  // checked, to tell a malformed or tampered credential from a misattributed one (the caller reports the binding).
  const purpose = purposeFor(bound ? 'bound' : 'unbound');
  // JCS suites sign the JSON as it is, without JSON-LD processing; the credential must still mean what it says, so
  // it is expanded once in safe mode (an undefined term is an error, as with the RDF suites).
  if (proofs.some((p) => typeof p.cryptosuite === 'string' && p.cryptosuite.includes('-jcs-'))) {
    try {
      const { proof: _proof, ...unsecured } = credential;
      await jsonld.expand(unsecured, { documentLoader, safe: true });
    } catch (error) {
      if (unavailable) throw unavailable;
      return proofs.map(() => describeError(error));
    }
  }
  let verification: { results?: { proof: object; verified: boolean; error?: unknown }[]; error?: unknown };
  try {
    verification = await jsigs.verify(credential, { suite, purpose, documentLoader });
  } catch (error) {
    if (unavailable) throw unavailable;
    return proofs.map(() => describeError(error));
  }
  if (unavailable) throw unavailable;
  const results = verification.results ?? [];
  return Promise.all(
    proofs.map(async (proof) => {
      if (proof.previousProof !== undefined) return verifyChained(credential, proof, suite, documentLoader);
      // jsonld-signatures hands each proof back as a copy with the document's @context in front.
      const text = JSON.stringify({ '@context': credential['@context'], ...proof });
      const own = results.find((r) => r.proof === proof) ?? results.find((r) => JSON.stringify(r.proof) === text);
      if (own?.verified) return { verified: true };
      return describeError(own?.error ?? verification.error ?? new Error('The proof was not matched by any suite.'));
    }),
  );
}

/**
 * A proof in a chain signs the credential together with the proofs it names in `previousProof` (W3C Data
 * Integrity, "verify proof"). jsonld-signatures strips every proof before canonicalising, so a chained proof is
 * verified here directly by its suite, over the credential carrying exactly those previous proofs. The key binding
 * (controller, assertionMethod) is checked by the caller before this runs.
 */
async function verifyChained(credential: JsonObject, proof: JsonObject, suites: Suite[], documentLoader: DocumentLoader): Promise<ProofOutcome> {
  const all = (Array.isArray(credential.proof) ? credential.proof : [credential.proof]).filter(isObject);
  const wanted = Array.isArray(proof.previousProof) ? proof.previousProof : [proof.previousProof];
  const previous = wanted.map((id) => all.find((p) => p.id === id));
  if (previous.some((p) => p === undefined)) return { verified: false, error: 'A proof names a previous proof that the credential does not carry.' };
  const { proof: _all, ...unsecured } = credential;
  const document = { ...unsecured, proof: previous.length === 1 ? previous[0]! : previous };
  const purpose = purposeFor('chained');
  for (const suite of suites) {
    if (!(await suite.matchProof({ proof, document, purpose, documentLoader }))) continue;
    try {
      const { verified, error } = await suite.verifyProof({ proof: { ...proof }, document, purpose, proofSet: all, documentLoader });
      return verified ? { verified: true } : describeError(error);
    } catch (error) {
      return describeError(error);
    }
  }
  return { verified: false, error: 'The chained proof is of no supported suite.' };
}

function describeError(error: unknown): ProofOutcome {
  // jsonld-signatures wraps errors: VerificationError carries `errors`.
  const first = Array.isArray(error) ? error[0] : error;
  const inner = (first as { errors?: unknown[] })?.errors?.[0] ?? first;
  const e = inner as { name?: string; message?: string; details?: { event?: { message?: string } } };
  const jsonld = e?.name === 'jsonld.ValidationError' || /safe mode|context|not pinned/i.test(e?.message ?? '');
  const event = e?.details?.event?.message;
  return { verified: false, jsonld, error: `${e?.message ?? String(inner)}${event ? ` (${event})` : ''}` };
}
