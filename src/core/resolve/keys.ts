/**
 * Key discovery for Data Integrity proofs: from a verification method id to the Ed25519 key it names and the
 * controller document that lists it. did:key is computed; did:web and https controller documents are fetched through
 * the injected fetch. Never throws.
 */
import { describe, fetchBytes, type NetOptions } from '../net.js';
import type { Code } from '../result.js';
import { base58Decode, base58Encode, base64UrlDecode } from '../util/base58.js';
import { isObject, parseJson, type JsonObject } from '../load/json.js';

/** A verification method normalised to a Multikey, whatever form its document used. */
export interface ResolvedKey {
  id: string;
  controller: string;
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

const ED25519_PREFIX = [0xed, 0x01];

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
  const key = decodeEd25519Multibase(multibase);
  if (key === 'unsupported') return { ok: false, outcome: 'failed', code: 'unsupported-key-type', message: `${describe(did)} is not an Ed25519 key.` };
  if (!key) return notFound(`${describe(did)} is not a valid did:key.`);
  // A did:key document has exactly one key, listed under every relationship; a bare did:key (no fragment) names it.
  const id = fragment === undefined ? did : vmId;
  return { ok: true, key: { id, controller: did, publicKeyMultibase: multibase, assertionMethod: [id] } };
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
  if (multibase === 'unsupported') return { ok: false, outcome: 'failed', code: 'unsupported-key-type', message: `${describe(vmId)} is a ${String(vm.type)} key; only Ed25519 keys verify these proofs.` };
  if (!multibase) return notFound(`${describe(vmId)} carries no usable public key.`);
  const assertion = doc.assertionMethod;
  const assertionMethod = (Array.isArray(assertion) ? assertion : assertion === undefined ? [] : [assertion])
    .map((a) => (typeof a === 'string' ? absolute(a) : isObject(a) && typeof a.id === 'string' ? absolute(a.id) : ''))
    .filter(Boolean);
  return { ok: true, key: { id: vmId, controller: controllerId, publicKeyMultibase: multibase, assertionMethod } };
}

/** The Ed25519 public key of a verification method as multibase, 'unsupported' for other key types. */
function publicKeyOf(vm: JsonObject): string | 'unsupported' | undefined {
  if (typeof vm.publicKeyMultibase === 'string') {
    const decoded = decodeEd25519Multibase(vm.publicKeyMultibase);
    if (decoded instanceof Uint8Array) return vm.publicKeyMultibase;
    // Ed25519VerificationKey2020 keys are sometimes written without the multicodec prefix.
    const raw = vm.publicKeyMultibase.startsWith('z') ? base58Decode(vm.publicKeyMultibase.slice(1)) : undefined;
    if (vm.type === 'Ed25519VerificationKey2020' && raw?.length === 32) return encodeEd25519(raw);
    return decoded;
  }
  if (typeof vm.publicKeyBase58 === 'string') {
    const raw = base58Decode(vm.publicKeyBase58);
    return raw?.length === 32 ? encodeEd25519(raw) : undefined;
  }
  if (isObject(vm.publicKeyJwk)) {
    const jwk = vm.publicKeyJwk;
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') return 'unsupported';
    const raw = typeof jwk.x === 'string' ? base64UrlDecode(jwk.x) : undefined;
    return raw?.length === 32 ? encodeEd25519(raw) : undefined;
  }
  return undefined;
}

function decodeEd25519Multibase(multibase: string): Uint8Array | 'unsupported' | undefined {
  if (!multibase.startsWith('z')) return undefined;
  const bytes = base58Decode(multibase.slice(1));
  if (!bytes || bytes.length < 3) return undefined;
  if (bytes[0] !== ED25519_PREFIX[0] || bytes[1] !== ED25519_PREFIX[1]) return 'unsupported';
  return bytes.length === 34 ? bytes.subarray(2) : undefined;
}

function encodeEd25519(raw: Uint8Array): string {
  return `z${base58Encode(Uint8Array.from([...ED25519_PREFIX, ...raw]))}`;
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
