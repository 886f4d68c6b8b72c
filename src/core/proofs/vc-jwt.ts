/**
 * VC-JWT: the JOSE signature of a compact JWS, with its key bound to the issuer. Loaded on demand. The plain case (an
 * Ed25519 or ECDSA key, no `b64` header) is checked through `node:crypto` in Node and WebCrypto elsewhere (see
 * ../crypto/jws.ts); jose is loaded only for the rest, and for any signature those paths do not accept, so that its
 * answer and words are the ones reported. A page that shows valid badges never loads jose.
 *
 * Key discovery, in order:
 * - `kid` a DID URL (did:key, did:jwk, did:web): the verification method, controlled by the issuer and listed under
 *   its assertionMethod;
 * - `kid` an https URL on the issuer's origin: a JWK, a JWK set, or a controller document; a plain `kid` names a
 *   key of the https issuer's profile (its JWK set or controller document);
 * - `jwk` header: used only when the issuer publishes that same key (in its DID document, or in the controller
 *   document, JWK set or key list its https profile serves). A bare self-supplied key proves nothing.
 * `jku` and `x5u` are never fetched.
 */
import type { importJWK } from './jose.js';
import type { Check, ProofDetails } from '../result.js';
import type { SignatureOutcome } from '../checks/signature.js';
import type { DecodedJwt } from '../load/jwt.js';
import { isObject, type JsonObject } from '../load/json.js';
import { parseDateTime } from '../checks/validity.js';
import { describe, errorText } from '../net.js';
import { nativeChecks } from '../crypto/node.js';
import { remember, webCryptoJwsMatches } from '../crypto/jws.js';
import { once } from '../util/once.js';
import {
  controllerDocumentUrl,
  fetchDocument,
  findPublishedKey,
  fromDocument,
  fromJwk,
  notFound,
  resolveVerificationMethod,
  sameKey,
  type KeyMaterial,
  type KeyResolution,
  type KeyType,
  type ResolveContext,
} from '../resolve/keys.js';

/** The algorithms accepted, each tied to the only key type it may be used with. */
const ALG_KEY: Readonly<Record<string, KeyType>> = { RS256: 'RSA', ES256: 'P-256', ES384: 'P-384', EdDSA: 'Ed25519', Ed25519: 'Ed25519' };

const result = (outcome: Check['outcome'], code: Check['code'], message: string, details?: Check['details']): SignatureOutcome => ({
  check: { id: 'signature', outcome, code, message, ...(details ? { details } : {}) },
});

export async function checkJwtSignature(jwt: DecodedJwt, credential: JsonObject, issuerId: string, resolve: ResolveContext): Promise<SignatureOutcome> {
  const { header } = jwt;
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const keyType = Object.hasOwn(ALG_KEY, alg) ? ALG_KEY[alg] : undefined;
  if (!keyType) {
    return result('failed', 'disallowed-alg', `The JWT algorithm "${alg.slice(0, 20) || 'missing'}" is not accepted (allowed: ${Object.keys(ALG_KEY).join(', ')}; never none or HMAC).`);
  }
  if (header.crit !== undefined) return result('failed', 'invalid-jwt', 'The JWT header marks extensions as critical (crit), which this verifier does not implement.');

  const found = await discoverKey(header, issuerId, resolve);
  if (!found.ok) {
    // A token whose own header key does not check out is reported as tampered, not merely as unbound.
    if (found.outcome === 'failed' && isObject(header.jwk)) {
      const claimed = fromJwk(header.jwk);
      if (typeof claimed === 'object' && claimed.keyType === keyType && (await signatureMatches(jwt.token, header, claimed.publicKeyJwk, alg)) !== true) {
        return result('failed', 'invalid-signature', 'The JWT signature does not match even the key in its own header: the credential was changed after signing.');
      }
    }
    return result(found.outcome, found.code, found.message);
  }
  const key = found.key;
  if (key.controller !== issuerId) {
    return result('failed', 'issuer-mismatch', `The key ${describe(key.id)} belongs to ${describe(key.controller)}, but the credential says it was issued by ${describe(issuerId)}.`);
  }
  if (!key.assertionMethod.includes(key.id)) {
    return result('failed', 'not-assertion-method', `${describe(key.controller)} does not list the key ${describe(key.id)} for issuing credentials (assertionMethod).`);
  }
  if (key.keyType !== keyType) {
    return result('failed', 'disallowed-alg', `The JWT says ${alg}, but the issuer's key is an ${key.keyType} key.`);
  }

  const verified = await signatureMatches(jwt.token, header, key.publicKeyJwk, alg);
  if (verified !== true) {
    return result('failed', 'invalid-signature', 'The JWT signature does not match: the credential was changed after signing, or signed by another key.', { library: verified || null });
  }

  const mismatch = claimsMismatch(jwt.claims, credential, issuerId);
  if (mismatch) return result('failed', 'claims-mismatch', mismatch);

  const proof: ProofDetails = { type: 'JWT', cryptosuite: alg, verificationMethod: key.id, controller: key.controller };
  return {
    check: {
      id: 'signature',
      outcome: 'passed',
      code: 'ok',
      message: `The JWT (${alg}) is valid and signed by a key of the issuer ${describe(issuerId)}.`,
      details: { proofs: [proof as unknown as NonNullable<Check['details']>[string]] },
    },
    signer: issuerId,
  };
}

