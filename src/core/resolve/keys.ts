/**
 * Key discovery: from a verification method id (or a JWT `kid`) to the public key it names and the controller that
 * lists it. did:key and did:jwk are computed; did:web and https controller documents are fetched through the
 * injected fetch, once per verification and, with a DocumentCache, once per page. Keys are normalised: Ed25519,
 * P-256 and P-384 keys carry a multibase Multikey (for Data Integrity); every key carries a public JWK (for VC-JWT).
 * Never throws.
 */
import { describe, fetchBytes, type NetOptions } from '../net.js';
import { sharedDocumentCache, type DocumentCache } from './cache.js';
import type { Code } from '../result.js';
import { base58Decode, base58Encode, base64UrlDecode, base64UrlEncode } from '../util/base58.js';
import { isObject, parseJson, type JsonObject } from '../load/json.js';
import { decompressPoint } from '../util/ec.js';

export type KeyType = 'Ed25519' | 'P-256' | 'P-384' | 'RSA';

/** A public key in the forms the proofs need. */
export interface KeyMaterial {
  keyType: KeyType;
  /** Multibase Multikey; absent for RSA keys (Data Integrity does not use them). */
  publicKeyMultibase?: string;
  /** Public JWK with only the members that define the key. */
  publicKeyJwk: JsonObject;
}

/** A verification method bound to its controller. */
export interface ResolvedKey extends KeyMaterial {
  id: string;
  controller: string;
  /** The ids the controller lists under assertionMethod. */
  assertionMethod: string[];
}

export type Failure = { ok: false; outcome: 'failed' | 'indeterminate'; code: Code; message: string };
export type KeyResolution = { ok: true; key: ResolvedKey } | Failure;

export interface ResolveContext {
  net: NetOptions;
  /** Documents fetched during this verification (or shared by the caller), by URL. */
  documents: Map<string, Promise<DocumentFetch>>;
  /** Documents shared between verifications (default: the page's shared cache); used only when `now` is given. */
  cache?: DocumentCache | undefined;
  /** The verification's clock, in milliseconds (for the cache's expiry); without it nothing is shared. */
  now?: number;
  /** What the cache partitions by: the fetch function the caller gave. Default: `net.fetch`. */
  partition?: object;
}

/** A fetched key document (frozen: it may be shared by many verifications), or why there is none. */
export type DocumentFetch = { ok: true; doc: JsonObject } | { ok: false; message: string; aborted?: boolean };

/** Multicodec prefixes and key lengths of the public keys the proofs use. */
const KEY_CODECS: { type: Exclude<KeyType, 'RSA'>; prefix: [number, number]; length: number }[] = [
  { type: 'Ed25519', prefix: [0xed, 0x01], length: 32 },
  { type: 'P-256', prefix: [0x80, 0x24], length: 33 },
  { type: 'P-384', prefix: [0x81, 0x24], length: 49 },
];
const EC_SIZES: Record<string, number> = { 'P-256': 32, 'P-384': 48 };

export const notFound = (message: string): Failure => ({ ok: false, outcome: 'failed', code: 'key-not-found', message });
const unsupportedKey = (message: string): Failure => ({ ok: false, outcome: 'failed', code: 'unsupported-key-type', message });
const unreachable = (message: string): Failure => ({ ok: false, outcome: 'indeterminate', code: 'key-unreachable', message });

