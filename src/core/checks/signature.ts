/**
 * Steps 2 and 3: every proof valid, and the signing key belongs to the issuer (the key's controller is the issuer and
 * lists the key under assertionMethod). Keys are resolved here; the cryptography runs in a lazily loaded module.
 */
import type { Check, ProofDetails } from '../result.js';
import { isObject, type JsonObject } from '../load/json.js';
import { resolveVerificationMethod, type KeyResolution, type ResolveContext, type ResolvedKey } from '../resolve/keys.js';
import { describe, errorText } from '../net.js';
import { once } from '../util/once.js';

const SUPPORTED_CRYPTOSUITES = ['eddsa-rdfc-2022', 'eddsa-2022', 'ecdsa-rdfc-2019', 'ecdsa-sd-2023', 'eddsa-jcs-2022', 'ecdsa-jcs-2019'];

export interface SignatureOutcome {
  check: Check;
  /** Set when the failure means the credential is malformed JSON-LD (reported under `format`). */
  malformed?: Check;
  /** The controller whose key signed, when the check passed. */
  signer?: string;
}

function proofLabel(proof: JsonObject): string {
  const type = typeof proof.type === 'string' ? proof.type : 'untyped proof';
  return typeof proof.cryptosuite === 'string' ? `${type}/${proof.cryptosuite}` : type;
}

function isSupported(proof: JsonObject): boolean {
  if (proof.type === 'Ed25519Signature2020') return true;
  return proof.type === 'DataIntegrityProof' && typeof proof.cryptosuite === 'string' && SUPPORTED_CRYPTOSUITES.includes(proof.cryptosuite);
}

/** The Data Integrity module, imported once (a failed import is tried again next time). */
const loadDataIntegrity = once(() => import('../proofs/data-integrity.js'));

