/**
 * Key discovery for Data Integrity proofs: from a verification method id to the key it names (Ed25519, P-256,
 * P-384) and the controller document that lists it. did:key is computed; did:web and https controller documents are
 * fetched through the injected fetch. Never throws.
 */
import { describe, fetchBytes, type NetOptions } from '../net.js';
import type { Code } from '../result.js';
import { base58Decode, base58Encode, base64UrlDecode } from '../util/base58.js';
import { isObject, parseJson, type JsonObject } from '../load/json.js';

export type KeyType = 'Ed25519' | 'P-256' | 'P-384';

/** A verification method normalised to a Multikey, whatever form its document used. */
export interface ResolvedKey {
  id: string;
  controller: string;
  keyType: KeyType;
  publicKeyMultibase: string;
  /** The ids the controller lists under assertionMethod. */
  assertionMethod: string[];
}

export type KeyResolution =
  | { ok: true; key: ResolvedKey }
  | { ok: false; outcome: 'failed' | 'indeterminate'; code: Code; message: string };

export interface ResolveContext {
  net: NetOptions;
  /** Documents fetched during this verification (or shared by the caller), by URL. */
  documents: Map<string, Promise<DocumentFetch>>;
}

type DocumentFetch = { ok: true; doc: JsonObject } | { ok: false; message: string };

/** Multicodec prefixes and key lengths of the public keys the proofs use. */
const KEY_CODECS: { type: KeyType; prefix: [number, number]; length: number }[] = [
  { type: 'Ed25519', prefix: [0xed, 0x01], length: 32 },
  { type: 'P-256', prefix: [0x80, 0x24], length: 33 },
  { type: 'P-384', prefix: [0x81, 0x24], length: 49 },
];
const CURVE_LENGTHS: Record<string, [KeyType, number]> = { 'P-256': ['P-256', 32], 'P-384': ['P-384', 48] };

const notFound = (message: string): KeyResolution => ({ ok: false, outcome: 'failed', code: 'key-not-found', message });