export async function resolveVerificationMethod(vmId: string, ctx: ResolveContext): Promise<KeyResolution> {
  if (typeof vmId !== 'string' || vmId.length > 4096) return notFound('The proof names no verification method.');
  const [base] = vmId.split('#', 1) as [string];
  if (vmId.startsWith('did:key:')) return resolveDidKey(vmId, base);
  if (vmId.startsWith('did:jwk:')) return resolveDidJwk(vmId, base);
  if (vmId.startsWith('did:web:')) {
    const url = didWebUrl(base);
    if (!url) return notFound(`${describe(base)} is not a valid did:web identifier.`);
    return fromControllerDocument(vmId, base, url, ctx);
  }
  if (/^https:\/\//i.test(vmId)) return fromHttps(vmId, base, ctx);
  if (vmId.startsWith('did:')) return notFound(`The DID method of ${describe(vmId)} is not supported (did:key, did:jwk and did:web are).`);
  return notFound(`The verification method ${describe(vmId)} is neither a DID URL nor an https URL.`);
}

function resolveDidKey(vmId: string, did: string): KeyResolution {
  const multibase = did.slice('did:key:'.length);
  const fragment = vmId.includes('#') ? vmId.slice(vmId.indexOf('#') + 1) : undefined;
  if (fragment !== undefined && fragment !== multibase) return notFound(`${describe(vmId)} names a key other than the one in its did:key.`);
  const material = fromMultibase(multibase);
  if (material === 'unsupported') return unsupportedKey(`${describe(did)} is not an Ed25519, P-256 or P-384 key.`);
  if (!material) return notFound(`${describe(did)} is not a valid did:key.`);
  // A did:key document has exactly one key, listed under every relationship; a bare did:key (no fragment) names it.
  const id = fragment === undefined ? did : vmId;
  return { ok: true, key: { id, controller: did, ...material, assertionMethod: [id] } };
}

function resolveDidJwk(vmId: string, did: string): KeyResolution {
  const fragment = vmId.includes('#') ? vmId.slice(vmId.indexOf('#') + 1) : undefined;
  if (fragment !== undefined && fragment !== '0') return notFound(`${describe(vmId)}: a did:jwk has one key, #0.`);
  const bytes = base64UrlDecode(did.slice('did:jwk:'.length));
  let jwk: unknown;
  try {
    jwk = bytes && bytes.length < 16_384 ? JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) : undefined;
  } catch {
    jwk = undefined;
  }
  if (!isObject(jwk)) return notFound(`${describe(did)} is not a valid did:jwk.`);
  if (typeof jwk.d === 'string') return notFound(`${describe(did)} contains a private key.`);
  const material = fromJwk(jwk);
  if (material === 'unsupported') return unsupportedKey(`${describe(did)} is a key of a kind this verifier does not use.`);
  if (!material) return notFound(`${describe(did)} does not hold a usable public key.`);
  const id = `${did}#0`;
  return { ok: true, key: { id, controller: did, ...material, assertionMethod: [id] } };
}

