/**
 * Step 1: the credential's shape and contexts, before any cryptography. Pure and synchronous.
 */
import type { Check } from '../result.js';
import { BASE_CONTEXTS, PINNED_CONTEXT_URLS } from '../contexts/urls.js';
import { isObject, type JsonObject } from '../load/json.js';

const OB_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential'];
const UNSAFE_CONTEXT_KEYS = ['@vocab', '@base', '@import'];

export interface FormatFacts {
  version: 1 | 2;
  types: string[];
  issuerId: string;
}

export function checkFormat(credential: JsonObject, extraContexts: ReadonlySet<string>): { check: Check; facts?: FormatFacts } {
  const fail = (code: Check['code'], message: string) => ({ check: { id: 'format', outcome: 'failed', code, message } as Check });
  const contexts = credential['@context'];
  const list = Array.isArray(contexts) ? contexts : contexts === undefined ? [] : [contexts];
  const first = list[0];
  const version = typeof first === 'string' ? BASE_CONTEXTS[first] : undefined;
  if (!version) {
    return fail('not-a-credential', 'The first @context is neither the VC 2.0 (https://www.w3.org/ns/credentials/v2) nor the VC 1.1 context.');
  }
  for (const entry of list) {
    if (typeof entry === 'string') {
      if (!PINNED_CONTEXT_URLS.includes(entry) && !extraContexts.has(entry)) {
        return fail('unknown-context', `The context ${entry.slice(0, 200)} is not one this verifier knows; contexts are never fetched.`);
      }
    } else if (isObject(entry)) {
      const bad = UNSAFE_CONTEXT_KEYS.find((k) => k in entry);
      if (bad) return fail('unsafe-context', `An inline @context sets ${bad}, which could give undefined terms a meaning.`);
    } else {
      return fail('not-a-credential', 'An @context entry is neither a URL nor an object.');
    }
  }
  const types = typeof credential.type === 'string' ? [credential.type] : Array.isArray(credential.type) ? credential.type.filter((t): t is string => typeof t === 'string') : [];
  if (!types.includes('VerifiableCredential')) {
    return fail('not-a-credential', 'The type does not include VerifiableCredential.');
  }
  const issuer = credential.issuer;
  const issuerId = typeof issuer === 'string' ? issuer : isObject(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
  if (!issuerId) return fail('missing-issuer', 'The credential names no issuer (issuer or issuer.id).');
  if (!isAbsoluteIri(issuerId)) return fail('missing-issuer', 'The issuer id is not an absolute URL or DID.');
  const subject = credential.credentialSubject;
  if (!(isObject(subject) || (Array.isArray(subject) && subject.length > 0 && subject.every(isObject)))) {
    return fail('missing-subject', 'The credential has no credentialSubject.');
  }
  const ob = types.find((t) => OB_TYPES.includes(t));
  return {
    check: {
      id: 'format',
      outcome: 'passed',
      code: 'ok',
      message: `${ob ? `${ob} (Open Badges 3.0 family)` : 'Verifiable credential'}, VC data model ${version === 2 ? '2.0' : '1.1'}, every context pinned.`,
      details: { dataModel: version === 2 ? '2.0' : '1.1', types },
    },
    facts: { version, types, issuerId },
  };
}

export function isAbsoluteIri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);
}
