/**
 * The plain case of a VC-JWT signature, checked without jose: a compact JWS whose header (already read, a JSON object
 * without `crit`) has no `b64` member and names the algorithm asked for, with a public JWK of that algorithm's own key
 * type (no private part, no `key_ops`, no `use` other than `sig`) and a signature of the algorithm's exact length.
 *
 * - `plainJws` reads that case out of a token; `./native.ts` checks it with `node:crypto`, and `webCryptoJwsMatches`
 *   here with WebCrypto (browsers, workers), with imported keys kept in a small bounded cache.
 * - Both only ever answer true (the signature verifies) or undefined (anything else). The caller then asks jose, for
 *   jose's own answer and words; so on a page that shows valid badges jose is never loaded.
 * - test/core/jwt.test.ts checks that each path gives jose's answer on 200+ tokens and keys, in Node and Chromium.
 */
import { base64UrlDecode } from '../util/base58.js';
import type { JsonObject } from '../load/json.js';

/** The algorithms of the plain case: the JWK each needs, the WebCrypto and node:crypto parameters, the length. */
const JWS = {
  EdDSA: { kty: 'OKP', crv: 'Ed25519', hash: null, length: 64 },
  Ed25519: { kty: 'OKP', crv: 'Ed25519', hash: null, length: 64 },
  ES256: { kty: 'EC', crv: 'P-256', hash: 'sha256', length: 64 },
  ES384: { kty: 'EC', crv: 'P-384', hash: 'sha384', length: 96 },
} as const;

export type JwsSpec = (typeof JWS)[keyof typeof JWS];

export interface PlainJws {
  spec: JwsSpec;
  /** The public JWK's own fields (kty, crv, x, and y for EC), nothing else. */
  fields: Record<string, string>;
  /** A key for caches: the algorithm and the JWK as given. */
  id: string;
  /** The signing input (header.payload) and the signature. */
  data: Uint8Array;
  signature: Uint8Array;
}

/** The plain case, or undefined when the token or key is anything else. */
export function plainJws(token: string, header: JsonObject, jwk: JsonObject, alg: string): PlainJws | undefined {
  const spec = Object.hasOwn(JWS, alg) ? JWS[alg as keyof typeof JWS] : undefined;
  if (!spec || header.b64 !== undefined || header.alg !== alg) return undefined;
  if (jwk.kty !== spec.kty || jwk.crv !== spec.crv || jwk.d !== undefined || jwk.key_ops !== undefined || (jwk.use !== undefined && jwk.use !== 'sig')) return undefined;
  const dot = token.lastIndexOf('.');
  const signature = base64UrlDecode(token.slice(dot + 1));
  if (!signature || signature.length !== spec.length) return undefined;
  const fields: Record<string, string> = { kty: spec.kty, crv: spec.crv };
  for (const name of spec.kty === 'EC' ? ['x', 'y'] : ['x']) if (typeof jwk[name] === 'string') fields[name] = jwk[name] as string;
  return { spec, fields, id: `${alg} ${JSON.stringify(jwk)}`, data: new TextEncoder().encode(token.slice(0, dot)), signature };
}

/** A bounded map: the oldest entry goes when it is full. */
export function remember<T>(map: Map<string, T>, id: string, value: T, max = 64): T {
  map.set(id, value);
  if (map.size > max) map.delete(map.keys().next().value!);
  return value;
}

let enabled = true;
const imported = new Map<string, Promise<CryptoKey | null>>();

/** Turns the WebCrypto path off or back on, and forgets imported keys (tests compare it with jose). */
export function useWebCryptoJws(on: boolean): void {
  enabled = on;
  imported.clear();
}

/** True when the plain case's signature verifies through WebCrypto; undefined otherwise (then ask jose). */
export async function webCryptoJwsMatches(token: string, header: JsonObject, jwk: JsonObject, alg: string): Promise<true | undefined> {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!enabled || !subtle) return undefined;
  const jws = plainJws(token, header, jwk, alg);
  if (!jws) return undefined;
  const { spec } = jws;
  const algorithm = spec.kty === 'OKP' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: spec.crv };
  let key = imported.get(jws.id);
  if (!key) {
    key = subtle.importKey('jwk', jws.fields, algorithm, false, ['verify']).catch(() => null);
    remember(imported, jws.id, key);
  }
  try {
    const publicKey = await key;
    if (!publicKey) return undefined;
    const params = spec.hash === null ? algorithm : { name: 'ECDSA', hash: spec.hash === 'sha256' ? 'SHA-256' : 'SHA-384' };
    return (await subtle.verify(params, publicKey, jws.signature as BufferSource, jws.data as BufferSource)) ? true : undefined;
  } catch {
    return undefined;
  }
}