/** did:web:host%3Aport:path -> https://host:port/path/did.json (no path: /.well-known/did.json). */
export function didWebUrl(did: string): string | undefined {
  const parts = did.slice('did:web:'.length).split(':');
  if (parts.some((p) => p === '' || /[/?#\s]/.test(p))) return undefined;
  let host: string;
  let path: string;
  try {
    host = decodeURIComponent(parts[0]!);
    path = parts.slice(1).map((p) => encodeURIComponent(decodeURIComponent(p))).join('/');
  } catch {
    return undefined;
  }
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) return undefined;
  try {
    return new URL(path ? `https://${host}/${path}/did.json` : `https://${host}/.well-known/did.json`).href;
  } catch {
    return undefined;
  }
}

/** The URL of the document describing a controller (a did:web or an https URL), or undefined. */
export function controllerDocumentUrl(controller: string): string | undefined {
  if (controller.startsWith('did:web:')) return didWebUrl(controller.split('#', 1)[0]!);
  return /^https:\/\//i.test(controller) ? controller.split('#', 1)[0] : undefined;
}

async function fromHttps(vmId: string, base: string, ctx: ResolveContext): Promise<KeyResolution> {
  const fetched = await fetchDocument(base, ctx);
  if (!fetched.ok) return unreachable(fetched.message);
  const doc = fetched.doc;
  // The URL may serve the key itself (with a `controller`), or a controller document listing it.
  if (doc.id === vmId && !vmId.includes('#') && typeof doc.controller === 'string') {
    const url = controllerDocumentUrl(doc.controller);
    if (!url) return notFound(`The controller ${describe(doc.controller)} of ${describe(vmId)} cannot be resolved.`);
    return fromControllerDocument(vmId, doc.controller, url, ctx);
  }
  return fromDocument(vmId, base, doc);
}

async function fromControllerDocument(vmId: string, controllerId: string, url: string, ctx: ResolveContext): Promise<KeyResolution> {
  const fetched = await fetchDocument(url, ctx);
  if (!fetched.ok) return unreachable(fetched.message);
  return fromDocument(vmId, controllerId, fetched.doc);
}

/** The verification methods a DID or controller document describes, with absolute ids. */
export function methodsOf(controllerId: string, doc: JsonObject): JsonObject[] {
  const absolute = (ref: string) => (ref.startsWith('#') ? controllerId + ref : ref);
  const methods: JsonObject[] = [];
  for (const key of ['verificationMethod', 'assertionMethod', 'publicKey']) {
    const list = doc[key];
    for (const entry of Array.isArray(list) ? list : list === undefined ? [] : [list]) {
      if (isObject(entry) && typeof entry.id === 'string') methods.push({ ...entry, id: absolute(entry.id) });
    }
  }
  return methods;
}

function assertionIds(controllerId: string, doc: JsonObject): string[] {
  const absolute = (ref: string) => (ref.startsWith('#') ? controllerId + ref : ref);
  const assertion = doc.assertionMethod;
  return (Array.isArray(assertion) ? assertion : assertion === undefined ? [] : [assertion])
    .map((a) => (typeof a === 'string' ? absolute(a) : isObject(a) && typeof a.id === 'string' ? absolute(a.id) : ''))
    .filter(Boolean);
}

/** Finds a verification method in a DID or controller document and normalises it. */
export function fromDocument(vmId: string, controllerId: string, doc: JsonObject): KeyResolution {
  if (doc.id !== controllerId) return notFound(`The document at ${describe(controllerId)} describes ${describe(String(doc.id))}, not ${describe(controllerId)}.`);
  const methods = methodsOf(controllerId, doc);
  // A bare controller id names its only key.
  const wanted = vmId === controllerId && methods.length === 1 ? methods[0]!.id : vmId;
  const vm = methods.find((m) => m.id === wanted);
  if (!vm) return notFound(`${describe(vmId)} is not in the controller document of ${describe(controllerId)}.`);
  return bindMethod(vm, vmId, controllerId, doc);
}

function bindMethod(vm: JsonObject, vmId: string, controllerId: string, doc: JsonObject): KeyResolution {
  const absolute = (ref: string) => (ref.startsWith('#') ? controllerId + ref : ref);
  const vmController = typeof vm.controller === 'string' ? absolute(vm.controller) : controllerId;
  if (vmController !== controllerId) return notFound(`${describe(vmId)} says it is controlled by ${describe(vmController)}, not by the document that lists it.`);
  const material = keyMaterial(vm);
  if (material === 'unsupported') return unsupportedKey(`${describe(vmId)} is a ${String(vm.type)} key of a kind this verifier does not use.`);
  if (!material) return notFound(`${describe(vmId)} carries no usable public key.`);
  return { ok: true, key: { id: String(vm.id), controller: controllerId, ...material, assertionMethod: assertionIds(controllerId, doc) } };
}

/**
 * The key of a controller document that equals `jwk`, bound to the controller; for a `jwk` JOSE header, which is
 * trusted only when the issuer itself publishes that key.
 */
export function findPublishedKey(controllerId: string, doc: JsonObject, jwk: KeyMaterial): KeyResolution {
  if (doc.id !== controllerId) return notFound(`The document at ${describe(controllerId)} describes ${describe(String(doc.id))}, not ${describe(controllerId)}.`);
  const same = methodsOf(controllerId, doc).find((m) => {
    const material = keyMaterial(m);
    return typeof material === 'object' && sameKey(material, jwk);
  });
  if (!same) return notFound(`The key in the JWT header is not one that ${describe(controllerId)} publishes.`);
  return bindMethod(same, String(same.id), controllerId, doc);
}

export function sameKey(a: KeyMaterial, b: KeyMaterial): boolean {
  const x = a.publicKeyJwk;
  const y = b.publicKeyJwk;
  return a.keyType === b.keyType && x.x === y.x && x.y === y.y && x.n === y.n && x.e === y.e;
}

/** The public key of a verification method, 'unsupported' for key types no proof uses. */
export function keyMaterial(vm: JsonObject): KeyMaterial | 'unsupported' | undefined {
  if (typeof vm.publicKeyMultibase === 'string') {
    const material = fromMultibase(vm.publicKeyMultibase);
    if (material) return material;
    // Ed25519VerificationKey2020 keys are sometimes written without the multicodec prefix.
    const raw = vm.publicKeyMultibase.startsWith('z') ? base58Decode(vm.publicKeyMultibase.slice(1)) : undefined;
    if (vm.type === 'Ed25519VerificationKey2020' && raw?.length === 32) return fromRaw('Ed25519', raw);
    return material;
  }
  if (typeof vm.publicKeyBase58 === 'string') {
    const raw = base58Decode(vm.publicKeyBase58);
    return raw?.length === 32 ? fromRaw('Ed25519', raw) : undefined;
  }
  if (isObject(vm.publicKeyJwk)) return fromJwk(vm.publicKeyJwk);
  return undefined;
}

/** A public JWK (OKP Ed25519, EC P-256 or P-384, RSA) as key material. */
export function fromJwk(jwk: JsonObject): KeyMaterial | 'unsupported' | undefined {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
    const x = typeof jwk.x === 'string' ? base64UrlDecode(jwk.x) : undefined;
    return x?.length === 32 ? fromRaw('Ed25519', x) : undefined;
  }
  if (jwk.kty === 'EC' && typeof jwk.crv === 'string') {
    const size = EC_SIZES[jwk.crv];
    if (!size) return 'unsupported';
    const x = typeof jwk.x === 'string' ? base64UrlDecode(jwk.x) : undefined;
    const y = typeof jwk.y === 'string' ? base64UrlDecode(jwk.y) : undefined;
    if (x?.length !== size || y?.length !== size) return undefined;
    const type = jwk.crv as 'P-256' | 'P-384';
    // Compressed point: 0x02 or 0x03 by the parity of y, then x.
    return { keyType: type, publicKeyMultibase: encodeMultibase(type, Uint8Array.from([0x02 | (y[size - 1]! & 1), ...x])), publicKeyJwk: { kty: 'EC', crv: type, x: jwk.x as string, y: jwk.y as string } };
  }
  if (jwk.kty === 'RSA') {
    const n = typeof jwk.n === 'string' ? base64UrlDecode(jwk.n) : undefined;
    const e = typeof jwk.e === 'string' ? base64UrlDecode(jwk.e) : undefined;
    // RS256 needs at least 2048-bit keys.
    if (!n || !e || n.length < 256 || n.length > 1024 || e.length > 8) return undefined;
    return { keyType: 'RSA', publicKeyJwk: { kty: 'RSA', n: jwk.n as string, e: jwk.e as string } };
  }
  return 'unsupported';
}

/** Key material of a multibase Multikey; 'unsupported' for other codecs, undefined when it is not one. */
function fromMultibase(multibase: string): KeyMaterial | 'unsupported' | undefined {
  if (!multibase.startsWith('z') || multibase.length > 200) return undefined;
  const bytes = base58Decode(multibase.slice(1));
  if (!bytes || bytes.length < 3) return undefined;
  const codec = KEY_CODECS.find((c) => bytes[0] === c.prefix[0] && bytes[1] === c.prefix[1]);
  if (!codec) return 'unsupported';
  return bytes.length === codec.length + 2 ? fromRaw(codec.type, bytes.subarray(2), multibase) : undefined;
}

/** Key material from raw public key bytes (Ed25519: 32 bytes; P-256/P-384: a compressed point). */
function fromRaw(type: Exclude<KeyType, 'RSA'>, raw: Uint8Array, multibase = encodeMultibase(type, raw)): KeyMaterial | undefined {
  if (type === 'Ed25519') return { keyType: type, publicKeyMultibase: multibase, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: base64UrlEncode(raw) } };
  const point = decompressPoint(type, raw);
  if (!point) return undefined;
  return { keyType: type, publicKeyMultibase: multibase, publicKeyJwk: { kty: 'EC', crv: type, x: base64UrlEncode(point.x), y: base64UrlEncode(point.y) } };
}

