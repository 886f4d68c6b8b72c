/**
 * Signature checks through `node:crypto`, on the calling thread (see ./node.ts): a Multikey verifier for the Data
 * Integrity suites and the plain case of a VC-JWT signature. Loaded only where the runtime has `node:crypto`; a
 * browser build never loads this module.
 */
import type { NodeCrypto } from './node.js';
import type { Curve, Verifier } from './webcrypto.js';
import { base64UrlEncode } from '../util/base58.js';
import { plainJws, remember } from './jws.js';
import { decompressPoint } from '../util/ec.js';
import type { JsonObject } from '../load/json.js';

/**
 * A verifier for an Ed25519, P-256 or P-384 public key (raw; ECDSA keys compressed), or undefined when node:crypto
 * refuses the key. ECDSA signatures in Data Integrity are r || s (IEEE P1363), as WebCrypto takes them.
 */
export function multikeyVerifier(crypto: NodeCrypto, curve: Curve, raw: Uint8Array): Omit<Verifier, 'id'> | undefined {
  let key: object;
  try {
    if (curve === 'Ed25519') key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: base64UrlEncode(raw) }, format: 'jwk' });
    else {
      const point = decompressPoint(curve, raw);
      if (!point) return undefined;
      key = crypto.createPublicKey({ key: { kty: 'EC', crv: curve, x: base64UrlEncode(point.x), y: base64UrlEncode(point.y) }, format: 'jwk' });
    }
  } catch {
    return undefined;
  }
  const hash = curve === 'Ed25519' ? null : curve === 'P-256' ? 'sha256' : 'sha384';
  const keyOptions = curve === 'Ed25519' ? key : { key, dsaEncoding: 'ieee-p1363' };
  return {
    algorithm: curve,
    async verify({ data, signature }) {
      try {
        return crypto.verify(hash, data, keyOptions, signature);
      } catch {
        // A signature of the wrong shape is not a valid signature.
        return false;
      }
    },
  };
}

const jwsKeys = new Map<string, object | null>();

/**
 * The plain case of a VC-JWT signature (see ./jws.ts) through `node:crypto`: true when the signature verifies;
 * undefined otherwise, and in every other case, which the caller leaves to jose for its own answer and words.
 */
export function jwsMatches(crypto: NodeCrypto, token: string, header: JsonObject, jwk: JsonObject, alg: string): true | undefined {
  const jws = plainJws(token, header, jwk, alg);
  if (!jws) return undefined;
  let key = jwsKeys.get(jws.id);
  if (key === undefined) {
    try {
      key = crypto.createPublicKey({ key: jws.fields, format: 'jwk' });
    } catch {
      key = null;
    }
    remember(jwsKeys, jws.id, key);
  }
  if (!key) return undefined;
  try {
    return crypto.verify(jws.spec.hash, jws.data, jws.spec.kty === 'EC' ? { key, dsaEncoding: 'ieee-p1363' } : key, jws.signature) ? true : undefined;
  } catch {
    return undefined;
  }
}
