/**
 * Data Integrity proofs (`eddsa-rdfc-2022` and its older name `eddsa-2022`, `ecdsa-rdfc-2019`, `ecdsa-sd-2023`
 * derived proofs, and the JCS suites `eddsa-jcs-2022`, `ecdsa-jcs-2019`) and `Ed25519Signature2020`, checked with the
 * Digital Bazaar libraries (RDF canonicalisation in JSON-LD safe mode). This module is loaded on demand: it pulls in jsonld and the
 * pinned contexts.
 */
import jsonld from 'jsonld';
import jsigs from 'jsonld-signatures';
import { CredentialIssuancePurpose } from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { createVerifyCryptosuite as ecdsaJcs2019 } from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import { createVerifyCryptosuite as eddsaJcs2022 } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { createVerifyCryptosuite as ecdsaSd2023 } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { pinnedContexts } from '../contexts/index.js';
import { DID_V1, MULTIKEY_V1 } from '../contexts/urls.js';
import type { ResolvedKey } from '../resolve/keys.js';
import { isObject, type JsonObject } from '../load/json.js';

export interface ProofOutcome {
  verified: boolean;
  /** Why it did not verify, as the libraries said it. */
  error?: string;
  /** True when the error is a JSON-LD safe-mode or context problem (the credential is malformed). */
  jsonld?: boolean;
}

/**
 * The eddsa-rdfc-2022 algorithm under the name early Open Badges 3.0 issuers used. Those credentials carry the
 * Data Integrity v1 context, which the proof options are canonicalised with (`legacyContext`).
 */
const eddsa2022 = { ...eddsaRdfc2022, name: 'eddsa-2022' };

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
  const contexts = pinnedContexts();
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
  const documentLoader = async (url: string) => {
    const document = contexts.get(url) ?? extraContexts.get(url) ?? documents.get(url);
    if (!document) throw new Error(`The context or document ${url.slice(0, 200)} is not pinned; it is never fetched.`);
    return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
  };
  const suite = [
    new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    new DataIntegrityProof({ cryptosuite: eddsa2022, legacyContext: true }),
    new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 }),
    new DataIntegrityProof({ cryptosuite: ecdsaJcs2019() }),
    new DataIntegrityProof({ cryptosuite: eddsaJcs2022() }),
    new DataIntegrityProof({ cryptosuite: ecdsaSd2023() }),
    new Ed25519Signature2020(),
  ];
  // The whole proof set goes in at once and each proof's own result is read back. When the caller found every key
  // bound to the issuer, the full issuance purpose of @digitalbazaar/vc applies; otherwise the proofs are still
  // checked, to tell a malformed or tampered credential from a misattributed one (the caller reports the binding).
  const purpose = bound ? new CredentialIssuancePurpose() : new jsigs.purposes.ProofPurpose({ term: 'assertionMethod' });
  // JCS suites sign the JSON as it is, without JSON-LD processing; the credential must still mean what it says, so
  // it is expanded once in safe mode (an undefined term is an error, as with the RDF suites).
  if (proofs.some((p) => typeof p.cryptosuite === 'string' && p.cryptosuite.includes('-jcs-'))) {
    try {
      const { proof: _proof, ...unsecured } = credential;
      await jsonld.expand(unsecured, { documentLoader, safe: true });
    } catch (error) {
      return proofs.map(() => describeError(error));
    }
  }
  let verification: { results?: { proof: object; verified: boolean; error?: unknown }[]; error?: unknown };
  try {
    verification = await jsigs.verify(credential, { suite, purpose, documentLoader });
  } catch (error) {
    return proofs.map(() => describeError(error));
  }
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
async function verifyChained(
  credential: JsonObject,
  proof: JsonObject,
  suites: { matchProof(o: object): Promise<boolean>; verifyProof(o: object): Promise<{ verified: boolean; error?: unknown }> }[],
  documentLoader: (url: string) => Promise<object>,
): Promise<ProofOutcome> {
  const all = (Array.isArray(credential.proof) ? credential.proof : [credential.proof]).filter(isObject);
  const wanted = Array.isArray(proof.previousProof) ? proof.previousProof : [proof.previousProof];
  const previous = wanted.map((id) => all.find((p) => p.id === id));
  if (previous.some((p) => p === undefined)) return { verified: false, error: 'A proof names a previous proof that the credential does not carry.' };
  const { proof: _all, ...unsecured } = credential;
  const document = { ...unsecured, proof: previous.length === 1 ? previous[0]! : previous };
  const purpose = new jsigs.purposes.AssertionProofPurpose();
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
