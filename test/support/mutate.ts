/**
 * Mutation testing of signed credentials: valid credentials in every proof format and container (made at test time
 * with test/support/issuer.ts), and a seeded generator of edits that change what they say. Runs in Node and in
 * browsers (no node: imports at the top level).
 *
 * What counts as an edit: a string value changed, a leaf removed, a property added (defined by the contexts, undefined,
 * or named by an absolute IRI), a date moved, a character of a proof value or JWS signature changed (so that its bytes
 * change), a JWT header or registered claim changed, a baked image's credential edited and baked again (or its chunk
 * bytes changed), a nested credential of a CLR edited (with the transcript re-signed by its issuer or not), and edits
 * re-signed by a key that is not the issuer's. Key order and the order of JSON-LD set arrays are not edits: they are
 * generated only as controls that must still verify.
 */
import { bakePng, bakeSvg } from '../../src/core/bake.js';
import { pinnedContexts } from '../../src/core/contexts/index.js';
import { StatusListCache, verifyCredential, type VerificationResult } from '../../src/core/index.js';
import { fixtures } from './fixtures.js';
import { NOW, badge, base64url, fakeFetch, makeJoseKey, makeKey, signDataIntegrity, signEd25519Signature2020, signJwt, type TestKey } from './issuer.js';
import multikeyToJwk from './multikey-jwk.js';

export { NOW };

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness

export interface Rng {
  /** A float in [0, 1). */
  (): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: small, fast and good enough to pick edits reproducibly. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (() => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Rng;
  next.int = (n: number) => Math.floor(next() * n);
  next.pick = <T>(items: readonly T[]) => items[next.int(items.length)]!;
  return next;
}

/** A stable seed from a text (FNV-1a), so each fixture kind has its own reproducible stream. */
export function seedOf(text: string, base = 0): number {
  let h = (0x811c9dc5 ^ base) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON paths

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
export type Path = (string | number)[];

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

function getAt(doc: Json, path: Path): Json | undefined {
  let v: Json | undefined = doc;
  for (const k of path) v = v === null || typeof v !== 'object' ? undefined : (v as Record<string | number, Json>)[k];
  return v;
}

function setAt(doc: Json, path: Path, value: Json): void {
  const parent = getAt(doc, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1]!] = value;
}

function removeAt(doc: Json, path: Path): void {
  const parent = getAt(doc, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as JsonObject)[key as string];
}

interface Visited {
  path: Path;
  value: Json;
  /** Inside an @context (its entries are context URLs or definitions, not statements). */
  inContext: boolean;
}

function visit(doc: Json): Visited[] {
  const out: Visited[] = [];
  const go = (value: Json, path: Path, inContext: boolean) => {
    out.push({ path, value, inContext });
    if (Array.isArray(value)) value.forEach((v, i) => go(v, [...path, i], inContext));
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) go(v, [...path, k], inContext || k === '@context');
  };
  go(doc, [], false);
  return out;
}

const leaves = (doc: Json, under: Path = []) =>
  visit(getAt(doc, under) ?? null)
    .filter((v) => v.value === null || typeof v.value !== 'object')
    .map((v) => ({ ...v, path: [...under, ...v.path] }));

const objectNodes = (doc: Json, under: Path = []) =>
  visit(getAt(doc, under) ?? null)
    .filter((v) => isObject(v.value) && !v.inContext)
    .map((v) => ({ ...v, path: [...under, ...v.path] }));