type Found = KeyResolution;

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** jose's two functions, imported once, only when a token needs them (a failed import is tried again next time). */
const loadJose = once(() => import('./jose.js'));

/** Keys jose imported, by algorithm and JWK: importing costs more than verifying. Bounded; the oldest use goes first. */
const importedKeys = new Map<string, ReturnType<typeof importJWK>>();

function importKey(lib: typeof import('./jose.js'), jwk: JsonObject, alg: string): ReturnType<typeof importJWK> {
  const id = `${alg} ${JSON.stringify(jwk)}`;
  let key = importedKeys.get(id);
  if (key) importedKeys.delete(id);
  else {
    key = lib.importJWK({ ...jwk, alg } as Parameters<typeof importJWK>[0], alg);
    // A key that does not import is not kept (the next verification reports the same error afresh).
    const imported = key;
    imported.catch(() => importedKeys.get(id) === imported && importedKeys.delete(id));
  }
  return remember(importedKeys, id, key);
}

/** True when the JWS verifies with the key; otherwise why not. */
async function signatureMatches(token: string, header: JsonObject, jwk: JsonObject, alg: string): Promise<true | string> {
  // The plain case without jose: node:crypto on this thread in Node (../crypto/native.ts), else WebCrypto.
  const node = nativeChecks();
  const native = node && (await node);
  if (native ? native.checks.jwsMatches(native.crypto, token, header, jwk, alg) : await webCryptoJwsMatches(token, header, jwk, alg)) return true;
  // jose failing to load is not a bad signature: the error reaches verify.ts, which reports the check as not run.
  const lib = await loadJose();
  try {
    const publicKey = await importKey(lib, jwk, alg);
    await lib.compactVerify(token, publicKey, { algorithms: [alg] });
    return true;
  } catch (error) {
    return errorText(error);
  }
}