export async function checkSignature(
  credential: JsonObject,
  issuerId: string,
  resolve: ResolveContext,
  extraContexts: ReadonlyMap<string, object>,
): Promise<SignatureOutcome> {
  const result = (outcome: Check['outcome'], code: Check['code'], message: string, details?: Check['details']): SignatureOutcome => ({
    check: { id: 'signature', outcome, code, message, ...(details ? { details } : {}) },
  });
  const raw = credential.proof;
  const proofs = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(isObject);
  if (proofs.length === 0) return result('failed', 'no-proof', 'The credential carries no proof, so nothing shows who issued it.');
  const supported = proofs.filter(isSupported);
  const unsupported = proofs.filter((p) => !isSupported(p)).map(proofLabel);
  if (supported.length === 0) {
    return result('indeterminate', 'unsupported-proof', `No proof is of a kind this verifier checks (found ${unsupported.join(', ')}; supported: DataIntegrityProof with ${SUPPORTED_CRYPTOSUITES.join(', ')}; Ed25519Signature2020).`);
  }
  for (const proof of supported) {
    if (proof.proofPurpose !== 'assertionMethod') {
      return result('failed', 'wrong-proof-purpose', `A ${proofLabel(proof)} proof has purpose ${String(proof.proofPurpose)}, not assertionMethod.`);
    }
  }

  // The Data Integrity module, the suites these proofs need and the pinned contexts the credential names load while
  // the keys are resolved (on a cold page: chunks and key documents arrive together, not one after the other).
  const preparing = loadDataIntegrity().then((module) => (module.prepare(credential, supported), module));
  preparing.catch(() => undefined); // reported below, where it is awaited

  // Resolve each distinct key once, in parallel.
  const vmIds = supported.map((p) => (isObject(p.verificationMethod) ? p.verificationMethod.id : p.verificationMethod));
  const distinct = [...new Set(vmIds.map(String))];
  const resolutions = new Map<string, KeyResolution>(
    await Promise.all(distinct.map(async (id) => [id, await resolveVerificationMethod(id, resolve)] as const)),
  );
  const keys = new Map<string, ResolvedKey>();
  let unreachable: KeyResolution | undefined;
  // A key that does not belong to the issuer is a failure, but the proof is still checked first: a malformed or
  // tampered credential is reported as such rather than hidden behind the binding failure.
  let unbound: SignatureOutcome | undefined;
  for (const id of distinct) {
    const r = resolutions.get(id)!;
    if (!r.ok) {
      if (r.outcome === 'failed') return result('failed', r.code, r.message);
      unreachable ??= r;
      continue;
    }
    if (!r.key.publicKeyMultibase) {
      return result('failed', 'unsupported-key-type', `The key ${describe(id)} is an ${r.key.keyType} key, which Data Integrity proofs do not use.`);
    }
    if (r.key.controller !== issuerId) {
      unbound ??= result('failed', 'issuer-mismatch', `The key ${describe(id)} belongs to ${describe(r.key.controller)}, but the credential says it was issued by ${describe(issuerId)}.`);
    } else if (!r.key.assertionMethod.includes(r.key.id)) {
      unbound ??= result('failed', 'not-assertion-method', `${describe(r.key.controller)} does not list the key ${describe(id)} for issuing credentials (assertionMethod).`);
    }
    keys.set(id, r.key);
  }

  // Verify every proof whose key is known, even when another key could not be fetched: a bad signature is a failure.
  const checkable = supported.map((proof, i) => ({ proof, vm: String(vmIds[i]) })).filter((c) => keys.has(c.vm));
  if (checkable.length === 0 && unreachable && !unreachable.ok) return result('indeterminate', unreachable.code, unreachable.message);
  let outcomes;
  try {
    const { verifyDataIntegrity } = await preparing;
    outcomes = await verifyDataIntegrity(credential, checkable.map((c) => c.proof), keys, extraContexts, unbound === undefined);
  } catch (error) {
    return result('indeterminate', 'internal-error', `The proof could not be checked: ${errorText(error)}.`);
  }
  const failedAt = outcomes.findIndex((o) => !o.verified);
  if (failedAt >= 0) {
    const o = outcomes[failedAt]!;
    if (o.jsonld) {
      return {
        ...result('failed', 'invalid-jsonld', 'The proof could not be checked because the credential is not valid JSON-LD.'),
        malformed: { id: 'format', outcome: 'failed', code: 'invalid-jsonld', message: `The credential does not process as JSON-LD in safe mode: ${o.error ?? 'unknown error'}.` },
      };
    }
    const label = proofLabel(checkable[failedAt]!.proof);
    return result('failed', 'invalid-signature', `The ${label} signature does not match the credential: it was changed after signing, or signed by another key.`, { library: o.error ?? null });
  }
  if (unbound) return unbound;
  if (unreachable && !unreachable.ok) return result('indeterminate', unreachable.code, unreachable.message);

  const proofDetails: ProofDetails[] = checkable.map(({ proof: p, vm }) => {
    const key = keys.get(vm)!;
    return {
      type: String(p.type),
      ...(typeof p.cryptosuite === 'string' ? { cryptosuite: p.cryptosuite } : {}),
      verificationMethod: key.id,
      controller: key.controller,
      ...(typeof p.created === 'string' ? { created: p.created } : {}),
    };
  });
  const legacy = checkable.some((c) => c.proof.cryptosuite === 'eddsa-2022') ? ' It uses eddsa-2022, the pre-standard name of eddsa-rdfc-2022.' : '';
  const note = legacy + (unsupported.length ? ` ${unsupported.length} proof(s) of a kind this verifier does not check (${unsupported.join(', ')}) were not used.` : '');
  return {
    check: {
      id: 'signature',
      outcome: 'passed',
      code: 'ok',
      message: `${proofDetails.length === 1 ? 'The proof is' : `All ${proofDetails.length} proofs are`} valid and signed by a key of the issuer ${describe(issuerId)}.${note}`,
      details: { proofs: proofDetails as unknown as NonNullable<Check['details']>[string] },
    },
    signer: issuerId,
  };
}
