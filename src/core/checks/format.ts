/**
 * Step 1: the credential's shape and contexts, before any cryptography. Pure and synchronous.
 */
import type { Check } from '../result.js';
import { BASE_CONTEXTS, PINNED_CONTEXT_URLS } from '../contexts/urls.js';
import { isObject, type JsonObject } from '../load/json.js';

const OB_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential'];
/** JSON-LD keywords a credential may use as keys outside @context (the pinned contexts alias `id` and `type`). */
const ALLOWED_KEYWORDS = new Set(['@id', '@type', '@value', '@language', '@direction']);
/** Terms the pinned contexts type as `@json`: their values are JSON literals, not JSON-LD, and are not walked. */
const JSON_LITERAL_TERMS = new Set(['jsonSchema', '_sd', 'jwk']);

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
      if (!isTrustedContext(entry, extraContexts)) {
        return fail('unknown-context', `The context ${entry.slice(0, 200)} is not one this verifier knows; contexts are never fetched.`);
      }
    } else if (isObject(entry)) {
      // An inline context can give a property a second name (`"vu": "…credentials#validUntil"`): the signature
      // still holds, while the checks, which read the usual keys, would no longer see an expiry or a status.
      return fail('unsafe-context', 'An inline @context is not accepted: it can give a property a second name that the checks would not read. Contexts must be pinned URLs.');
    } else {
      return fail('not-a-credential', 'An @context entry is neither a URL nor an object.');
    }
  }
  const aliased = findAliasedKey(credential, extraContexts);
  if (aliased) return fail('unsafe-property', aliased);
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

/** A context URL this verifier may use: pinned, or named by the caller in `contexts`. Never fetched either way. */
function isTrustedContext(url: string, extraContexts: ReadonlySet<string>): boolean {
  return PINNED_CONTEXT_URLS.includes(url) || extraContexts.has(url);
}

export function isAbsoluteIri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);
}

/**
 * The checks read a credential by its JSON keys (`validUntil`, `credentialStatus`, `credentialSchema`, ...). In
 * JSON-LD the same statement can be written under other keys that a Data Integrity signature cannot tell apart: a
 * full or compact IRI (`"https://www.w3.org/2018/credentials#validUntil"`), or keywords such as `@nest`, `@graph`,
 * `@included` and `@reverse`. A credential using them could hide its expiry or its status from the checks while its
 * signature still verifies, so such keys are refused anywhere in the credential, as are contexts nested below the
 * top that are not pinned URLs. Returns why, or undefined when every key is a plain term.
 */
function findAliasedKey(root: JsonObject, extraContexts: ReadonlySet<string>): string | undefined {
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    if (!isObject(value)) continue;
    for (const [key, child] of Object.entries(value)) {
      if (key === '@context') {
        if (value === root) continue;
        const list = Array.isArray(child) ? child : [child];
        if (!list.every((c) => typeof c === 'string' && isTrustedContext(c, extraContexts))) {
          return 'A nested @context is not a pinned context URL: it could give a property a second name that the checks would not read.';
        }
        continue;
      }
      if (key.startsWith('@') ? !ALLOWED_KEYWORDS.has(key) : key.includes(':')) {
        return `The key ${JSON.stringify(key.slice(0, 80))} names a property by an IRI or a JSON-LD keyword; the checks read properties by their terms only, so it could hide what the credential says.`;
      }
      if (JSON_LITERAL_TERMS.has(key)) continue;
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return undefined;
}