const pathText = (path: Path) => (path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').slice(1) : '(root)');

// ---------------------------------------------------------------------------------------------------------------
// Small edits

const PRINTABLE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.:/#?&=%@!~+*;,\'"<>()[]{}\\';
const UNICODE = ['é', 'а' /* Cyrillic a */, 'ο' /* Greek omicron */, '\u200b', '\u202e', '\u00a0', '\u0301', '🏅', 'ß', '\u2028', '\0'];
const WORDS = ['Chief', 'Doctorate', 'Revoked', 'admin', 'https://evil.example/', 'did:web:evil.example', 'true', '0', '', ' '];
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function randomChar(r: Rng): string {
  return r() < 0.8 ? PRINTABLE[r.int(PRINTABLE.length)]! : r.pick(UNICODE);
}

/** A different string, by one of several small or large edits. */
function editString(value: string, r: Rng): [string, string] {
  for (let attempt = 0; attempt < 20; attempt++) {
    const i = r.int(value.length + 1);
    let out: string;
    let how: string;
    switch (r.int(7)) {
      case 0:
        out = value.slice(0, i) + randomChar(r) + value.slice(i + 1);
        how = `character ${i} replaced`;
        break;
      case 1:
        out = value.slice(0, i) + randomChar(r) + value.slice(i);
        how = `character inserted at ${i}`;
        break;
      case 2:
        out = value.slice(0, i) + value.slice(i + 1);
        how = `character ${i} deleted`;
        break;
      case 3: {
        const letters = [...value].map((c, j) => [c, j] as const).filter(([c]) => c.toLowerCase() !== c.toUpperCase());
        if (!letters.length) continue;
        const [c, j] = r.pick(letters);
        out = value.slice(0, j) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + value.slice(j + c.length);
        how = `case of character ${j} changed`;
        break;
      }
      case 4:
        out = r() < 0.5 ? `${value}${r.pick(WORDS)}${r.int(100)}` : `${r.pick(WORDS)}${r.int(100)}${value}`;
        how = 'text added';
        break;
      case 5:
        out = r() < 0.5 ? `${value} ` : ` ${value}`;
        how = 'whitespace added';
        break;
      default:
        out = `${r.pick(WORDS)}${r.int(1000)}`;
        how = 'replaced';
    }
    if (out !== value) return [out, how];
  }
  return [`${value}x`, 'text added'];
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_CLAIMS = ['nbf', 'exp', 'iat'];
const SHIFTS = [1, 59, 3600, 86_400, 30 * 86_400, 365 * 86_400, 10 * 365 * 86_400];

function shiftSeconds(r: Rng): number {
  const s = r.pick(SHIFTS) + (r() < 0.5 ? 0 : r.int(86_400));
  return r() < 0.5 ? -s : s;
}

function moveDate(value: string, r: Rng): [string, string] {
  const s = shiftSeconds(r);
  const moved = new Date(Date.parse(value) + s * 1000).toISOString();
  return [DATE_TIME.exec(value)?.[7] ? moved : moved.replace('.000Z', 'Z'), `moved by ${s} s`];
}

/** A different character of the same alphabet at one position. */
function flipChar(value: string, alphabet: string, r: Rng, from = 0): [string, number] {
  const i = from + r.int(value.length - from);
  let c = alphabet[r.int(alphabet.length)]!;
  if (c === value[i]) c = alphabet[(alphabet.indexOf(c) + 1 + r.int(alphabet.length - 1)) % alphabet.length]!;
  return [value.slice(0, i) + c + value.slice(i + 1), i];
}

// ---------------------------------------------------------------------------------------------------------------
// Terms the pinned contexts define

interface TermInfo {
  /** Terms usable on a node of each type (type-scoped contexts). */
  scoped: Map<string, Map<string, JsonObject | string>>;
  /** Terms usable anywhere (the top level of each context). */
  global: Map<string, JsonObject | string>;
  /** Every term name any context defines, anywhere. */
  all: Set<string>;
}

const MAP_CONTAINERS = ['@graph', '@language', '@index', '@id', '@type'];

function usableDefinition(definition: unknown): boolean {
  if (typeof definition === 'string') return !definition.startsWith('@');
  if (!isObject(definition)) return false;
  if (typeof definition['@id'] !== 'string' || definition['@id'].startsWith('@') || definition['@reverse'] !== undefined) return false;
  const container = definition['@container'];
  const containers = Array.isArray(container) ? container : container === undefined ? [] : [container];
  return !containers.some((c) => MAP_CONTAINERS.includes(String(c)));
}

function termsOf(contextUrls: string[]): TermInfo {
  const info: TermInfo = { scoped: new Map(), global: new Map(), all: new Set() };
  const pinned = pinnedContexts();
  const collect = (ctx: unknown, into: Map<string, JsonObject | string> | undefined) => {
    for (const c of Array.isArray(ctx) ? ctx : [ctx]) {
      if (!isObject(c)) continue;
      for (const [term, def] of Object.entries(c)) {
        if (term.startsWith('@')) continue;
        info.all.add(term);
        if (isObject(def) && def['@context'] !== undefined) collect(def['@context'], /^[A-Z]/.test(term) ? scopedFor(term) : undefined);
        if (into && usableDefinition(def) && term !== 'id' && term !== 'type') into.set(term, def as JsonObject | string);
      }
    }
  };
  const scopedFor = (type: string) => {
    let m = info.scoped.get(type);
    if (!m) info.scoped.set(type, (m = new Map()));
    return m;
  };
  for (const url of contextUrls) {
    const doc = pinned.get(url) as { '@context'?: unknown } | undefined;
    if (doc) collect(doc['@context'], info.global);
  }
  // Type names are terms too; they are not properties to add.
  for (const [term] of [...info.global]) if (/^[A-Z]/.test(term)) info.global.delete(term);
  return info;
}

function contextUrlsOf(doc: Json): string[] {
  const ctx = isObject(doc) ? doc['@context'] : undefined;
  return (Array.isArray(ctx) ? ctx : [ctx]).filter((c): c is string => typeof c === 'string');
}

/** A value a term accepts: an absolute IRI for @id/@vocab terms, otherwise text, a number or a flag. */
function valueFor(definition: JsonObject | string, r: Rng): Json {
  const type = isObject(definition) ? definition['@type'] : undefined;
  const iri = `https://example.org/added/${r.int(1_000_000)}`;
  if (type === '@id' || type === '@vocab') return iri;
  if (type === '@json') return { added: r.int(1000) };
  return r.pick<Json>([iri, `Added text ${r.int(1000)}`, r.int(100), r() < 0.5, '2030-01-01T00:00:00Z']);
}

// ---------------------------------------------------------------------------------------------------------------
// Operators on a JSON document

export interface Edit {
  /** The operator's name, as reported. */
  operator: string;
  /** What exactly changed, for a failure message. */
  note: string;
}

export type JsonOperator = (doc: JsonObject, r: Rng) => (Edit & { doc: JsonObject }) | undefined;

interface JsonOperatorOptions {
  /** Only edit under this path (a nested credential). */
  under?: Path;
  /** Paths not to edit with the generic operators (the proof value has its own). */
  skip?: (path: Path) => boolean;
}

const isProofValue = (path: Path) => path[path.length - 1] === 'proofValue';

/** The edits that apply to any JSON credential (or JWT payload). */
export function jsonOperators(options: JsonOperatorOptions = {}): Record<string, JsonOperator> {
  const under = options.under ?? [];
  const skip = options.skip ?? (() => false);
  return {
    'edit-string': (doc, r) => {
      const candidates = leaves(doc, under).filter((l) => typeof l.value === 'string' && !skip(l.path) && !isProofValue(l.path));
      if (!candidates.length) return undefined;
      const leaf = r.pick(candidates);
      const out = clone(doc);
      const [value, how] = editString(leaf.value as string, r);
      setAt(out, leaf.path, value);
      return { operator: 'edit-string', note: `${pathText(leaf.path)}: ${how}`, doc: out };
    },
    'remove-leaf': (doc, r) => {
      const candidates = leaves(doc, under).filter((l) => {
        if (l.path.length === 0 || skip(l.path)) return false;
        // Removing one of two equal members of a set would not change it.
        const parent = getAt(doc, l.path.slice(0, -1));
        return !Array.isArray(parent) || parent.filter((v) => JSON.stringify(v) === JSON.stringify(l.value)).length === 1;
      });
      if (!candidates.length) return undefined;
      const leaf = r.pick(candidates);
      const out = clone(doc);
      removeAt(out, leaf.path);
      return { operator: 'remove-leaf', note: pathText(leaf.path), doc: out };
    },
    'add-defined-property': (doc, r) => {
      const terms = termsOf(contextUrlsOf(doc));
      const candidates = objectNodes(doc, under).flatMap((n) => {
        const node = n.value as JsonObject;
        const types = typeof node.type === 'string' ? [node.type] : Array.isArray(node.type) ? node.type.filter((t): t is string => typeof t === 'string') : [];
        const available = new Map(terms.global);
        for (const t of types) for (const [term, def] of terms.scoped.get(t) ?? []) available.set(term, def);
        return [...available].filter(([term]) => !(term in node) && !(n.path.length === 0 && term === 'proof')).map(([term, def]) => ({ path: n.path, term, def }));
      });
      if (!candidates.length) return undefined;
      const pick = r.pick(candidates);
      const out = clone(doc);
      setAt(out, [...pick.path, pick.term], valueFor(pick.def, r));
      return { operator: 'add-defined-property', note: `${pathText([...pick.path, pick.term])} added`, doc: out };
    },
    'add-undefined-property': (doc, r) => {
      const nodes = objectNodes(doc, under).filter((n) => !skip(n.path));
      if (!nodes.length) return undefined;
      const terms = termsOf(contextUrlsOf(doc));
      const node = r.pick(nodes);
      let term = `${r.pick(['verified', 'trusted', 'score', 'grade', 'note', 'x', 'zz'])}${r.int(10_000)}`;
      while (terms.all.has(term) || term in (node.value as JsonObject)) term += 'q';
      const out = clone(doc);
      setAt(out, [...node.path, term], r.pick<Json>([`Added ${r.int(1000)}`, r.int(100), true, { nested: 'x' }]));
      return { operator: 'add-undefined-property', note: `${pathText([...node.path, term])} added`, doc: out };
    },
    'add-iri-property': (doc, r) => {
      const nodes = objectNodes(doc, under).filter((n) => !skip(n.path));
      if (!nodes.length) return undefined;
      const node = r.pick(nodes);
      const term = `https://example.org/vocab#p${r.int(100_000)}`;
      const out = clone(doc);
      setAt(out, [...node.path, term], `Added ${r.int(1000)}`);
      return { operator: 'add-iri-property', note: `${pathText(node.path)}["${term}"] added`, doc: out };
    },
    'move-date': (doc, r) => {
      const candidates = leaves(doc, under).filter(
        (l) => !skip(l.path) && ((typeof l.value === 'string' && DATE_TIME.test(l.value)) || (typeof l.value === 'number' && DATE_CLAIMS.includes(String(l.path[l.path.length - 1])))),
      );
      if (!candidates.length) return undefined;
      const leaf = r.pick(candidates);
      const out = clone(doc);
      if (typeof leaf.value === 'number') {
        const s = shiftSeconds(r);
        setAt(out, leaf.path, leaf.value + s);
        return { operator: 'move-date', note: `${pathText(leaf.path)} moved by ${s} s`, doc: out };
      }
      const [value, how] = moveDate(leaf.value as string, r);
      setAt(out, leaf.path, value);
      return { operator: 'move-date', note: `${pathText(leaf.path)} ${how}`, doc: out };
    },
  };
}

/** A character of a Data Integrity or Ed25519Signature2020 proofValue changed (its bytes change: base58 is one-to-one). */
export function flipProofValue(under: Path = []): JsonOperator {
  return (doc, r) => {
    const candidates = leaves(doc, under).filter((l) => isProofValue(l.path) && typeof l.value === 'string');
    if (!candidates.length) return undefined;
    const leaf = r.pick(candidates);
    const value = leaf.value as string;
    // Mostly the base58 body; sometimes the multibase prefix.
    const [flipped, i] = r() < 0.05 ? [r.pick(['u', 'm', 'f', 'Z']) + value.slice(1), 0] : flipChar(value, BASE58, r, 1);
    const out = clone(doc);
    setAt(out, leaf.path, flipped);
    return { operator: 'flip-proof-value', note: `${pathText(leaf.path)} character ${i} changed`, doc: out };
  };
}

/** Properties the checks read (validity window, status, schema): their JSON key is what the verifier sees. */
export const CHECKED_KEYS = ['validFrom', 'validUntil', 'issuanceDate', 'expirationDate', 'credentialStatus', 'credentialSchema'];

/**
 * A checked property moved to another JSON key that means the same in JSON-LD: a term aliased in an inline
 * @context appended to the credential's contexts, or the property's absolute IRI as the key. The RDF (and so an
 * RDF-canonicalised signature) is unchanged, but the property is gone from where the checks read it: an edit of what
 * the credential says to the verifier.
 */
export function renameThroughJsonLd(via: 'alias' | 'iri', keys: readonly string[] = CHECKED_KEYS): JsonOperator {
  return (doc, r) => {
    const candidates = objectNodes(doc).flatMap((n) => {
      const node = n.value as JsonObject;
      if (!Array.isArray(node['@context']) && typeof node['@context'] !== 'string') return [];
      const terms = termsOf(contextUrlsOf(node));
      const types = typeof node.type === 'string' ? [node.type] : Array.isArray(node.type) ? node.type.filter((t): t is string => typeof t === 'string') : [];
      return keys.filter((k) => k in node).flatMap((key) => {
        const def = types.map((t) => terms.scoped.get(t)?.get(key)).find(Boolean) ?? terms.global.get(key);
        return def ? [{ path: n.path, key, def }] : [];
      });
    });
    if (!candidates.length) return undefined;
    const { path, key, def } = r.pick(candidates);
    const out = clone(doc);
    const node = getAt(out, path) as JsonObject;
    const value = node[key]!;
    const iri = typeof def === 'string' ? def : (def['@id'] as string);
    const type = typeof def === 'string' ? undefined : def['@type'];
    delete node[key];
    if (via === 'alias') {
      const alias = `${r.pick(['k', 'x', 'meta', 'v'])}${r.int(100_000)}`;
      node['@context'] = [...(Array.isArray(node['@context']) ? node['@context'] : [node['@context']!]), { [alias]: clone(def) as Json }];
      node[alias] = value;
      return { operator: 'rename-through-alias', note: `${pathText([...path, key])} renamed ${alias}, aliased to ${iri} in an appended inline @context`, doc: out };
    }
    const asValue = (v: Json): Json =>
      typeof v !== 'string' ? v : type === '@id' || type === '@vocab' ? { '@id': v } : typeof type === 'string' ? { '@value': v, '@type': type } : v;
    node[iri] = Array.isArray(value) ? value.map(asValue) : asValue(value);
    return { operator: 'rename-to-iri', note: `${pathText([...path, key])} moved to the key ${iri}`, doc: out };
  };
}

/** Every key order changed (not an edit: a control). */
export function shuffleKeys(doc: Json, r: Rng): Json {
  if (Array.isArray(doc)) return doc.map((v) => shuffleKeys(v, r));
  if (!isObject(doc)) return doc;
  const entries = Object.entries(doc);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, r)]));
}

