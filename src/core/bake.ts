/**
 * Baked badges: Open Badges 3.0 credentials carried inside PNG and SVG images. `bakePng` and `bakeSvg` put a
 * credential into an image (producer APIs, which throw on an image they cannot bake into); `unbake` takes it out
 * again and never throws.
 */
import type { Code } from './result.js';
import { formatBytes } from './net.js';
import { hasPngSignature, readPngCredential } from './load/png.js';
import { looksLikeSvg, readSvgCredential } from './load/svg.js';

export { bakePng } from './load/png.js';
export { bakeSvg } from './load/svg.js';

/** The default cap on the size of a baked image: 10 MB. */
export const DEFAULT_MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export type UnbakeCode = Extract<Code, 'invalid-image' | 'no-baked-credential' | 'several-baked-credentials' | 'too-large' | 'internal-error'>;

export type Unbaked =
  | { ok: true; format: 'png' | 'svg'; text: string }
  | { ok: false; code: UnbakeCode; message: string; format?: 'png' | 'svg' };

/**
 * Takes the credential out of a baked badge: the bytes of a PNG or SVG, or the text of an SVG. The `text` of a success
 * is what was baked, a JSON credential or a compact JWS, not yet parsed or verified. Fails with `too-large` past
 * `maxBytes`, `invalid-image` for something that is neither a PNG nor an SVG or is corrupt, `no-baked-credential` and
 * `several-baked-credentials`. Never throws.
 */
export function unbake(bytes: Uint8Array | string, maxBytes: number = DEFAULT_MAX_IMAGE_BYTES): Unbaked {
  try {
    const cap = typeof maxBytes === 'number' && maxBytes >= 0 ? maxBytes : DEFAULT_MAX_IMAGE_BYTES;
    if (typeof bytes === 'string') return fromSvgText(bytes, cap);
    if (!(bytes instanceof Uint8Array)) {
      return { ok: false, code: 'invalid-image', message: 'Expected the bytes of a PNG or SVG image, or the text of an SVG.' };
    }
    if (hasPngSignature(bytes)) {
      const read = readPngCredential(bytes, cap);
      return read.ok ? { ok: true, format: 'png', text: read.text } : { ...read, format: 'png' };
    }
    if (bytes.byteLength > cap) return tooLarge(cap);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return neither();
    }
    return fromSvgText(text, cap);
  } catch (error) {
    return {
      ok: false,
      code: 'internal-error',
      message: `The image could not be read: ${error instanceof Error ? error.message : String(error)}.`,
    };
  }
}

function fromSvgText(text: string, cap: number): Unbaked {
  if (text.length > cap || (text.length * 3 > cap && utf8Length(text) > cap)) return tooLarge(cap);
  if (!looksLikeSvg(text)) return neither();
  const read = readSvgCredential(text);
  return read.ok ? { ok: true, format: 'svg', text: read.text } : { ...read, format: 'svg' };
}

/** UTF-8 length of a string without encoding it. */
function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) length += 1;
    else if (c < 0x800) length += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

function tooLarge(cap: number): Unbaked {
  return { ok: false, code: 'too-large', message: `The image is larger than the ${formatBytes(cap)} cap.` };
}

function neither(): Unbaked {
  return { ok: false, code: 'invalid-image', message: 'The file is neither a PNG nor an SVG image.' };
}
