/** Decompression of NIST P-256 / P-384 points (both curves have p ≡ 3 mod 4, so y = rhs^((p+1)/4) mod p). */
const CURVES = {
  'P-256': {
    size: 32,
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  },
  'P-384': {
    size: 48,
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  },
} as const;

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  base %= modulus;
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % modulus;
    base = (base * base) % modulus;
    exponent >>= 1n;
  }
  return result;
}

const toBigInt = (bytes: Uint8Array) => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);

function toBytes(n: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = size - 1; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

/** The x and y coordinates of a compressed point, or undefined when it is not on the curve. */
export function decompressPoint(curve: 'P-256' | 'P-384', compressed: Uint8Array): { x: Uint8Array; y: Uint8Array } | undefined {
  const { size, p, b } = CURVES[curve];
  if (compressed.length !== size + 1 || (compressed[0] !== 2 && compressed[0] !== 3)) return undefined;
  const x = toBigInt(compressed.subarray(1));
  if (x >= p) return undefined;
  const rhs = (((x * x * x - 3n * x + b) % p) + p) % p;
  let y = modPow(rhs, (p + 1n) / 4n, p);
  if ((y * y) % p !== rhs) return undefined;
  if ((y & 1n) !== BigInt(compressed[0]! & 1)) y = p - y;
  return { x: compressed.slice(1), y: toBytes(y, size) };
}
