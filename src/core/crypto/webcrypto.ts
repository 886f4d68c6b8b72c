/**
 * Signature verification through WebCrypto (Ed25519; ECDSA on P-256 and P-384), with imported public keys kept in a
 * small bounded cache. Where the runtime's WebCrypto lacks an algorithm (or there is no WebCrypto at all, as on a
 * page served over plain http), `undefined` comes back and the caller uses the libraries' own verifier.
 *
 * In Node (and runtimes that offer `process.getBuiltinModule`), the same check runs through `node:crypto` instead,
 * on the calling thread: Node's WebCrypto sends each verification to its thread pool and back, which costs more than
 * the verification itself. Both are the same OpenSSL underneath; test/core/webcrypto.test.ts checks they agree.
 */
import { base58Decode } from '../util/base58.js';
import { nativeChecks, setNodeCrypto } from './node.js';
import { decompressPoint } from '../util/ec.js';

export type Curve = 'Ed25519' | 'P-256' | 'P-384';

/** The verifier shape the Data Integrity suites expect from `createVerifier`. */
export interface Verifier {
  algorithm: string;
  id?: string;
  verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
}

/** Multicodec headers and raw key lengths of the Multikey public keys. */
const CODECS: readonly { curve: Curve; prefix: readonly [number, number]; length: number }[] = [
  { curve: 'Ed25519', prefix: [0xed, 0x01], length: 32 },
  { curve: 'P-256', prefix: [0x80, 0x24], length: 33 },
  { curve: 'P-384', prefix: [0x81, 0x24], length: 49 },
];

/** The curve and raw public key (Ed25519: 32 bytes; ECDSA: compressed point) of a multibase Multikey, or undefined. */
export function decodeMultikey(multibase: unknown): { curve: Curve; raw: Uint8Array } | undefined {
  if (typeof multibase !== 'string' || !multibase.startsWith('z') || multibase.length > 200) return undefined;
  const bytes = base58Decode(multibase.slice(1));
  if (!bytes) return undefined;
  const codec = CODECS.find((c) => bytes[0] === c.prefix[0] && bytes[1] === c.prefix[1]);
  if (!codec || bytes.length !== codec.length + 2) return undefined;
  return { curve: codec.curve, raw: bytes.slice(2) };
}

const subtle = (): SubtleCrypto | undefined => (globalThis as { crypto?: Crypto }).crypto?.subtle;

/**
 * Turns the `node:crypto` path off (or back on) and forgets imported keys: tests compare it with WebCrypto, and
 * benchmarks measure both. Returns whether the path is available in this runtime.
 */
export function useNodeCrypto(enabled: boolean): boolean {
  keys.clear();
  return setNodeCrypto(enabled);
}

// RFC 8032, section 7.1, test 1: the public key and the signature of the empty message.
const RFC8032_KEY = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const RFC8032_SIG =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';
const hex = (text: string) => Uint8Array.from(text.match(/../g)!, (h) => parseInt(h, 16));

let ed25519Probe: Promise<boolean> | undefined;

/** Whether this runtime's WebCrypto verifies signatures on `curve` (Ed25519 is probed once, with a known answer). */
export function webCryptoSupports(curve: Curve): Promise<boolean> {
  const api = subtle();
  if (!api) return Promise.resolve(false);
  if (curve !== 'Ed25519') return Promise.resolve(true);
  ed25519Probe ??= (async () => {
    try {
      const key = await api.importKey('raw', hex(RFC8032_KEY), { name: 'Ed25519' }, false, ['verify']);
      return await api.verify({ name: 'Ed25519' }, key, hex(RFC8032_SIG), new Uint8Array(0));
    } catch {
      return false;
    }
  })();
  return ed25519Probe;
}

/** How many imported keys are kept (least recently used go first). */
export const MAX_CACHED_KEYS = 256;
type Imported = { curve: Curve; key: CryptoKey; native?: undefined } | { curve: Curve; native: Omit<Verifier, 'id'>; key?: undefined } | undefined;
const keys = new Map<string, Promise<Imported>>();

/** The Multikey imported into WebCrypto (kept), or undefined when it is not one WebCrypto here takes. */
function importMultikey(publicKeyMultibase: string): Promise<Imported> {
  const hit = keys.get(publicKeyMultibase);
  if (hit) {
    keys.delete(publicKeyMultibase);
    keys.set(publicKeyMultibase, hit);
    return hit;
  }
  const pending = (async (): Promise<Imported> => {
    const decoded = decodeMultikey(publicKeyMultibase);
    if (!decoded) return undefined;
    const node = nativeChecks();
    const native = node && (await node);
    if (native) {
      const verifier = native.checks.multikeyVerifier(native.crypto, decoded.curve, decoded.raw);
      return verifier && { curve: decoded.curve, native: verifier };
    }
    if (!(await webCryptoSupports(decoded.curve))) return undefined;
    const { curve, raw } = decoded;
    const api = subtle()!;
    try {
      if (curve === 'Ed25519') return { curve, key: await api.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']) };
      const point = decompressPoint(curve, raw);
      if (!point) return undefined;
      const uncompressed = Uint8Array.from([0x04, ...point.x, ...point.y]);
      return { curve, key: await api.importKey('raw', uncompressed, { name: 'ECDSA', namedCurve: curve }, false, ['verify']) };
    } catch {
      return undefined;
    }
  })();
  keys.set(publicKeyMultibase, pending);
  while (keys.size > MAX_CACHED_KEYS) keys.delete(keys.keys().next().value!);
  return pending;
}

/** Forgets the imported keys (tests and benchmarks). */
export function clearKeyCache(): void {
  keys.clear();
}

export function keyCacheSize(): number {
  return keys.size;
}

/**
 * A WebCrypto verifier for the Multikey `publicKeyMultibase`, or undefined when the key is not an Ed25519, P-256 or
 * P-384 Multikey, the runtime's WebCrypto lacks the algorithm, or WebCrypto refuses the key (the caller then uses the
 * library verifier, which reports the problem in its own words). `curves` limits the algorithms taken.
 */
export async function webCryptoVerifier(publicKeyMultibase: unknown, id?: string, curves?: readonly string[]): Promise<Verifier | undefined> {
  if (typeof publicKeyMultibase !== 'string' || publicKeyMultibase.length > 200) return undefined;
  const imported = await importMultikey(publicKeyMultibase);
  if (!imported || (curves && !curves.includes(imported.curve))) return undefined;
  const { curve, key, native } = imported;
  if (native) return { ...native, ...(id === undefined ? {} : { id }) };
  const api = subtle()!;
  const algorithm = curve === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: { name: curve === 'P-256' ? 'SHA-256' : 'SHA-384' } };
  return {
    algorithm: curve,
    ...(id === undefined ? {} : { id }),
    async verify({ data, signature }) {
      try {
        return await api.verify(algorithm, key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
      } catch {
        // A signature of the wrong shape is not a valid signature.
        return false;
      }
    },
  };
}