/** Every array that is a JSON-LD set (not @context) in another order (not an edit: a control). */
export function reorderSets(doc: Json, r: Rng, key = ''): Json {
  if (Array.isArray(doc)) {
    const items = doc.map((v) => reorderSets(v, r));
    if (key === '@context') return doc;
    if (items.length > 1) {
      const rotated = items.slice(1).concat(items.slice(0, 1));
      return r() < 0.5 ? items.reverse() : rotated;
    }
    return items;
  }
  if (!isObject(doc)) return doc;
  return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, k === '@context' ? v : reorderSets(v, r, k)]));
}

// ---------------------------------------------------------------------------------------------------------------
// Compact JWS

function b64urlJson(value: unknown): string {
  return base64url(JSON.stringify(value));
}

function b64urlDecode(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function decodeJson(part: string): JsonObject {
  return JSON.parse(new TextDecoder().decode(b64urlDecode(part))) as JsonObject;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

export interface JwtParts {
  header: JsonObject;
  payload: JsonObject;
  h: string;
  p: string;
  s: string;
}

export function splitJwt(token: string): JwtParts {
  const [h, p, s] = token.split('.') as [string, string, string];
  return { header: decodeJson(h), payload: decodeJson(p), h, p, s };
}

/** A character of the signature segment changed so that the signature bytes differ. */
export function flipJwtSignature(token: string, r: Rng): { token: string; note: string } {
  const { h, p, s } = splitJwt(token);
  const original = b64urlDecode(s);
  for (;;) {
    const [flipped, i] = flipChar(s, BASE64URL, r);
    // The last character of a base64url segment carries padding bits: some changes decode to the same bytes.
    if (!sameBytes(b64urlDecode(flipped), original)) return { token: `${h}.${p}.${flipped}`, note: `signature character ${i} changed` };
  }
}

/**
 * The signature segment written with different padding bits in its last character: the same signature bytes, so not
 * an edit (a control; whether a verifier accepts it is its base64url decoder's choice).
 */
export function reencodeJwtSignature(token: string): string | undefined {
  const { h, p, s } = splitJwt(token);
  const original = b64urlDecode(s);
  const last = s[s.length - 1]!;
  for (const c of BASE64URL) {
    if (c === last) continue;
    const other = s.slice(0, -1) + c;
    if (sameBytes(b64urlDecode(other), original)) return `${h}.${p}.${other}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Images to bake into (independent of the code under test: stored deflate, bitwise CRC-32)

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const u32 = (n: number) => new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const body = concat(latin1(type), data);
  return concat(u32(data.length), body, u32(crc32(body)));
}

export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A 2x2 RGBA PNG. */
export function tinyPng(): Uint8Array {
  const raw = new Uint8Array([0, 26, 115, 232, 255, 26, 115, 232, 255, 0, 26, 115, 232, 255, 26, 115, 232, 255]);
  let a = 1;
  let b = 0;
  for (const x of raw) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  const zlib = concat(new Uint8Array([0x78, 0x01, 0x01, raw.length, 0, ~raw.length & 255, 255]), raw, u32(((b << 16) | a) >>> 0));
  return concat(PNG_SIGNATURE, pngChunk('IHDR', concat(u32(2), u32(2), new Uint8Array([8, 6, 0, 0, 0]))), pngChunk('IDAT', zlib), pngChunk('IEND', new Uint8Array()));
}

export const SVG_IMAGE =
  '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">' +
  '<title>Badge</title><circle cx="32" cy="32" r="30" fill="#1a73e8"/></svg>\n';

/** The chunks of a PNG: type, offset of the length field, data offset and length. */
function pngChunks(png: Uint8Array): { type: string; at: number; data: number; length: number }[] {
  const out = [];
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let p = 8; p + 12 <= png.length; ) {
    const length = view.getUint32(p);
    out.push({ type: String.fromCharCode(...png.subarray(p + 4, p + 8)), at: p, data: p + 8, length });
    p += 12 + length;
  }
  return out;
}

/** A byte of the baked credential's text changed, the chunk CRC recomputed (or left stale). */
function flipPngCredentialByte(png: Uint8Array, r: Rng, fixCrc: boolean): { bytes: Uint8Array; note: string } {
  const chunk = pngChunks(png).find((c) => c.type === 'iTXt' && String.fromCharCode(...png.subarray(c.data, c.data + 20)) === 'openbadgecredential\0')!;
  const textStart = chunk.data + 'openbadgecredential'.length + 5;
  const out = png.slice();
  const i = textStart + r.int(chunk.data + chunk.length - textStart);
  const old = out[i]!;
  out[i] = r() < 0.7 ? PRINTABLE.charCodeAt(r.int(PRINTABLE.length)) : r.int(256);
  if (out[i] === old) out[i] = old ^ 1;
  if (fixCrc) out.set(u32(crc32(out.subarray(chunk.at + 4, chunk.data + chunk.length))), chunk.data + chunk.length);
  return { bytes: out, note: `credential byte ${i - textStart} changed, CRC ${fixCrc ? 'recomputed' : 'left as it was'}` };
}

/** A character of the baked credential's text in the SVG changed (inside the CDATA section or the verify attribute). */
function flipSvgCredentialChar(svg: string, r: Rng): { text: string; note: string } {
  const cdata = svg.indexOf('<![CDATA[');
  let start: number;
  let end: number;
  if (cdata >= 0) {
    start = cdata + 9;
    end = svg.indexOf(']]>', start);
  } else {
    start = svg.indexOf('verify="') + 8;
    end = svg.indexOf('"', start);
  }
  const [text, i] = flipChar(svg.slice(start, end), PRINTABLE.replace(/[<>&"\]]/g, ''), r);
  return { text: svg.slice(0, start) + text + svg.slice(end), note: `credential character ${i} changed in the SVG text` };
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

export type MutantInput = Record<string, unknown> | string | Uint8Array;

export interface Mutant extends Edit {
  kind: string;
  input: MutantInput;
}

export interface MutationFixture {
  kind: string;
  description: string;
  /** The valid original, as verifyCredential receives it. */
  original: MutantInput;
  /** Operators by name; each makes one candidate mutant from the seeded stream, or nothing when it does not apply. */
  operators: Record<string, (r: Rng) => Promise<(Edit & { input: MutantInput }) | undefined>>;
  /** Inputs that are not edits and must still verify (key order, set order). */
  controls: (r: Rng) => Promise<{ name: string; input: MutantInput }[]>;
}

export interface MutationWorld {
  fixtures: MutationFixture[];
  /** The verification options every mutant is checked with (offline fetch, fixed clock). */
  options: () => Parameters<typeof verifyCredential>[1];
}

type Signer = (doc: JsonObject) => Promise<JsonObject>;

/**
 * An edit that a signer accepts: libraries refuse to sign a document that is not valid JSON-LD, so the edit is drawn
 * again (a few times) until one signs.
 */
async function signedEdit<T>(
  r: Rng,
  edit: (r: Rng) => { doc: JsonObject; note: string } | undefined,
  sign: (doc: JsonObject) => Promise<T>,
): Promise<{ note: string; signed: T } | undefined> {
  for (let attempt = 0; attempt < 12; attempt++) {
    const e = edit(r);
    if (!e) continue;
    try {
      return { note: e.note, signed: await sign(e.doc) };
    } catch {
      // not signable; draw another edit
    }
  }
  return undefined;
}

const withoutProof = ({ proof: _proof, ...rest }: JsonObject): JsonObject => rest;

/** Operators on a JSON-LD credential object (Data Integrity or Ed25519Signature2020). */
function jsonFixtureOperators(
  original: JsonObject,
  encode: (doc: JsonObject) => MutantInput,
  attacker: { resign: Signer; impostor: Signer },
): MutationFixture['operators'] {
  const ops: MutationFixture['operators'] = {};
  const json = { ...jsonOperators(), 'flip-proof-value': flipProofValue(), 'rename-through-alias': renameThroughJsonLd('alias'), 'rename-to-iri': renameThroughJsonLd('iri') };
  for (const [name, op] of Object.entries(json)) {
    ops[name] = async (r) => {
      const edit = op(original, r);
      return edit && { operator: edit.operator, note: edit.note, input: encode(edit.doc) };
    };
  }
  // An edit signed again by someone else: the attacker's own key, or a key that takes the issuer's key id.
  const generic = Object.entries(jsonOperators()).filter(([name]) => name !== 'add-undefined-property');
  const unsigned = withoutProof(original);
  ops['resign-foreign-key'] = async (r) => {
    const s = await signedEdit(r, (r) => r.pick(generic)[1](unsigned, r), attacker.resign);
    return s && { operator: 'resign-foreign-key', note: `${s.note}, signed by another issuer's key`, input: encode(s.signed) };
  };
  ops['resign-impostor-key'] = async (r) => {
    const s = await signedEdit(r, (r) => r.pick(generic)[1](unsigned, r), attacker.impostor);
    return s && { operator: 'resign-impostor-key', note: `${s.note}, signed by a key claiming the issuer's key id`, input: encode(s.signed) };
  };
  return ops;
}

function jsonControls(original: JsonObject, encode: (doc: JsonObject) => MutantInput): MutationFixture['controls'] {
  return async (r) => [
    { name: 'key order', input: encode(shuffleKeys(original, r) as JsonObject) },
    { name: 'key order', input: encode(shuffleKeys(original, r) as JsonObject) },
    { name: 'set order', input: encode(reorderSets(original, r) as JsonObject) },
  ];
}

/** The signature segment with other padding bits in its last character (same signature bytes): not an edit. */
function jwtControls(token: string): MutationFixture['controls'] {
  return async () => {
    const other = reencodeJwtSignature(token);
    return other ? [{ name: 'signature padding bits', input: other }] : [];
  };
}

const JWT_ALGS = ['none', 'HS256', 'HS512', 'ES256', 'ES384', 'EdDSA', 'Ed25519', 'RS256', 'PS256', 'ES256K', 'eddsa', ''];
const REGISTERED = ['iss', 'sub', 'jti', 'nbf', 'exp', 'iat', 'aud'];

interface JwtSigners {
  /** The issuer's own key (for building mutants that are legitimately signed by others only). */
  alg: string;
  /** The issuer's public JWK, for the HMAC key-confusion token. */
  publicJwk: JsonObject;
  /** Signs a payload with the attacker's key and a kid of the attacker. */
  foreign: (payload: JsonObject) => Promise<string>;
  /** Signs with the attacker's key but the issuer's kid. */
  impostor: (payload: JsonObject, kid: unknown) => Promise<string>;
}

async function hmacToken(header: JsonObject, payload: JsonObject, secret: Uint8Array): Promise<string> {
  const input = `${b64urlJson(header)}.${b64urlJson(payload)}`;
  const key = await crypto.subtle.importKey('raw', secret as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input)));
  return `${input}.${base64url(mac)}`;
}