function encodeMultibase(type: Exclude<KeyType, 'RSA'>, raw: Uint8Array): string {
  const codec = KEY_CODECS.find((c) => c.type === type)!;
  return `z${base58Encode(Uint8Array.from([...codec.prefix, ...raw]))}`;
}

/**
 * Fetches a key document once per verification (the promise is shared by every key that needs it) and, with a cache
 * in the context, once per page.
 */
export function fetchDocument(url: string, ctx: ResolveContext): Promise<DocumentFetch> {
  let pending = ctx.documents.get(url);
  if (!pending) {
    pending = ctx.now !== undefined ? fromCache(url, ctx, ctx.cache ?? sharedDocumentCache(), ctx.now) : loadDocument(url, ctx, 0).then((l) => l.value);
    ctx.documents.set(url, pending);
  }
  return pending;
}

async function fromCache(url: string, ctx: ResolveContext, cache: DocumentCache, now: number): Promise<DocumentFetch> {
  // A shared request may have been cancelled by the verification that started it; then ask again (a few times).
  for (let attempt = 0; ; attempt++) {
    const failureKeepMs = cache.failureTtlMs > 0 ? cache.failureTtlMs + ctx.net.timeoutMs : 0;
    const result = await cache.get(ctx.partition ?? ctx.net.fetch, url, now, () => loadDocument(url, ctx, cache.ttlMs, failureKeepMs));
    if (result.ok || !result.aborted || ctx.net.signal?.aborted || attempt >= 2) return result;
  }
}