async function discoverKey(header: JsonObject, issuerId: string, resolve: ResolveContext): Promise<Found> {
  // jku and x5u are ignored on purpose: a key location chosen by whoever made the token proves nothing.
  const headerKey = isObject(header.jwk) ? header.jwk : undefined;
  if (headerKey && typeof headerKey.d === 'string') return notFound('The JWT header carries a private key.');
  const kid = typeof header.kid === 'string' && header.kid.length <= 4096 ? header.kid : undefined;

  if (kid?.startsWith('did:') || (kid?.startsWith('#') && issuerId.startsWith('did:'))) {
    const vmId = kid.startsWith('#') ? issuerId + kid : kid;
    const resolved = await resolveVerificationMethod(vmId, resolve);
    if (resolved.ok && headerKey) {
      const material = fromJwk(headerKey);
      if (typeof material !== 'object' || !sameKey(material, resolved.key)) return notFound(`The jwk header is not the key ${describe(vmId)} names.`);
    }
    return resolved;
  }
  if (kid && /^https:\/\//i.test(kid)) return keyFromHttpsKid(kid, issuerId, resolve, headerKey);
  if (headerKey) return publishedKey(headerKey, issuerId, resolve, kid);
  if (kid && issuerId.startsWith('did:')) return resolveVerificationMethod(`${issuerId}#${kid}`, resolve);
  if (kid && /^https:\/\//i.test(issuerId)) return keyFromHttpsKid(`${issuerId.split('#', 1)[0]}#${kid}`, issuerId, resolve, undefined);
  return notFound('The JWT names no key: it has neither a resolvable kid nor a jwk header.');
}

/** A `kid` that is an https URL on the issuer's origin: a JWK, a JWK set, or a controller document. */
async function keyFromHttpsKid(kid: string, issuerId: string, resolve: ResolveContext, headerKey: JsonObject | undefined): Promise<Found> {
  if (!/^https:\/\//i.test(issuerId) || originOf(kid) === undefined || originOf(kid) !== originOf(issuerId)) {
    return { ok: false, outcome: 'failed', code: 'issuer-mismatch', message: `The key ${describe(kid)} is not on the issuer's origin (${describe(issuerId)}).` };
  }
  const [base] = kid.split('#', 1) as [string];
  const fetched = await fetchDocument(base, resolve);
  if (!fetched.ok) return { ok: false, outcome: 'indeterminate', code: 'key-unreachable', message: fetched.message };
  const doc = fetched.doc;
  let jwk: JsonObject | undefined;
  if (typeof doc.kty === 'string') jwk = doc;
  else if (Array.isArray(doc.keys)) {
    const keys = doc.keys.filter(isObject);
    const fragment = kid.includes('#') ? kid.slice(kid.indexOf('#') + 1) : undefined;
    jwk = keys.find((k) => k.kid === kid || (fragment !== undefined && k.kid === fragment)) ?? (keys.length === 1 && fragment === undefined ? keys[0] : undefined);
  } else {
    // A controller document served at the kid's URL; its controller must be the issuer.
    return fromDocument(kid, base, doc);
  }
  if (!jwk) return notFound(`${describe(kid)} serves no key with that id.`);
  const material = fromJwk(jwk);
  if (material === 'unsupported') return { ok: false, outcome: 'failed', code: 'unsupported-key-type', message: `${describe(kid)} is a key of a kind this verifier does not use.` };
  if (!material) return notFound(`${describe(kid)} serves no usable public key.`);
  if (headerKey) {
    const claimed = fromJwk(headerKey);
    if (typeof claimed !== 'object' || !sameKey(claimed, material)) return notFound(`The jwk header is not the key ${describe(kid)} serves.`);
  }
  // Published on the issuer's own origin: the issuer controls it and uses it to issue.
  return { ok: true, key: { id: kid, controller: issuerId, ...material, assertionMethod: [kid] } };
}

/** A `jwk` header is trusted only when the issuer publishes the same key. */
async function publishedKey(headerKey: JsonObject, issuerId: string, resolve: ResolveContext, kid: string | undefined): Promise<Found> {
  const claimed = fromJwk(headerKey);
  if (claimed === 'unsupported') return { ok: false, outcome: 'failed', code: 'unsupported-key-type', message: 'The jwk header holds a key of a kind this verifier does not use.' };
  if (!claimed) return notFound('The jwk header holds no usable public key.');
  if (issuerId.startsWith('did:key:') || issuerId.startsWith('did:jwk:')) {
    const resolved = await resolveVerificationMethod(issuerId, resolve);
    if (!resolved.ok) return resolved;
    return sameKey(resolved.key, claimed) ? resolved : notFound(`The key in the JWT header is not the key of ${describe(issuerId)}.`);
  }
  const url = controllerDocumentUrl(issuerId);
  if (!url) return notFound(`The JWT carries only a jwk header, and the issuer ${describe(issuerId)} publishes no keys that could confirm it.`);
  const fetched = await fetchDocument(url, resolve);
  if (!fetched.ok) return { ok: false, outcome: 'indeterminate', code: 'key-unreachable', message: `The issuer's keys could not be fetched to confirm the jwk header: ${fetched.message}` };
  const doc = fetched.doc;
  if (Array.isArray(doc.keys)) {
    const match = doc.keys.filter(isObject).find((k) => {
      const m = fromJwk(k);
      return typeof m === 'object' && sameKey(m, claimed);
    });
    if (!match) return notFound(`The key in the JWT header is not in the key set ${describe(url)} publishes.`);
    const id = typeof match.kid === 'string' ? match.kid : kid ?? url;
    return { ok: true, key: { id, controller: issuerId, ...claimed, assertionMethod: [id] } };
  }
  return findPublishedKey(issuerId, doc, claimed as KeyMaterial);
}

/** `iss`, `sub`, `jti`, `nbf` and `exp` must agree with the credential where both state them. */
function claimsMismatch(claims: JsonObject, credential: JsonObject, issuerId: string): string | undefined {
  if (claims.iss !== undefined && claims.iss !== issuerId) return `The JWT iss (${describe(String(claims.iss))}) is not the credential's issuer (${describe(issuerId)}).`;
  const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : undefined;
  if (claims.sub !== undefined && typeof subject?.id === 'string' && claims.sub !== subject.id) return 'The JWT sub is not the credential subject\'s id.';
  if (claims.jti !== undefined && typeof credential.id === 'string' && claims.jti !== credential.id) return 'The JWT jti is not the credential\'s id.';
  const seconds = (value: unknown) => {
    const ms = parseDateTime(value);
    return ms === undefined ? undefined : Math.floor(ms / 1000);
  };
  const from = seconds(credential.validFrom ?? credential.issuanceDate);
  if (typeof claims.nbf === 'number' && from !== undefined && Math.floor(claims.nbf) !== from) return 'The JWT nbf does not match the credential\'s validFrom / issuanceDate.';
  const until = seconds(credential.validUntil ?? credential.expirationDate);
  if (typeof claims.exp === 'number' && until !== undefined && Math.floor(claims.exp) !== until) return 'The JWT exp does not match the credential\'s validUntil / expirationDate.';
  if (claims.nbf !== undefined && typeof claims.nbf !== 'number') return 'The JWT nbf is not a number.';
  if (claims.exp !== undefined && typeof claims.exp !== 'number') return 'The JWT exp is not a number.';
  return undefined;
}
