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
/** The last block or two of a message: its tail, the padding and the length. */
const TAIL = new Uint8Array(128);
const encoder = new TextEncoder();
/** Two hexadecimal digits for each byte value. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The SHA-256 of `bytes`, as 64 lowercase hexadecimal digits. */
export function sha256Hex(bytes: Uint8Array): string {
  const digest = sha256(bytes);
  let hex = '';
  for (let i = 0; i < 32; i++) hex += HEX[digest[i]!]!;
  return hex;
}

/** The SHA-256 of `bytes` (32 bytes). */
export function sha256(bytes: Uint8Array): Uint8Array {
  const [K, H] = constants();
  const state = Int32Array.from(H);
  const length = bytes.length;
  // The whole blocks are read from the message itself; the rest of it, a 1 bit, zeros and the length in bits (a
  // 64-bit big-endian number) make one or two more blocks.
  const whole = length - (length % 64);
  for (let offset = 0; offset < whole; offset += 64) block(bytes, offset, state, K);
  const rest = length - whole;
  const tailLength = rest < 56 ? 64 : 128;
  TAIL.fill(0, 0, tailLength);
  TAIL.set(bytes.subarray(whole), 0);
  TAIL[rest] = 0x80;
  const high = Math.floor(length / 0x20000000);
  const low = (length << 3) >>> 0;
  for (let i = 0; i < 4; i++) {
    TAIL[tailLength - 8 + i] = (high >>> (24 - 8 * i)) & 0xff;
    TAIL[tailLength - 4 + i] = (low >>> (24 - 8 * i)) & 0xff;
  }
  for (let offset = 0; offset < tailLength; offset += 64) block(TAIL, offset, state, K);
  const digest = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const word = state[i]!;
    digest[i * 4] = word >>> 24;
    digest[i * 4 + 1] = (word >>> 16) & 0xff;
    digest[i * 4 + 2] = (word >>> 8) & 0xff;
    digest[i * 4 + 3] = word & 0xff;
  }
  return digest;
}

/** One 64-byte block of `data` at `offset` into the running hash `state` (FIPS 180-4, 6.2.2). */
function block(data: Uint8Array, offset: number, state: Int32Array, K: Uint32Array): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    W[i] = (data[j]! << 24) | (data[j + 1]! << 16) | (data[j + 2]! << 8) | data[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!, w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!, e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
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
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
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
    return sha256Hex(encoder.encode(this.content));
  }
}
