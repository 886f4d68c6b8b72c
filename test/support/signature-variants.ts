/**
 * Altered forms of a valid signature that every verifier must answer alike: for Ed25519 the same signature with a
 * non-canonical S (S + L), for ECDSA (r || s, IEEE P1363) the other valid form (r, n − s) and r or s out of range.
 */
const ORDER = {
  'P-256': 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  'P-384': 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
} as const;
const ED25519_L = 2n ** 252n + 27742317777372353535851937790883648493n;

const bytesOf = (n: bigint, length: number) => Uint8Array.from({ length }, (_, i) => Number((n >> BigInt(8 * (length - 1 - i))) & 0xffn));
const numberOf = (b: Uint8Array) => b.reduce((n, x) => (n << 8n) | BigInt(x), 0n);

export function malleatedSignatures(curve: 'Ed25519' | 'P-256' | 'P-384', signature: Uint8Array): Uint8Array<ArrayBuffer>[] {
  if (curve === 'Ed25519') {
    // S is little-endian in the signature's second half.
    const s = numberOf(signature.slice(32).reverse());
    return [Uint8Array.from([...signature.slice(0, 32), ...bytesOf(s + ED25519_L, 32).reverse()])];
  }
  const n = ORDER[curve];
  const half = signature.length / 2;
  const [r, s] = [signature.slice(0, half), signature.slice(half)];
  return [
    Uint8Array.from([...r, ...bytesOf(n - numberOf(s), half)]),
    Uint8Array.from([...bytesOf(n, half), ...s]),
    Uint8Array.from([...r, ...bytesOf(n + 1n, half)]),
  ];
}
