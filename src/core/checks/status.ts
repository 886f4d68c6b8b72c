/**
 * Step 5: credential status. Every entry is checked:
 * - BitstringStatusListEntry and StatusList2021Entry: the list credential is fetched once per page (shared cache),
 *   verified like any credential (proof, key binding, dates) and must be of the entry's purpose; then the entry's
 *   bits are read. A list signed by someone other than the credential's issuer is used (the issuer's signed entry
 *   names it) and the report says who signed it.
 * - 1EdTechRevocationList: the list is fetched; the credential is revoked when its id is listed.
 * A list that cannot be fetched, parsed or verified leaves the credential `indeterminate`: never revoked, never
 * verified. An unknown status type is `indeterminate`.
 */
import type { Check, JsonValue, VerificationResult } from '../result.js';
import { isObject, parseJson, type JsonObject } from '../load/json.js';
import { describe, fetchBytes, type NetOptions } from '../net.js';
import { decodeEncodedList, readStatus } from '../status/bitstring.js';
import { noStatus } from './absent.js';
import { sharedStatusListCache, type StatusListCache } from '../status/cache.js';

export interface StatusContext {
  net: NetOptions;
  now: Date;
  /** Where lists are kept between verifications. Default: the cache shared by the whole page. */
  cache?: StatusListCache;
  /** Verifies a fetched status list credential (proof, key, dates), without checking its own status. */
  verifyList: (bytes: Uint8Array) => Promise<VerificationResult>;
}

type State = 'ok' | 'revoked' | 'suspended' | 'set' | 'unchecked';

interface EntryReport {
  type: string;
  state: State;
  purpose?: string;
  list?: string;
  index?: number;
  /** Who signed the status list. */
  listSigner?: string;
  message: string;
  /** For unchecked entries: why. */
  code?: Check['code'];
}

type BitstringList =
  | { ok: true; issuer: string; purposes: string[]; bytes: Uint8Array; listId?: string }
  | { ok: false; code: 'status-list-unreachable' | 'status-list-invalid'; message: string; aborted?: boolean };

type RevocationList = { ok: true; issuer?: string; revoked: Set<string> } | { ok: false; code: 'status-list-unreachable' | 'status-list-invalid'; message: string; aborted?: boolean };

const BITSTRING_TYPES: Record<string, string[]> = {
  BitstringStatusListEntry: ['BitstringStatusListCredential'],
  StatusList2021Entry: ['StatusList2021Credential'],
};

export async function checkStatus(credential: JsonObject, issuerId: string, ctx: StatusContext): Promise<Check> {
  const status = credential.credentialStatus;
  const entries = (Array.isArray(status) ? status : status === undefined ? [] : [status]).slice(0, 20);
  if (entries.length === 0) return noStatus();
  const withCache: StatusContext = { ...ctx, cache: ctx.cache ?? sharedStatusListCache() };
  const reports = await Promise.all(entries.map((entry) => checkEntry(entry, credential, issuerId, withCache)));
  const details = { entries: reports.map((r) => ({ ...r })) as unknown as JsonValue };
  const stopped = reports.filter((r) => r.state === 'revoked' || r.state === 'suspended');
  if (stopped.length) {
    const revoked = stopped.find((r) => r.state === 'revoked');
    const first = revoked ?? stopped[0]!;
    return { id: 'status', outcome: 'failed', code: revoked ? 'revoked' : 'suspended', message: first.message, details };
  }
  const unchecked = reports.find((r) => r.state === 'unchecked');
  if (unchecked) return { id: 'status', outcome: 'indeterminate', code: unchecked.code ?? 'status-unsupported', message: unchecked.message, details };
  const lists = reports.length === 1 ? 'its status entry' : `all ${reports.length} status entries`;
  return { id: 'status', outcome: 'passed', code: 'ok', message: `Not revoked or suspended: ${lists} checked.`, details };
}

async function checkEntry(raw: JsonValue, credential: JsonObject, issuerId: string, ctx: StatusContext): Promise<EntryReport> {
  if (!isObject(raw)) return { type: 'invalid', state: 'unchecked', code: 'status-entry-invalid', message: 'A credentialStatus entry is not an object.' };
  const type = typeof raw.type === 'string' ? raw.type : Array.isArray(raw.type) ? String(raw.type.find((t) => typeof t === 'string' && t in BITSTRING_TYPES) ?? raw.type[0]) : 'untyped';
  if (type in BITSTRING_TYPES) return checkBitstringEntry(raw, type, issuerId, ctx);
  if (type === '1EdTechRevocationList') return checkRevocationList(raw, credential, issuerId, ctx);
  return { type, state: 'unchecked', code: 'status-unsupported', message: `Revocation could not be checked: status entries of type ${type.slice(0, 60)} are not supported.` };
}

