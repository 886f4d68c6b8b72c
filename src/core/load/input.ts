/**
 * Step 0: turning whatever a page hands us into exactly one credential object. Never throws.
 */
import { describe, fetchBytes, type NetOptions } from '../net.js';
import type { Code } from '../result.js';
import { fromObject, isObject, parseJson, type JsonLimits, type JsonObject } from './json.js';
import { COMPACT_JWS, decodeJwt, type DecodedJwt } from './jwt.js';

export type CredentialInput = string | URL | Uint8Array | ArrayBuffer | Blob | Record<string, unknown>;

export type Loaded =
  | {
      ok: true;
      credential: JsonObject;
      source: { kind: 'url' | 'text' | 'object' | 'bytes'; url?: string; jwt?: DecodedJwt; baked?: 'png' | 'svg' };
    }
  | { ok: false; code: Code; message: string };

export interface LoadOptions extends JsonLimits {
  net: NetOptions;
}


export async function loadInput(input: unknown, opts: LoadOptions): Promise<Loaded> {
  if (input instanceof URL) return loadUrl(input.href, opts);
  if (typeof input === 'string') {
    const text = input.trim();
    // A scheme is short: bounding it keeps a long token (a VC-JWT) from being scanned end to end here.
    if (/^[a-z][a-z0-9+.-]{0,31}:\/\//i.test(text) && !/\s/.test(text)) return loadUrl(text, opts);
    return fromText(text, 'text', opts);
  }
  if (input instanceof Uint8Array) return fromBytes(input, 'bytes', opts);
  if (input instanceof ArrayBuffer) return fromBytes(new Uint8Array(input), 'bytes', opts);
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    if (input.size > opts.net.maxBytes) return { ok: false, code: 'too-large', message: `The file is larger than the ${opts.net.maxBytes} byte cap.` };
    try {
      return fromBytes(new Uint8Array(await input.arrayBuffer()), 'bytes', opts);
    } catch {
      return { ok: false, code: 'unrecognised-input', message: 'The file could not be read.' };
    }
  }
  if (isObject(input)) return toCredential(fromObject(input, opts), 'object');
  return {
    ok: false,
    code: 'unrecognised-input',
    message: `Expected a URL, JSON text, a credential object or the bytes of a badge, not ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}.`,
  };
}

async function loadUrl(url: string, opts: LoadOptions): Promise<Loaded> {
  const fetched = await fetchBytes(url, opts.net);
  if (!fetched.ok) return { ok: false, code: fetched.code, message: `The credential could not be loaded: ${fetched.message}` };
  const loaded = await fromBytes(fetched.bytes, 'url', opts);
  if (loaded.ok) loaded.source.url = fetched.url;
  else loaded.message = `${describe(url)}: ${loaded.message}`;
  return loaded;
}

// The PNG and SVG readers load only for input that may be an image: a PNG starts with 0x89 (never the first byte of
// UTF-8 text), an SVG with `<`.
async function fromBytes(bytes: Uint8Array, kind: 'url' | 'bytes', opts: LoadOptions): Promise<Loaded> {
  if (bytes.byteLength > opts.net.maxBytes) return { ok: false, code: 'too-large', message: `The input is larger than the ${opts.net.maxBytes} byte cap.` };
  const png = bytes[0] === 0x89 ? await import('./png.js') : undefined;
  if (png?.hasPngSignature(bytes)) {
    const read = png.readPngCredential(bytes, opts.net.maxBytes);
    if (!read.ok) return read;
    return baked(await fromText(read.text.trim(), kind, opts, false), 'png');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '').trim();
  } catch {
    return { ok: false, code: 'unrecognised-input', message: 'The bytes are neither a PNG nor UTF-8 text.' };
  }
  return fromText(text, kind, opts);
}

/** JSON, a compact JWS, or (unless it was itself unbaked) the text of a baked SVG. */
async function fromText(text: string, kind: 'url' | 'text' | 'bytes', opts: LoadOptions, allowImage = true): Promise<Loaded> {
  if (text.startsWith('{') || text.startsWith('[')) return toCredential(parseJson(text, opts), kind);
  if (COMPACT_JWS.test(text)) {
    const decoded = decodeJwt(text, opts);
    if (!decoded.ok) return decoded;
    return { ok: true, credential: decoded.credential, source: { kind, jwt: decoded.jwt } };
  }
  if (allowImage && (text.startsWith('<') || text.startsWith('\uFEFF<'))) {
    const { looksLikeSvg, readSvgCredential } = await import('./svg.js');
    if (!looksLikeSvg(text)) return { ok: false, code: 'unrecognised-input', message: 'The input is markup, but not an SVG badge.' };
    const read = readSvgCredential(text);
    if (!read.ok) return read;
    return baked(await fromText(read.text, kind, opts, false), 'svg');
  }
  return {
    ok: false,
    code: 'unrecognised-input',
    message: allowImage
      ? 'The input is neither a URL, JSON, a compact JWS, nor a baked PNG or SVG badge.'
      : 'The image carries something that is neither a JSON credential nor a compact JWS.',
  };
}

function baked(loaded: Loaded, format: 'png' | 'svg'): Loaded {
  if (loaded.ok) loaded.source.baked = format;
  else loaded.message = `The credential baked into the ${format.toUpperCase()}: ${loaded.message}`;
  return loaded;
}

function toCredential(parsed: ReturnType<typeof parseJson>, kind: 'url' | 'text' | 'object' | 'bytes'): Loaded {
  if (!parsed.ok) return parsed;
  if (!isObject(parsed.value)) {
    return { ok: false, code: 'not-a-credential', message: `The JSON is ${Array.isArray(parsed.value) ? 'an array' : `a ${typeof parsed.value}`}, not a credential object.` };
  }
  return { ok: true, credential: parsed.value, source: { kind } };
}