/** Operators on a compact JWS: its payload edited as JSON, its header, claims and signature. */
function jwtOperators(token: string, signers: JwtSigners, encode: (t: string) => MutantInput = (t) => t): MutationFixture['operators'] {
  const { header, payload, h, p, s } = splitJwt(token);
  const ops: MutationFixture['operators'] = {};
  for (const [name, op] of Object.entries(jsonOperators())) {
    ops[`payload:${name}`] = async (r) => {
      const edit = op(payload, r);
      return edit && { operator: `payload:${name}`, note: edit.note, input: encode(`${h}.${b64urlJson(edit.doc)}.${s}`) };
    };
  }
  ops['flip-signature'] = async (r) => {
    const flipped = flipJwtSignature(token, r);
    return { operator: 'flip-signature', note: flipped.note, input: encode(flipped.token) };
  };
  ops['jwt-header'] = async (r) => {
    const out = clone(header);
    let note: string;
    switch (r.int(6)) {
      case 0: {
        out.alg = r.pick(JWT_ALGS.filter((a) => a !== header.alg));
        note = `alg ${String(header.alg)} -> ${out.alg}`;
        break;
      }
      case 1: {
        if (typeof header.kid === 'string' && r() < 0.7) {
          const [kid, how] = editString(header.kid, r);
          out.kid = kid;
          note = `kid: ${how}`;
        } else {
          delete out.kid;
          note = 'kid removed';
        }
        break;
      }
      case 2:
        out.typ = r.pick(['JWT', 'vc+ld+json+jwt', 'vc+sd-jwt', 'jose', 'vc+jwt ']);
        if (out.typ === header.typ) delete out.typ;
        note = `typ -> ${String(out.typ)}`;
        break;
      case 3:
        out.jwk = clone(signers.publicJwk);
        note = 'jwk header added (the issuer key)';
        break;
      case 4:
        out[r.pick(['crit', 'b64', 'cty', 'x5u', 'jku', 'zip'])] = r.pick<Json>([['exp'], false, 'vc', 'https://evil.example/k', 'DEF']);
        note = 'header parameter added';
        break;
      default:
        out[`x${r.int(1000)}`] = r.int(1000);
        note = 'private header parameter added';
    }
    return { operator: 'jwt-header', note, input: encode(`${b64urlJson(out)}.${p}.${s}`) };
  };
  ops['jwt-claim'] = async (r) => {
    const claim = r.pick(REGISTERED);
    const out = clone(payload);
    let note: string;
    const value = out[claim];
    if (value === undefined) {
      out[claim] = DATE_CLAIMS.includes(claim) ? Math.floor(Date.parse(NOW) / 1000) + shiftSeconds(r) : `https://evil.example/${r.int(1000)}`;
      note = `${claim} added`;
    } else if (r() < 0.25) {
      delete out[claim];
      note = `${claim} removed`;
    } else if (typeof value === 'number') {
      const sft = shiftSeconds(r);
      out[claim] = value + sft;
      note = `${claim} moved by ${sft} s`;
    } else if (typeof value === 'string') {
      const [v, how] = editString(value, r);
      out[claim] = v;
      note = `${claim}: ${how}`;
    } else {
      out[claim] = 'x';
      note = `${claim} replaced`;
    }
    return { operator: 'jwt-claim', note, input: encode(`${h}.${b64urlJson(out)}.${s}`) };
  };
  ops['alg-none'] = async (r) => {
    const edit = r() < 0.5 ? jsonOperators()['edit-string'](payload, r) : undefined;
    const body = edit?.doc ?? payload;
    const none = { ...header, alg: r.pick(['none', 'None', 'NONE']) };
    return { operator: 'alg-none', note: `alg none, signature removed${edit ? `, ${edit.note}` : ''}`, input: encode(`${b64urlJson(none)}.${b64urlJson(body)}.`) };
  };
  ops['hmac-key-confusion'] = async (r) => {
    const edit = jsonOperators()['edit-string'](payload, r);
    const secret = new TextEncoder().encode(r() < 0.5 ? JSON.stringify(signers.publicJwk) : String(signers.publicJwk.x ?? ''));
    const forged = await hmacToken({ ...header, alg: 'HS256' }, edit?.doc ?? payload, secret);
    return { operator: 'hmac-key-confusion', note: `HS256 keyed with the issuer's public key${edit ? `, ${edit.note}` : ''}`, input: encode(forged) };
  };
  const generic = Object.entries(jsonOperators()).filter(([name]) => name !== 'add-undefined-property');
  ops['resign-foreign-key'] = async (r) => {
    const edit = r.pick(generic)[1](payload, r);
    return edit && { operator: 'resign-foreign-key', note: `${edit.note}, signed by another issuer's key`, input: encode(await signers.foreign(edit.doc)) };
  };
  ops['resign-impostor-key'] = async (r) => {
    const edit = r.pick(generic)[1](payload, r);
    return edit && { operator: 'resign-impostor-key', note: `${edit.note}, the issuer's kid on another key`, input: encode(await signers.impostor(edit.doc, header.kid)) };
  };
  return ops;
}