/**
 * A list through the shared cache. A load cancelled by the verification that started it (its AbortSignal) is not an
 * answer for another verification that joined it: that one loads the list again.
 */
async function fromCache<T extends { ok: boolean; aborted?: boolean }>(ctx: StatusContext, key: string, load: () => Promise<T>): Promise<T> {
  const get = () =>
    ctx.cache!.get(key, ctx.now.getTime(), () => load().then((l) => (!l.ok && ctx.net.signal?.aborted ? { ...l, aborted: true } : l)), (l) => (l as T).ok) as Promise<T>;
  const list = await get();
  return !list.ok && list.aborted && !ctx.net.signal?.aborted ? get() : list;
}

async function checkBitstringEntry(entry: JsonObject, type: string, issuerId: string, ctx: StatusContext): Promise<EntryReport> {
  const invalid = (message: string): EntryReport => ({ type, state: 'unchecked', code: 'status-entry-invalid', message });
  const url = entry.statusListCredential;
  if (typeof url !== 'string') return invalid('The status entry names no statusListCredential.');
  const purpose = entry.statusPurpose;
  if (typeof purpose !== 'string' || !purpose) return invalid('The status entry states no statusPurpose.');
  const rawIndex = entry.statusListIndex;
  const index = typeof rawIndex === 'number' ? rawIndex : typeof rawIndex === 'string' && /^\d{1,10}$/.test(rawIndex) ? Number(rawIndex) : Number.NaN;
  if (!Number.isSafeInteger(index) || index < 0) return invalid('The statusListIndex is not a non-negative integer.');
  const rawSize = entry.statusSize ?? 1;
  const size = typeof rawSize === 'number' ? rawSize : typeof rawSize === 'string' && /^\d{1,2}$/.test(rawSize) ? Number(rawSize) : Number.NaN;
  if (!Number.isInteger(size) || size < 1 || size > 16) return invalid('The statusSize is not an integer from 1 to 16.');
  const where = { purpose, list: url, index };

  const list = await fromCache(ctx, `bitstring ${url}`, () => loadBitstringList(url, BITSTRING_TYPES[type]!, ctx));
  if (!list.ok) return { type, ...where, state: 'unchecked', code: list.code, message: list.message };
  // The issuer signed the entry that names this list, so the list speaks for the credential even when another
  // party signs it; the report says so.
  const signer = list.issuer === issuerId ? '' : ` The list is signed by ${describe(list.issuer)}, not by the credential's issuer; the credential names it.`;
  if (!list.purposes.includes(purpose)) {
    return { type, ...where, state: 'unchecked', code: 'status-list-invalid', message: `The status list ${describe(url)} is for ${list.purposes.join(', ') || 'no purpose'}, but the entry asks about ${purpose}.` };
  }
  const value = readStatus(list.bytes, index, size);
  if (value === undefined) return { type, ...where, state: 'unchecked', code: 'status-entry-invalid', message: `The statusListIndex ${index} is beyond the end of the ${list.bytes.length * 8}-bit status list.` };
  const entryName = `entry ${index} of ${describe(url)}`;
  const listSigner = list.issuer;
  const report = (state: State, message: string): EntryReport => ({ type, ...where, listSigner, state, message: message + signer });
  if (value === 0) return report('ok', `Not ${purpose === 'revocation' ? 'revoked' : purpose === 'suspension' ? 'suspended' : `flagged for ${purpose}`} (${entryName}).`);
  if (purpose === 'revocation') return report('revoked', `Revoked (${type}, ${entryName}).`);
  if (purpose === 'suspension') return report('suspended', `Suspended (${type}, ${entryName}).`);
  return report('set', `The ${purpose} status is set (value ${value}, ${entryName}); it does not revoke or suspend the credential.`);
}

