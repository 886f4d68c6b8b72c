/**
 * SHA-256 (FIPS 180-4) of a text's UTF-8 bytes, computed at once on the calling thread, as the message digest of
 * RDF canonicalisation and of the eddsa-rdfc-2022 verify data in browsers. rdf-canonize's browser build hashes each
 * blank node through `crypto.subtle.digest`, a round trip to another thread for a message of a few hundred bytes,
 * repeated for every blank node of every document (and the Data Integrity library twice more); this does the same
 * sum in place. test/core/sha256.test.ts checks it against WebCrypto.
 */
import { yieldIfDue } from '../util/yield.js';

// The round constants and initial hash (FIPS 180-4, 4.2.2 and 5.3.3): the first 32 bits of the fractional parts of
// the cube roots of the first 64 primes, and of the square roots of the first 8, computed once on first use (a double
// holds enough bits; the tests check the digests against WebCrypto).
let K: Uint32Array | undefined;
let H: Uint32Array | undefined;
function constants(): [Uint32Array, Uint32Array] {
  if (!K || !H) {
    const primes: number[] = [];
    for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
    const fraction = (x: number) => ((x - Math.floor(x)) * 2 ** 32) >>> 0;
    K = Uint32Array.from(primes, (p) => fraction(Math.cbrt(p)));
    H = Uint32Array.from(primes.slice(0, 8), (p) => fraction(Math.sqrt(p)));
  }
  return [K, H];
}
const W = new Uint32Array(64);
export const textEncoder = new TextEncoder();

/** The SHA-256 of `bytes`, as 64 lowercase hexadecimal digits. */
export function sha256Hex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of sha256(bytes)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** The SHA-256 of `bytes` (32 bytes). */
export function sha256(bytes: Uint8Array): Uint8Array {
  const length = bytes.length;
  // The message, a 1 bit, zeros, and the length in bits as a 64-bit big-endian number: a multiple of 64 bytes.
  const padded = new Uint8Array(((length + 8) >> 6) * 64 + 64);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
  view.setUint32(padded.length - 4, (length << 3) >>> 0);
  const [K, H] = constants();
  let h0 = H[0]! | 0, h1 = H[1]! | 0, h2 = H[2]! | 0, h3 = H[3]! | 0, h4 = H[4]! | 0, h5 = H[5]! | 0, h6 = H[6]! | 0, h7 = H[7]! | 0;
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) W[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const w15 = W[i - 15]!, w2 = W[i - 2]!;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  const digest = new Uint8Array(32);
  const out = new DataView(digest.buffer);
  [h0, h1, h2, h3, h4, h5, h6, h7].forEach((word, i) => out.setUint32(i * 4, word >>> 0));
  return digest;
}

/** A message digest of the shape rdf-canonize's `createMessageDigest` option takes (SHA-256, text in UTF-8). */
export class Sha256MessageDigest {
  readonly algorithm = 'SHA-256';
  private content = '';

  update(message: string): void {
    this.content += message;
  }

  async digest(): Promise<string> {
    // A long canonicalisation (many blank nodes, or a cold first run) gives a page a turn between two hashes once
    // one is due (never in Node: see ../util/yield.ts). The digest is the same.
    const pause = yieldIfDue();
    if (pause) await pause;
    return sha256Hex(textEncoder.encode(this.content));
  }
}