async function joseSigner(alg: 'EdDSA' | 'ES256') {
  const key = await makeJoseKey(alg);
  const did = `did:jwk:${base64url(JSON.stringify(key.publicJwk))}`;
  return { key, did, kid: `${did}#0` };
}

/** A VC 2.0 JWT payload: the credential plus registered claims that agree with it. */
function jwtPayload(credential: Record<string, unknown>): JsonObject {
  const c = credential as JsonObject;
  const subject = c.credentialSubject as JsonObject;
  const seconds = (d: Json | undefined) => Math.floor(Date.parse(String(d)) / 1000);
  return {
    ...c,
    iss: (c.issuer as JsonObject).id!,
    sub: subject.id!,
    jti: c.id!,
    nbf: seconds(c.validFrom),
    exp: seconds(c.validUntil),
    iat: seconds(c.validFrom),
  };
}

/** The fixture kinds, in the order they are made. */
export const MUTATION_KINDS = ['data-integrity', 'ed25519-signature-2020', 'vc-jwt-eddsa', 'vc-jwt-es256', 'baked-png', 'baked-svg', 'baked-svg-jwt', 'clr'] as const;

let world: Promise<MutationWorld> | undefined;

/** The mutation fixtures, made once per process or page. */
export function mutationWorld(): Promise<MutationWorld> {
  world ??= makeWorld();
  return world;
}

