/**
 * Baked PNG badges: an Open Badges 3.0 credential travels in the first `iTXt` chunk whose keyword is
 * `openbadgecredential`, uncompressed, its text a JSON credential or a compact JWS (Open Badges 3.0, "Baking").
 *
 * Reading walks the chunks by their declared lengths without decoding the image: every chunk's CRC-32 is checked,
 * IHDR must come first and IEND must be there, and the whole file is held to a byte cap. Reading never throws.
 */
import { formatBytes } from '../net.js';

/** The keyword of the `iTXt` chunk that carries an Open Badges 3.0 credential. */
export const PNG_KEYWORD = 'openbadgecredential';
/** The keyword Open Badges 2.0 used, recognised only to say what was found instead. */
const OB2_KEYWORD = 'openbadges';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
/** PNG chunk lengths are at most 2^31 - 1 bytes. */
const MAX_CHUNK_LENGTH = 0x7fffffff;
/** iTXt keywords are 1 to 79 Latin-1 characters. */
const MAX_KEYWORD_LENGTH = 79;

export type PngRead =
  | { ok: true; text: string }
  | { ok: false; code: 'invalid-image' | 'no-baked-credential' | 'too-large'; message: string };

/** One chunk of a walked PNG, as offsets into its bytes. */
interface Chunk {
  type: string;
  /** Offset of the chunk's length field. */
  start: number;
  /** Offset of its data. */
  data: number;
  length: number;
  /** Offset just after its CRC. */
  end: number;
}

type Walk = { ok: true; chunks: Chunk[] } | { ok: false; code: 'invalid-image' | 'too-large'; message: string };

/**
 * Reads the credential baked into a PNG: the text of the first `iTXt` chunk with keyword `openbadgecredential`.
 * Answers `too-large` past `maxBytes`, `invalid-image` for a PNG that is truncated, corrupt (a CRC mismatch, IHDR not
 * first, no IEND) or whose credential chunk is compressed or not UTF-8, and `no-baked-credential` when no such chunk
 * exists. Never throws.
 */
