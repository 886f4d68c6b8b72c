/**
 * Signature checks through `node:crypto`, on the calling thread (see ./node.ts): a Multikey verifier for the Data
 * Integrity suites and the plain case of a VC-JWT signature. Loaded only where the runtime has `node:crypto`; a
 * browser build never loads this module.
 */
import type { NodeCrypto } from './node.js';
import type { Curve, Verifier } from './webcrypto.js';
import { base64UrlDecode, base64UrlEncode } from '../util/base58.js';
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

/** The algorithms the JWS check takes: the JWK each needs, the hash, and the signature's length. */
const JWS: Readonly<Record<string, { kty: string; crv: string; hash: string | null; length: number }>> = {
  EdDSA: { kty: 'OKP', crv: 'Ed25519', hash: null, length: 64 },
  Ed25519: { kty: 'OKP', crv: 'Ed25519', hash: null, length: 64 },
  ES256: { kty: 'EC', crv: 'P-256', hash: 'sha256', length: 64 },
  ES384: { kty: 'EC', crv: 'P-384', hash: 'sha384', length: 96 },
};
const MAX_KEYS = 64;
const jwsKeys = new Map<string, object | null>();

/**
 * The plain case of a VC-JWT signature: a compact JWS whose header (already read, a JSON object without `crit`) has no
 * `b64` member, and a public JWK of the algorithm's key type with no `use` other than `sig` and no `key_ops`. True
 * when the signature verifies; undefined otherwise, and in every other case, which the caller leaves to jose for its
 * own answer and words. test/core/jwt.test.ts checks both give the same results.
 */
export function jwsMatches(crypto: NodeCrypto, token: string, header: JsonObject, jwk: JsonObject, alg: string): true | undefined {
  const spec = Object.hasOwn(JWS, alg) ? JWS[alg] : undefined;
  if (!spec || header.b64 !== undefined || header.alg !== alg) return undefined;
  if (jwk.kty !== spec.kty || jwk.crv !== spec.crv || jwk.d !== undefined || jwk.key_ops !== undefined || (jwk.use !== undefined && jwk.use !== 'sig')) return undefined;
  const dot = token.lastIndexOf('.');
  const signature = base64UrlDecode(token.slice(dot + 1));
  if (!signature || signature.length !== spec.length) return undefined;
  const id = `${alg} ${JSON.stringify(jwk)}`;
  let key = jwsKeys.get(id);
  if (key === undefined) {
    const fields: Record<string, string> = { kty: spec.kty, crv: spec.crv };
    for (const name of spec.kty === 'EC' ? ['x', 'y'] : ['x']) if (typeof jwk[name] === 'string') fields[name] = jwk[name] as string;
    try {
      key = crypto.createPublicKey({ key: fields, format: 'jwk' });
    } catch {
      key = null;
    }
    jwsKeys.set(id, key);
    if (jwsKeys.size > MAX_KEYS) jwsKeys.delete(jwsKeys.keys().next().value!);
  }
  if (!key) return undefined;
  try {
    const data = new TextEncoder().encode(token.slice(0, dot));
    return crypto.verify(spec.hash, data, spec.kty === 'EC' ? { key, dsaEncoding: 'ieee-p1363' } : key, signature) ? true : undefined;
  } catch {
    return undefined;
  }
}