async function makeWorld(): Promise<MutationWorld> {
  const fx = await fixtures();
  const attacker = await makeKey(99);

  // Data Integrity eddsa-rdfc-2022, did:web issuer (DID document fetched), a status entry (list fetched).
  const di = fx.verified as JsonObject;
  const diIssuer = (di.issuer as JsonObject).id as string;
  const diVm = (di.proof as JsonObject).verificationMethod as string;
  const diImpostor = await makeKey(98, diIssuer, diVm.slice(diVm.indexOf('#') + 1));
  const diAttack = { resign: (d: JsonObject) => signDataIntegrity(d, attacker) as Promise<JsonObject>, impostor: (d: JsonObject) => signDataIntegrity(d, diImpostor) as Promise<JsonObject> };

  // Ed25519Signature2020, did:key issuer, with an expiry and an awarded date.
  const edKey = await makeKey(71);
  const edUnsigned = badge(edKey.controller, { validUntil: '2030-01-01T00:00:00Z', awardedDate: '2026-01-15T09:00:00Z' });
  (edUnsigned['@context'] as string[]).push('https://w3id.org/security/suites/ed25519-2020/v1');
  const ed = (await signEd25519Signature2020(edUnsigned, edKey)) as JsonObject;
  const edImpostor = await makeKey(97, edKey.controller, edKey.id.slice(edKey.id.indexOf('#') + 1));
  const edAttack = {
    resign: (d: JsonObject) => signEd25519Signature2020(d, attacker) as Promise<JsonObject>,
    impostor: (d: JsonObject) => signEd25519Signature2020(d, edImpostor) as Promise<JsonObject>,
  };

  // VC-JWT EdDSA: a did:key issuer (seeded key), the kid its verification method.
  const jwtKey = await makeKey(72);
  const { importJWK } = await import('jose');
  const exportPrivate = async (k: TestKey) => importJWK(multikeyToJwk((await k.keyPair.export({ publicKey: true, secretKey: true, includeContext: true })) as Record<string, string>), 'EdDSA') as Promise<CryptoKey>;
  const eddsaPrivate = await exportPrivate(jwtKey);
  const eddsaPublicJwk = { ...multikeyToJwk((await jwtKey.keyPair.export({ publicKey: true, secretKey: true, includeContext: true })) as Record<string, string>) };
  delete eddsaPublicJwk.d;
  const eddsaPayload = jwtPayload(badge(jwtKey.controller, { id: 'urn:uuid:1f4e0c2a-7b3d-4e5f-8a9b-0c1d2e3f4a51', validUntil: '2030-01-01T00:00:00Z' }));
  const eddsaToken = await signJwt(eddsaPayload, { alg: 'EdDSA', privateKey: eddsaPrivate }, { kid: jwtKey.id });
  const attackerPrivate = await exportPrivate(attacker);
  const impostorSign = (alg: string, privateKey: CryptoKey) => (payload: JsonObject, kid: unknown) => signJwt(payload, { alg, privateKey }, { kid });
  const eddsaSigners: JwtSigners = {
    alg: 'EdDSA',
    publicJwk: eddsaPublicJwk,
    foreign: (payload) => signJwt(payload, { alg: 'EdDSA', privateKey: attackerPrivate }, { kid: attacker.id }),
    impostor: impostorSign('EdDSA', attackerPrivate),
  };

  // VC-JWT ES256: a did:jwk issuer.
  const es = await joseSigner('ES256');
  const esAttacker = await joseSigner('ES256');
  const esPayload = jwtPayload(badge(es.did, { id: 'urn:uuid:2a5f1d3b-8c4e-4f6a-9b0c-1d2e3f4a5b62', validUntil: '2030-01-01T00:00:00Z' }));
  const esToken = await signJwt(esPayload, es.key, { kid: es.kid });
  const esSigners: JwtSigners = {
    alg: 'ES256',
    publicJwk: es.key.publicJwk,
    foreign: (payload) => signJwt({ ...payload }, esAttacker.key, { kid: esAttacker.kid }),
    impostor: impostorSign('ES256', esAttacker.key.privateKey),
  };

  // Baked images.
  const png = tinyPng();
  const bakedPng = bakePng(png, di);
  const bakedSvg = bakeSvg(SVG_IMAGE, ed);
  const bakedSvgJwt = bakeSvg(SVG_IMAGE, eddsaToken);

  // A CLR 2.0 transcript by a registrar, holding a Data Integrity badge of a school and a VC-JWT.
  const registrar = await makeKey(41);
  const school = await makeKey(42);
  const nestedDi = (await signDataIntegrity(badge(school.controller), school)) as JsonObject;
  const clrUnsigned: JsonObject = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:9c2d4f8e-1b7a-4e3c-8d5f-6a0b2c4e8f10',
    type: ['VerifiableCredential', 'ClrCredential'],
    name: 'Transcript of Learning',
    issuer: { id: registrar.controller, type: ['Profile'], name: 'Example Registrar' },
    validFrom: '2026-02-01T00:00:00Z',
    credentialSubject: {
      id: 'did:example:learner-42',
      type: ['ClrSubject'],
      verifiableCredential: [nestedDi, eddsaToken],
      achievement: [
        { id: 'urn:uuid:a1', type: ['Achievement'], name: 'Data Visualization Practitioner', criteria: { narrative: 'x' } },
        { id: 'urn:uuid:a2', type: ['Achievement'], name: 'Conflict Resolution', criteria: { narrative: 'y' } },
      ],
      association: [{ type: 'Association', associationType: 'isParentOf', sourceId: 'urn:uuid:a1', targetId: 'urn:uuid:a2' }],
    },
  };
  const clr = (await signDataIntegrity(clrUnsigned, registrar)) as JsonObject;
  const clrResign = (d: JsonObject) => signDataIntegrity(withoutProof(d), registrar) as Promise<JsonObject>;
  const NESTED: Path = ['credentialSubject', 'verifiableCredential'];

  const asIs = (d: JsonObject) => d;
  const list: MutationFixture[] = [
    {
      kind: 'data-integrity',
      description: 'DataIntegrityProof eddsa-rdfc-2022, did:web issuer, Bitstring status entry',
      original: di,
      operators: jsonFixtureOperators(di, asIs, diAttack),
      controls: jsonControls(di, asIs),
    },
    {
      kind: 'ed25519-signature-2020',
      description: 'Ed25519Signature2020, did:key issuer, validUntil and awardedDate',
      original: ed,
      operators: jsonFixtureOperators(ed, asIs, edAttack),
      controls: jsonControls(ed, asIs),
    },
    {
      kind: 'vc-jwt-eddsa',
      description: 'VC-JWT EdDSA, did:key issuer, iss/sub/jti/nbf/exp/iat claims',
      original: eddsaToken,
      operators: jwtOperators(eddsaToken, eddsaSigners),
      controls: jwtControls(eddsaToken),
    },
    {
      kind: 'vc-jwt-es256',
      description: 'VC-JWT ES256, did:jwk issuer, iss/sub/jti/nbf/exp/iat claims',
      original: esToken,
      operators: jwtOperators(esToken, esSigners),
      controls: jwtControls(esToken),
    },
    {
      kind: 'baked-png',
      description: 'the Data Integrity credential baked into a PNG (iTXt openbadgecredential)',
      original: bakedPng,
      operators: {
        ...prefixed('rebaked', jsonFixtureOperators(di, (d) => bakePng(png, d), diAttack)),
        'png-credential-byte': async (r) => ({ operator: 'png-credential-byte', ...withInput(flipPngCredentialByte(bakedPng, r, true)) }),
        'png-credential-byte-stale-crc': async (r) => ({ operator: 'png-credential-byte-stale-crc', ...withInput(flipPngCredentialByte(bakedPng, r, false)) }),
      },
      controls: jsonControls(di, (d) => bakePng(png, d)),
    },
    {
      kind: 'baked-svg',
      description: 'the Ed25519Signature2020 credential baked into an SVG (CDATA)',
      original: bakedSvg,
      operators: {
        ...prefixed('rebaked', jsonFixtureOperators(ed, (d) => bakeSvg(SVG_IMAGE, d), edAttack)),
        'svg-credential-char': async (r) => {
          const flipped = flipSvgCredentialChar(bakedSvg, r);
          return { operator: 'svg-credential-char', note: flipped.note, input: flipped.text };
        },
      },
      controls: jsonControls(ed, (d) => bakeSvg(SVG_IMAGE, d)),
    },
    {
      kind: 'baked-svg-jwt',
      description: 'the EdDSA VC-JWT baked into an SVG (verify attribute)',
      original: bakedSvgJwt,
      operators: {
        ...prefixed('rebaked', jwtOperators(eddsaToken, eddsaSigners, (t) => bakeSvg(SVG_IMAGE, t))),
        'svg-credential-char': async (r) => {
          const flipped = flipSvgCredentialChar(bakedSvgJwt, r);
          return { operator: 'svg-credential-char', note: flipped.note, input: flipped.text };
        },
      },
      controls: async () => [],
    },
    {
      kind: 'clr',
      description: 'CLR 2.0 transcript (Data Integrity) holding a Data Integrity badge and a VC-JWT',
      original: clr,
      operators: clrOperators(clr, NESTED, clrResign),
      controls: jsonControls(clr, asIs),
    },
  ];

  const documents = fx.documents;
  return {
    fixtures: list,
    options: () => ({ now: NOW, fetch: fakeFetch(documents), statusCache: new StatusListCache(), timeoutMs: 5000 }),
  };
}