export function readPngCredential(bytes: Uint8Array, maxBytes: number): PngRead {
  try {
    if (!(bytes instanceof Uint8Array)) return invalid('The input is not a byte array.');
    if (bytes.byteLength > maxBytes) {
      return { ok: false, code: 'too-large', message: `The PNG is ${formatBytes(bytes.byteLength)}, larger than the ${formatBytes(maxBytes)} cap.` };
    }
    const walk = walkPng(bytes);
    if (!walk.ok) return walk;
    let ob2 = false;
    for (const chunk of walk.chunks) {
      if (chunk.type !== 'iTXt') continue;
      const keyword = keywordOf(bytes, chunk);
      if (keyword === OB2_KEYWORD) ob2 = true;
      if (keyword === PNG_KEYWORD) return credentialText(bytes, chunk);
    }
    return {
      ok: false,
      code: 'no-baked-credential',
      message: ob2
        ? 'The PNG carries an Open Badges 2.0 assertion (iTXt keyword "openbadges"), not an Open Badges 3.0 credential.'
        : 'The PNG carries no Open Badges 3.0 credential (no iTXt chunk with keyword "openbadgecredential").',
    };
  } catch (error) {
    return invalid(`The PNG could not be read (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/**
 * Bakes a credential into a PNG: inserts one uncompressed `iTXt` chunk with keyword `openbadgecredential`, an empty
 * language tag and translated keyword, right after IHDR, and removes every `openbadgecredential` iTXt chunk the PNG
 * already had. An object is serialised with `JSON.stringify`; a string (JSON or a compact JWS) is used as it is.
 * Bytes after IEND are dropped; every other chunk is copied unchanged. The input is not modified.
 *
 * This is a producer API and, unlike the readers, it throws:
 * @throws {TypeError} when `png` is not a complete, valid PNG (bad signature, truncated, a CRC mismatch, IHDR not
 *   first, no IEND), or `credential` is neither a string nor an object.
 * @throws {TypeError} from `JSON.stringify` for an object with cycles or BigInt values.
 * @throws {RangeError} when the credential text does not fit in one PNG chunk (2 GB).
 */
export function bakePng(png: Uint8Array, credential: string | object): Uint8Array {
  if (!(png instanceof Uint8Array)) throw new TypeError('bakePng: expected the PNG as a Uint8Array.');
  const text = credentialString(credential, 'bakePng');
  const walk = walkPng(png);
  if (!walk.ok) throw new TypeError(`bakePng: not a valid PNG. ${walk.message}`);

  const textBytes = new TextEncoder().encode(text);
  const keyword = latin1(PNG_KEYWORD);
  // keyword, NUL, compression flag 0, compression method 0, empty language tag + NUL, empty translated keyword + NUL
  const data = new Uint8Array(keyword.length + 5 + textBytes.length);
  data.set(keyword, 0);
  data.set(textBytes, keyword.length + 5);
  if (data.length > MAX_CHUNK_LENGTH) throw new RangeError('bakePng: the credential is too long for one PNG chunk.');
  const baked = makeChunk('iTXt', data);

  const kept = walk.chunks.filter((c) => !(c.type === 'iTXt' && keywordOf(png, c) === PNG_KEYWORD));
  const [ihdr, ...rest] = kept;
  const total = SIGNATURE.length + baked.length + kept.reduce((n, c) => n + (c.end - c.start), 0);
  const out = new Uint8Array(total);
  out.set(SIGNATURE, 0);
  let offset = SIGNATURE.length;
  const copy = (c: Chunk) => {
    out.set(png.subarray(c.start, c.end), offset);
    offset += c.end - c.start;
  };
  copy(ihdr!);
  out.set(baked, offset);
  offset += baked.length;
  rest.forEach(copy);
  return out;
}

/** True when the bytes start with the PNG signature. */
export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.byteLength >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The string a producer bakes: a string as it is, an object as JSON. */
export function credentialString(credential: unknown, api: string): string {
  if (typeof credential === 'string') return credential;
  if (typeof credential === 'object' && credential !== null) {
    const json = JSON.stringify(credential) as string | undefined;
    if (typeof json === 'string') return json;
  }
  throw new TypeError(`${api}: the credential must be a string (JSON or a compact JWS) or an object.`);
}

/** Checks the structure of a whole PNG and lists its chunks up to and including IEND. */
function walkPng(bytes: Uint8Array): Walk {
  if (!hasPngSignature(bytes)) return invalid('The file is not a PNG (its first 8 bytes are not the PNG signature).');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Chunk[] = [];
  let pos: number = SIGNATURE.length;
  let previous = 'the signature';
  for (;;) {
    if (pos === bytes.byteLength) return invalid(`The PNG is truncated: it ends after ${previous}, without an IEND chunk.`);
    if (pos + 8 > bytes.byteLength) return invalid(`The PNG is truncated in the chunk header after ${previous}.`);
    const length = view.getUint32(pos);
    const type = chunkType(bytes, pos + 4);
    if (type === undefined) return invalid(`The PNG has an invalid chunk type at byte ${pos + 4} (after ${previous}).`);
    if (length > MAX_CHUNK_LENGTH) return invalid(`The PNG chunk ${type} at byte ${pos} declares an impossible length (${length}).`);
    const end = pos + 12 + length;
    if (end > bytes.byteLength) return invalid(`The PNG is truncated in chunk ${type}.`);
    if (crc32(bytes, pos + 4, pos + 8 + length) !== view.getUint32(pos + 8 + length)) {
      return invalid(`The PNG is corrupt: the CRC of chunk ${type} at byte ${pos} does not match its content.`);
    }
    if (chunks.length === 0) {
      if (type !== 'IHDR') return invalid(`The PNG is corrupt: its first chunk is ${type}, not IHDR.`);
      if (length !== 13) return invalid(`The PNG is corrupt: its IHDR chunk is ${length} bytes long, not 13.`);
    } else if (type === 'IHDR') {
      return invalid(`The PNG is corrupt: a second IHDR chunk at byte ${pos}.`);
    }
    chunks.push({ type, start: pos, data: pos + 8, length, end });
    if (type === 'IEND') return { ok: true, chunks };
    previous = `chunk ${type}`;
    pos = end;
  }
}

/** The four-letter chunk type at an offset, or undefined when those bytes are not ASCII letters. */
function chunkType(bytes: Uint8Array, at: number): string | undefined {
  let type = '';
  for (let i = at; i < at + 4; i++) {
    const b = bytes[i]!;
    if (!((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a))) return undefined;
    type += String.fromCharCode(b);
  }
  return type;
}

/** The keyword of an iTXt chunk (Latin-1 up to the first NUL), or undefined when the chunk has none. */
function keywordOf(bytes: Uint8Array, chunk: Chunk): string | undefined {
  const limit = Math.min(chunk.length, MAX_KEYWORD_LENGTH + 1);
  for (let i = 0; i < limit; i++) {
    if (bytes[chunk.data + i] === 0) {
      return i === 0 ? undefined : String.fromCharCode(...bytes.subarray(chunk.data, chunk.data + i));
    }
  }
  return undefined;
}

/** The text of an `openbadgecredential` iTXt chunk. */
function credentialText(bytes: Uint8Array, chunk: Chunk): PngRead {
  const data = bytes.subarray(chunk.data, chunk.data + chunk.length);
  let pos = PNG_KEYWORD.length + 1;
  if (pos + 2 > data.length) return invalid('The iTXt chunk "openbadgecredential" is truncated before its compression flag.');
  const flag = data[pos]!;
  if (flag === 1) {
    return invalid('The iTXt chunk "openbadgecredential" is compressed: compressed iTXt is not allowed for Open Badges 3.0.');
  }
  if (flag !== 0) return invalid(`The iTXt chunk "openbadgecredential" has an invalid compression flag (${flag}).`);
  pos += 2; // compression flag and method (the method is meaningless when the flag is 0)
  const languageEnd = data.indexOf(0, pos);
  if (languageEnd < 0) return invalid('The iTXt chunk "openbadgecredential" is malformed: its language tag is not terminated.');
  const translatedEnd = data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) return invalid('The iTXt chunk "openbadgecredential" is malformed: its translated keyword is not terminated.');
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data.subarray(translatedEnd + 1)) };
  } catch {
    return invalid('The text of the iTXt chunk "openbadgecredential" is not valid UTF-8.');
  }
}

function makeChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(data.length + 12);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(latin1(type), 4);
  chunk.set(data, 8);
  view.setUint32(data.length + 8, crc32(chunk, 4, data.length + 8));
  return chunk;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as PNG uses it) of bytes[start, end). The table is built on first use. */
function crc32(bytes: Uint8Array, start: number, end: number): number {
  const table = (crcTable ??= makeCrcTable());
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function makeCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

function invalid(message: string): { ok: false; code: 'invalid-image'; message: string } {
  return { ok: false, code: 'invalid-image', message };
}