export async function resolveVerificationMethod(vmId: string, ctx: ResolveContext): Promise<KeyResolution> {
  if (typeof vmId !== 'string' || vmId.length > 2048) return notFound('The proof names no verification method.');
  const [base] = vmId.split('#', 1) as [string];
  if (vmId.startsWith('did:key:')) return resolveDidKey(vmId, base);
  if (vmId.startsWith('did:web:')) {
    const url = didWebUrl(base);
    if (!url) return notFound(`${base} is not a valid did:web identifier.`);
    return fromControllerDocument(vmId, base, url, ctx);
  }
  if (/^https:\/\//i.test(vmId)) return fromHttps(vmId, base, ctx);
  if (vmId.startsWith('did:')) return notFound(`The DID method of ${describe(vmId)} is not supported (did:key and did:web are).`);
  return notFound(`The verification method ${describe(vmId)} is neither a DID URL nor an https URL.`);
}

function resolveDidKey(vmId: string, did: string): KeyResolution {
  const multibase = did.slice('did:key:'.length);
  const fragment = vmId.includes('#') ? vmId.slice(vmId.indexOf('#') + 1) : undefined;
  if (fragment !== undefined && fragment !== multibase) return notFound(`${describe(vmId)} names a key other than the one in its did:key.`);
  const keyType = multibaseKeyType(multibase);
  if (keyType === 'unsupported') return { ok: false, outcome: 'failed', code: 'unsupported-key-type', message: `${describe(did)} is not an Ed25519, P-256 or P-384 key.` };
  if (!keyType) return notFound(`${describe(did)} is not a valid did:key.`);
  // A did:key document has exactly one key, listed under every relationship; a bare did:key (no fragment) names it.
  const id = fragment === undefined ? did : vmId;
  return { ok: true, key: { id, controller: did, keyType, publicKeyMultibase: multibase, assertionMethod: [id] } };
}

/** did:web:host%3Aport:path -> https://host:port/path/did.json (no path: /.well-known/did.json). */
export function didWebUrl(did: string): string | undefined {
  const parts = did.slice('did:web:'.length).split(':');
  if (parts.some((p) => p === '' || /[/?#\s]/.test(p))) return undefined;
  let host: string;
  try {
    host = decodeURIComponent(parts[0]!);
  } catch {
    return undefined;
  }
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) return undefined;
  const path = parts.slice(1).map((p) => p).join('/');
  try {
    return new URL(path ? `https://${host}/${path}/did.json` : `https://${host}/.well-known/did.json`).href;
  } catch {
    return undefined;
  }
}

async function fromHttps(vmId: string, base: string, ctx: ResolveContext): Promise<KeyResolution> {
  const fetched = await fetchDocument(base, ctx);
  if (!fetched.ok) return { ok: false, outcome: 'indeterminate', code: 'key-unreachable', message: fetched.message };
  const doc = fetched.doc;
  // The URL may serve the key itself (with a `controller`), or a controller document listing it.
  if (doc.id === vmId && !vmId.includes('#') && typeof doc.controller === 'string') {
    const controller = doc.controller;
    if (!/^https:\/\//i.test(controller) && !controller.startsWith('did:web:')) return notFound(`The controller ${describe(controller)} of ${describe(vmId)} cannot be resolved.`);
    const url = controller.startsWith('did:web:') ? didWebUrl(controller) : controller;
    if (!url) return notFound(`The controller ${describe(controller)} is not a valid did:web.`);
    const resolved = await fromControllerDocument(vmId, controller, url, ctx);
    return resolved;
  }
  return fromDocument(vmId, base, doc);
}

async function fromControllerDocument(vmId: string, controllerId: string, url: string, ctx: ResolveContext): Promise<KeyResolution> {
  const fetched = await fetchDocument(url, ctx);
  if (!fetched.ok) return { ok: false, outcome: 'indeterminate', code: 'key-unreachable', message: fetched.message };
  return fromDocument(vmId, controllerId, fetched.doc);
}

/** Finds a verification method in a DID or controller document and normalises it. */
export function fromDocument(vmId: string, controllerId: string, doc: JsonObject): KeyResolution {
  if (doc.id !== controllerId) return notFound(`The document at ${describe(controllerId)} describes ${describe(String(doc.id))}, not ${describe(controllerId)}.`);
  const absolute = (ref: string) => (ref.startsWith('#') ? controllerId + ref : ref);
  const candidates: JsonObject[] = [];
  for (const key of ['verificationMethod', 'assertionMethod', 'publicKey']) {
    const list = doc[key];
    for (const entry of Array.isArray(list) ? list : list === undefined ? [] : [list]) if (isObject(entry)) candidates.push(entry);
  }
  // A bare controller id names its only key.
  const wanted = vmId === controllerId && candidates.length === 1 ? absolute(String(candidates[0]!.id)) : vmId;
  const vm = candidates.find((c) => typeof c.id === 'string' && absolute(c.id) === wanted);
  if (!vm) return notFound(`${describe(vmId)} is not in the controller document of ${describe(controllerId)}.`);
  const vmController = typeof vm.controller === 'string' ? absolute(vm.controller) : controllerId;
  if (vmController !== controllerId) return notFound(`${describe(vmId)} says it is controlled by ${describe(vmController)}, not by the document that lists it.`);
  const multibase = publicKeyOf(vm);
  if (multibase === 'unsupported') return { ok: false, outcome: 'failed', code: 'unsupported-key-type', message: `${describe(vmId)} is a ${String(vm.type)} key of a kind this verifier does not use (Ed25519, P-256 and P-384 are).` };
  if (!multibase) return notFound(`${describe(vmId)} carries no usable public key.`);
  const keyType = multibaseKeyType(multibase) as KeyType;
  const assertion = doc.assertionMethod;
  const assertionMethod = (Array.isArray(assertion) ? assertion : assertion === undefined ? [] : [assertion])
    .map((a) => (typeof a === 'string' ? absolute(a) : isObject(a) && typeof a.id === 'string' ? absolute(a.id) : ''))
    .filter(Boolean);
  return { ok: true, key: { id: vmId, controller: controllerId, keyType, publicKeyMultibase: multibase, assertionMethod } };
}

/** The public key of a verification method as multibase, 'unsupported' for key types the proofs do not use. */
function publicKeyOf(vm: JsonObject): string | 'unsupported' | undefined {
  if (typeof vm.publicKeyMultibase === 'string') {
    const type = multibaseKeyType(vm.publicKeyMultibase);
    if (type && type !== 'unsupported') return vm.publicKeyMultibase;
    // Ed25519VerificationKey2020 keys are sometimes written without the multicodec prefix.
    const raw = vm.publicKeyMultibase.startsWith('z') ? base58Decode(vm.publicKeyMultibase.slice(1)) : undefined;
    if (vm.type === 'Ed25519VerificationKey2020' && raw?.length === 32) return encodeKey('Ed25519', raw);
    return type;
  }
  if (typeof vm.publicKeyBase58 === 'string') {
    const raw = base58Decode(vm.publicKeyBase58);
    return raw?.length === 32 ? encodeKey('Ed25519', raw) : undefined;
  }
  if (isObject(vm.publicKeyJwk)) return jwkToMultibase(vm.publicKeyJwk);
  return undefined;
}

/** A public JWK (OKP Ed25519, EC P-256 or P-384) as a multibase Multikey. */
function jwkToMultibase(jwk: JsonObject): string | 'unsupported' | undefined {
  const x = typeof jwk.x === 'string' ? base64UrlDecode(jwk.x) : undefined;
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return x?.length === 32 ? encodeKey('Ed25519', x) : undefined;
  const curve = jwk.kty === 'EC' && typeof jwk.crv === 'string' ? CURVE_LENGTHS[jwk.crv] : undefined;
  if (!curve) return 'unsupported';
  const [type, size] = curve;
  const y = typeof jwk.y === 'string' ? base64UrlDecode(jwk.y) : undefined;
  if (x?.length !== size || y?.length !== size) return undefined;
  // Compressed point: 0x02 or 0x03 by the parity of y, then x.
  return encodeKey(type, Uint8Array.from([0x02 | (y[size - 1]! & 1), ...x]));
}

/** The key type a multibase Multikey encodes; 'unsupported' for other codecs, undefined when it is not one. */
function multibaseKeyType(multibase: string): KeyType | 'unsupported' | undefined {
  if (!multibase.startsWith('z') || multibase.length > 200) return undefined;
  const bytes = base58Decode(multibase.slice(1));
  if (!bytes || bytes.length < 3) return undefined;
  const codec = KEY_CODECS.find((c) => bytes[0] === c.prefix[0] && bytes[1] === c.prefix[1]);
  if (!codec) return 'unsupported';
  return bytes.length === codec.length + 2 ? codec.type : undefined;
}

function encodeKey(type: KeyType, raw: Uint8Array): string {
  const codec = KEY_CODECS.find((c) => c.type === type)!;
  return `z${base58Encode(Uint8Array.from([...codec.prefix, ...raw]))}`;
}

function fetchDocument(url: string, ctx: ResolveContext): Promise<DocumentFetch> {
  let pending = ctx.documents.get(url);
  if (!pending) {
    pending = (async (): Promise<DocumentFetch> => {
      const fetched = await fetchBytes(url, ctx.net);
      if (!fetched.ok) return { ok: false, message: `The key's document could not be fetched: ${fetched.message}` };
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(fetched.bytes);
      } catch {
        return { ok: false, message: `${describe(url)} did not answer with UTF-8 JSON.` };
      }
      const parsed = parseJson(text, { maxChars: ctx.net.maxBytes, maxDepth: 32 });
      if (!parsed.ok) return { ok: false, message: `${describe(url)} did not answer with a JSON document: ${parsed.message}` };
      if (!isObject(parsed.value)) return { ok: false, message: `${describe(url)} did not answer with a JSON object.` };
      return { ok: true, doc: parsed.value };
    })();
    ctx.documents.set(url, pending);
  }
  return pending;
}