function withInput(x: { bytes: Uint8Array; note: string }): { note: string; input: Uint8Array } {
  return { note: x.note, input: x.bytes };
}

function prefixed(prefix: string, ops: MutationFixture['operators']): MutationFixture['operators'] {
  return Object.fromEntries(
    Object.entries(ops).map(([name, op]) => [
      `${prefix}:${name}`,
      async (r: Rng) => {
        const m = await op(r);
        return m && { ...m, operator: `${prefix}:${m.operator}` };
      },
    ]),
  );
}

/** A CLR: its own JSON edited (outer proof kept), and each nested credential edited, with the transcript re-signed or not. */
function clrOperators(clr: JsonObject, nestedPath: Path, resign: Signer): MutationFixture['operators'] {
  const nested = getAt(clr, nestedPath) as Json[];
  const ops: MutationFixture['operators'] = {};
  const own = { ...jsonOperators(), 'flip-proof-value': flipProofValue(), 'rename-through-alias': renameThroughJsonLd('alias'), 'rename-to-iri': renameThroughJsonLd('iri') };
  for (const [name, op] of Object.entries(own)) {
    ops[name] = async (r) => {
      const edit = op(clr, r);
      return edit && { operator: edit.operator, note: edit.note, input: edit.doc };
    };
  }
  /** One edit of nested credential i: JSON operators for an object, a payload or signature edit for a JWT. */
  const editNested = (r: Rng): { doc: JsonObject; note: string } | undefined => {
    const i = r.int(nested.length);
    const item = nested[i]!;
    const at = [...nestedPath, i];
    if (typeof item === 'string') {
      const { h, payload, s } = splitJwt(item);
      let token: string;
      let note: string;
      if (r() < 0.2) {
        ({ token, note } = flipJwtSignature(item, r));
      } else {
        const edit = r.pick(Object.values(jsonOperators()))(payload, r);
        if (!edit) return undefined;
        token = `${h}.${b64urlJson(edit.doc)}.${s}`;
        note = `payload ${edit.note}`;
      }
      const out = clone(clr);
      setAt(out, at, token);
      return { doc: out, note: `nested JWT [${i}]: ${note}` };
    }
    const all = { ...jsonOperators({ under: at }), 'flip-proof-value': flipProofValue(at) };
    const edit = r.pick(Object.values(all))(clr, r);
    return edit && { doc: edit.doc, note: `nested [${i}]: ${edit.note}` };
  };
  ops['nested-edit'] = async (r) => {
    const edit = editNested(r);
    return edit && { operator: 'nested-edit', note: `${edit.note} (transcript proof kept)`, input: edit.doc };
  };
  ops['nested-edit-resigned'] = async (r) => {
    const s = await signedEdit(r, editNested, resign);
    return s && { operator: 'nested-edit-resigned', note: `${s.note} (transcript re-signed by its issuer)`, input: s.signed };
  };
  return ops;
}