/**
 * Media types a key document may be served as: JSON (application/json, and any application/<name>+json such as
 * did+json, did+ld+json, ld+json, jwk-set+json). A key document is trusted because of where it is served, not
 * because it is signed, so it must be served as JSON: text, HTML, octet streams and responses without a content type
 * are refused (a file uploaded to the issuer's site, or an error page, is not taken for its keys). Refusing one
 * leaves the credential `indeterminate`, never failed. Credentials and status lists prove themselves by their own
 * proofs, so their content type is not judged: they are recognised by their content.
 */
export function isJsonMediaType(contentType: string): boolean {
  const type = mediaType(contentType);
  return type === 'application/json' || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(type);
}

/** The media type of a Content-Type header, lower case, without parameters. */
function mediaType(contentType: string): string {
  return (contentType.split(';', 1)[0] ?? '').trim().toLowerCase();
}

async function loadDocument(url: string, ctx: ResolveContext, keepMs: number, failureKeepMs = 0): Promise<{ value: DocumentFetch; keepMs: number; bytes: number }> {
  const fail = (message: string, aborted = false) => ({ value: { ok: false as const, message, ...(aborted ? { aborted } : {}) }, keepMs: aborted ? 0 : failureKeepMs, bytes: 0 });
  const fetched = await fetchBytes(url, ctx.net);
  if (!fetched.ok) return fail(`The key's document could not be fetched: ${fetched.message}`, fetched.code === 'aborted');
  if (!isJsonMediaType(fetched.contentType)) {
    const served = mediaType(fetched.contentType);
    return fail(`${describe(url)} was served ${served ? `as ${served.slice(0, 80)}` : 'without a content type'}, not as JSON (application/json or application/*+json), so it is not used as a key document.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fetched.bytes);
  } catch {
    return fail(`${describe(url)} did not answer with UTF-8 JSON.`);
  }
  const parsed = parseJson(text.replace(/^\uFEFF/, ''), { maxChars: ctx.net.maxBytes, maxDepth: 32 });
  if (!parsed.ok) return fail(`${describe(url)} did not answer with a JSON document: ${parsed.message}`);
  if (!isObject(parsed.value)) return fail(`${describe(url)} did not answer with a JSON object.`);
  return { value: { ok: true, doc: deepFreeze(parsed.value) }, keepMs, bytes: fetched.bytes.byteLength };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