async function loadBitstringList(url: string, listTypes: string[], ctx: StatusContext): Promise<BitstringList> {
  const fetched = await fetchBytes(url, ctx.net);
  if (!fetched.ok) return { ok: false, code: 'status-list-unreachable', message: `Revocation could not be checked: the status list could not be fetched (${fetched.message})` };
  const result = await ctx.verifyList(fetched.bytes);
  const failing = result.checks.find((c) => (c.id === 'format' || c.id === 'signature' || c.id === 'validity') && c.outcome !== 'passed');
  if (failing) {
    const unreachable = failing.outcome === 'indeterminate';
    return {
      ok: false,
      code: 'status-list-invalid',
      message: `Revocation could not be checked: the status list ${describe(url)} ${unreachable ? 'could not be verified' : 'did not verify'} (${failing.id}: ${failing.message})`,
    };
  }
  const list = result.credential!;
  const types = Array.isArray(list.type) ? list.type : [list.type];
  if (!types.some((t) => typeof t === 'string' && listTypes.includes(t))) {
    return { ok: false, code: 'status-list-invalid', message: `Revocation could not be checked: ${describe(url)} is not a ${listTypes.join(' or ')}.` };
  }
  const subject = Array.isArray(list.credentialSubject) ? list.credentialSubject[0] : list.credentialSubject;
  if (!isObject(subject) || typeof subject.encodedList !== 'string') {
    return { ok: false, code: 'status-list-invalid', message: `Revocation could not be checked: the status list ${describe(url)} has no encodedList.` };
  }
  const purposes = (Array.isArray(subject.statusPurpose) ? subject.statusPurpose : [subject.statusPurpose]).filter((p): p is string => typeof p === 'string');
  const decoded = await decodeEncodedList(subject.encodedList);
  if (!decoded.ok) return { ok: false, code: 'status-list-invalid', message: `Revocation could not be checked: ${decoded.message}` };
  const issuer = typeof list.issuer === 'string' ? list.issuer : isObject(list.issuer) && typeof list.issuer.id === 'string' ? list.issuer.id : '';
  return { ok: true, issuer, purposes, bytes: decoded.bytes, ...(typeof list.id === 'string' ? { listId: list.id } : {}) };
}

async function checkRevocationList(entry: JsonObject, credential: JsonObject, issuerId: string, ctx: StatusContext): Promise<EntryReport> {
  const type = '1EdTechRevocationList';
  const url = entry.id;
  if (typeof url !== 'string') return { type, state: 'unchecked', code: 'status-entry-invalid', message: 'The 1EdTechRevocationList entry has no id (the list URL).' };
  if (typeof credential.id !== 'string') return { type, list: url, state: 'unchecked', code: 'status-entry-invalid', message: 'The credential has no id to look up in its revocation list.' };
  const list = await fromCache(ctx, `1edtech ${url}`, () => loadRevocationList(url, ctx));
  if (!list.ok) return { type, list: url, purpose: 'revocation', state: 'unchecked', code: list.code, message: list.message };
  if (list.issuer !== undefined && list.issuer !== issuerId) {
    return { type, list: url, purpose: 'revocation', state: 'unchecked', code: 'status-list-invalid', message: `The revocation list ${describe(url)} belongs to ${describe(list.issuer)}, not to the credential's issuer.` };
  }
  return list.revoked.has(credential.id)
    ? { type, list: url, purpose: 'revocation', state: 'revoked', message: `Revoked by its issuer (listed in the 1EdTech revocation list ${describe(url)}).` }
    : { type, list: url, purpose: 'revocation', state: 'ok', message: `Not listed in the revocation list ${describe(url)}.` };
}

async function loadRevocationList(url: string, ctx: StatusContext): Promise<RevocationList> {
  const fetched = await fetchBytes(url, ctx.net);
  if (!fetched.ok) return { ok: false, code: 'status-list-unreachable', message: `Revocation could not be checked: the revocation list could not be fetched (${fetched.message})` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fetched.bytes);
  } catch {
    return { ok: false, code: 'status-list-invalid', message: `Revocation could not be checked: ${describe(url)} is not UTF-8 JSON.` };
  }
  const parsed = parseJson(text, { maxChars: ctx.net.maxBytes, maxDepth: 16 });
  const doc = parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
  const revokedList = doc?.revokedCredentials;
  if (!doc || !Array.isArray(revokedList)) {
    return { ok: false, code: 'status-list-invalid', message: `Revocation could not be checked: ${describe(url)} is not a revocation list (no revokedCredentials).` };
  }
  const revoked = new Set(revokedList.map((r) => (typeof r === 'string' ? r : isObject(r) && typeof r.id === 'string' ? r.id : '')).filter(Boolean));
  const issuer = typeof doc.issuer === 'string' ? doc.issuer : isObject(doc.issuer) && typeof doc.issuer.id === 'string' ? doc.issuer.id : undefined;
  return { ok: true, revoked, ...(issuer ? { issuer } : {}) };
}