// ---------------------------------------------------------------------------------------------------------------
// Generation and tallies

/** A cheap identity for deduplication. */
export function fingerprint(input: MutantInput): string {
  if (typeof input === 'string') return `s:${input}`;
  if (input instanceof Uint8Array) {
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (let i = 0; i < input.length; i++) {
      a = Math.imul(a ^ input[i]!, 0x01000193) >>> 0;
      b = Math.imul(b ^ input[i]!, 0x5bd1e995) >>> 0;
    }
    return `b:${input.length}:${a}:${b}`;
  }
  return `o:${JSON.stringify(input)}`;
}

/**
 * Mutants of a fixture: `count` distinct edits (operators taken in turn, their details from the seeded stream), each
 * different from the original and from each other.
 */
export async function* mutants(fixture: MutationFixture, count: number, seed: number): AsyncGenerator<Mutant> {
  const r = rng(seedOf(fixture.kind, seed));
  const names = Object.keys(fixture.operators);
  const seen = new Set([fingerprint(fixture.original)]);
  let made = 0;
  for (let i = 0; made < count && i < count * 4; i++) {
    const name = names[i % names.length]!;
    for (let attempt = 0; attempt < 8; attempt++) {
      const m = await fixture.operators[name]!(r);
      if (!m) break;
      const key = fingerprint(m.input);
      if (seen.has(key)) continue;
      seen.add(key);
      made++;
      yield { kind: fixture.kind, ...m };
      break;
    }
  }
}

/** The reason a result is not verified: the first failed (else indeterminate) check, or a nested result's. */
export function reasonOf(result: VerificationResult): string {
  const bad = result.checks.find((c) => c.outcome === 'failed') ?? result.checks.find((c) => c.outcome === 'indeterminate');
  if (bad) return `${bad.id}:${bad.code}`;
  const nested = [...(result.nested ?? []), ...(result.endorsements ?? [])].find((n) => n.verdict !== 'verified');
  return nested ? `nested ${reasonOf(nested)}` : 'verified';
}

export interface Tally {
  mutants: number;
  verified: number;
  failed: number;
  indeterminate: number;
  byOperator: Record<string, { mutants: number; verified: number; failed: number; indeterminate: number }>;
  byCode: Record<string, number>;
}

export const emptyTally = (): Tally => ({ mutants: 0, verified: 0, failed: 0, indeterminate: 0, byOperator: {}, byCode: {} });

export function count(tally: Tally, operator: string, result: VerificationResult): void {
  tally.mutants++;
  tally[result.verdict]++;
  const op = (tally.byOperator[operator] ??= { mutants: 0, verified: 0, failed: 0, indeterminate: 0 });
  op.mutants++;
  op[result.verdict]++;
  const reason = reasonOf(result);
  tally.byCode[reason] = (tally.byCode[reason] ?? 0) + 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Run settings and reports

/** An environment variable in Node; undefined in a browser. */
export function env(name: string): string | undefined {
  const p = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return p?.env?.[name];
}

export const inNode = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';

/** FUZZ_SCALE multiplies the bounded run of `npm test`; `npm run fuzz` raises it. */
export function scale(): number {
  const s = Number(env('FUZZ_SCALE') ?? '1');
  return Number.isFinite(s) && s > 0 ? s : 1;
}

/** The seed: FUZZ_SEED when set (`npm run fuzz` sets a random one and prints it), else a fixed one. */
export function runSeed(fixed: number): number {
  const s = env('FUZZ_SEED');
  return s !== undefined && /^\d+$/.test(s) ? Number(s) >>> 0 : fixed;
}

/** Writes a JSON report under test-output/hardening/ in Node (a no-op in a browser). */
export async function writeReport(name: string, data: unknown): Promise<string | undefined> {
  if (!inNode) return undefined;
  // Not a literal specifier, so a browser bundle never tries to resolve node: modules.
  const fsName = 'node:fs/promises';
  const pathName = 'node:path';
  const fs = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs/promises');
  const path = (await import(/* @vite-ignore */ pathName)) as typeof import('node:path');
  const dir = path.resolve('test-output', 'hardening');
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await fs.writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

export { verifyCredential };
