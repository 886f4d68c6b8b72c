/** An exported Ed25519 Multikey pair (secret + public multibase) as a private OKP JWK, for signing JWTs in tests. */
import { base64url } from './issuer.js';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(text: string): Uint8Array {
  let n = 0n;
  for (const c of text) n = n * 58n + BigInt(ALPHABET.indexOf(c));
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  return Uint8Array.from(bytes);
}

export default function multikeyToJwk(exported: Record<string, string>): Record<string, string> {
  const pub = base58(exported.publicKeyMultibase!.slice(1)).subarray(2);
  const secret = base58(exported.secretKeyMultibase!.slice(1)).subarray(2, 34);
  return { kty: 'OKP', crv: 'Ed25519', x: base64url(pub), d: base64url(secret) };
}
