/**
 * Bitstring Status List (and StatusList2021) encoding: multibase base64url (or plain base64url), gzip, then bits,
 * bit 0 being the most significant bit of the first byte. Decompression streams with a hard cap, so a gzip bomb
 * costs at most the cap in memory.
 */
import { base64UrlDecode } from '../util/base58.js';

/** Decompressed lists larger than this are refused (2^27 entries of one bit). */
export const MAX_LIST_BYTES = 16 * 1024 * 1024;

export type Decoded = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'encoding' | 'too-large'; message: string };

export async function decodeEncodedList(encoded: string, maxBytes = MAX_LIST_BYTES): Promise<Decoded> {
  const text = encoded.startsWith('u') ? encoded.slice(1) : encoded;
  if (text.length > maxBytes) return { ok: false, reason: 'too-large', message: 'The encoded list is longer than the size cap.' };
  const gz = base64UrlDecode(text.replace(/=+$/, ''));
  if (!gz || gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b) return { ok: false, reason: 'encoding', message: 'The encodedList is not base64url-encoded gzip data.' };
  if (typeof DecompressionStream === 'undefined') return { ok: false, reason: 'encoding', message: 'This runtime cannot decompress gzip (no DecompressionStream).' };
  const reader = new Blob([gz as BufferSource]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too-large', message: `The status list decompresses to more than ${maxBytes / (1024 * 1024)} MB (a gzip bomb, or a list too large to check).` };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'encoding', message: 'The encodedList is not valid gzip data.' };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The value of `size` bits starting at entry `index` (bit 0 = most significant bit of byte 0), or undefined when out of range. */
export function readStatus(bytes: Uint8Array, index: number, size: number): number | undefined {
  const start = index * size;
  if (!Number.isSafeInteger(start) || start < 0 || start + size > bytes.length * 8) return undefined;
  let value = 0;
  for (let i = start; i < start + size; i++) value = value * 2 + ((bytes[i >> 3]! >> (7 - (i & 7))) & 1);
  return value;
}
