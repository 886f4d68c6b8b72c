/**
 * Reading a compact JWS (VC-JWT) without verifying it: the header, the claims, and the credential they carry, either
 * as the `vc` claim (VC 1.1 style, with the registered claims filled in as VC-JWT 1.1 describes) or as the payload
 * itself (VC 2.0 style). Never throws.
 */
import { base64UrlDecode } from '../util/base58.js';
import { isObject, parseJson, type JsonLimits, type JsonObject } from './json.js';
import type { Code } from '../result.js';

export const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** JWT claims that are about the token, not part of a VC 2.0 credential carried as the payload. */
const REGISTERED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'cnf'];

export interface DecodedJwt {
  token: string;
  header: JsonObject;
  claims: JsonObject;
  /** True when the credential came from the `vc` claim (VC 1.1 style). */
  vcClaim: boolean;
}

export type JwtDecoding = { ok: true; jwt: DecodedJwt; credential: JsonObject } | { ok: false; code: Code; message: string };

function part(segment: string, what: string, limits: JsonLimits): { ok: true; value: JsonObject } | { ok: false; code: Code; message: string } {
  const bytes = base64UrlDecode(segment);
  if (!bytes) return { ok: false, code: 'invalid-jwt', message: `The JWT ${what} is not base64url.` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, code: 'invalid-jwt', message: `The JWT ${what} is not UTF-8.` };
  }
  const parsed = parseJson(text, limits);
  if (!parsed.ok) return { ...parsed, code: parsed.code === 'invalid-json' ? 'invalid-jwt' : parsed.code, message: `The JWT ${what}: ${parsed.message}` };
  if (!isObject(parsed.value)) return { ok: false, code: 'invalid-jwt', message: `The JWT ${what} is not a JSON object.` };
  return { ok: true, value: parsed.value };
}

export function decodeJwt(token: string, limits: JsonLimits): JwtDecoding {
  if (!COMPACT_JWS.test(token)) return { ok: false, code: 'invalid-jwt', message: 'The text is not a compact JWS (three base64url parts).' };
  const [h, p] = token.split('.') as [string, string, string];
  const header = part(h, 'header', { ...limits, maxDepth: 8 });
  if (!header.ok) return header;
  const payload = part(p, 'payload', limits);
  if (!payload.ok) return payload;
  const claims = payload.value;
  if (isObject(claims.vc)) {
    return { ok: true, jwt: { token, header: header.value, claims, vcClaim: true }, credential: fromVcClaim(claims.vc, claims) };
  }
  const credential: JsonObject = {};
  for (const [key, value] of Object.entries(claims)) if (!REGISTERED_CLAIMS.includes(key)) credential[key] = value;
  return { ok: true, jwt: { token, header: header.value, claims, vcClaim: false }, credential };
}

/** VC-JWT 1.1: properties the issuer moved into registered claims come back into the credential. */
function fromVcClaim(vc: JsonObject, claims: JsonObject): JsonObject {
  const credential: JsonObject = structuredClone(vc);
  const date = (seconds: unknown) => (typeof seconds === 'number' && Number.isFinite(seconds) && Math.abs(seconds) < 1e11 ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z') : undefined);
  if (credential.issuer === undefined && typeof claims.iss === 'string') credential.issuer = claims.iss;
  if (credential.id === undefined && typeof claims.jti === 'string') credential.id = claims.jti;
  if (credential.issuanceDate === undefined && credential.validFrom === undefined) {
    const nbf = date(claims.nbf);
    if (nbf) credential.issuanceDate = nbf;
  }
  if (credential.expirationDate === undefined && credential.validUntil === undefined) {
    const exp = date(claims.exp);
    if (exp) credential.expirationDate = exp;
  }
  if (isObject(credential.credentialSubject) && credential.credentialSubject.id === undefined && typeof claims.sub === 'string') {
    credential.credentialSubject.id = claims.sub;
  }
  return credential;
}
