/**
 * The pinned Open Badges 3.0 JSON Schemas and their validator. Loaded lazily: only the schema check imports this
 * module, with a dynamic `import()`, and only when a credential names a pinned schema, so a page that never meets one
 * does not pay for the schemas or the validator.
 *
 * The validator is @cfworker/json-schema: it interprets schemas and never generates code (no `eval`, no
 * `new Function`), so it runs under a strict Content Security Policy. Every `$ref` in the pinned schemas is local
 * (`#/$defs/...`); nothing is ever fetched.
 */
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import achievementCredential from './data/achievementcredential.json';
import endorsementCredential from './data/endorsementcredential.json';
import profile from './data/profile.json';
import { PINNED_SCHEMA_URLS, type SchemaName } from './urls.js';

export { PINNED_SCHEMA_URLS, ONE_EDTECH_SCHEMA_VALIDATOR, pinnedSchemaName, type SchemaName } from './urls.js';

/** The draft every pinned schema declares in `$schema` (https://json-schema.org/draft/2019-09/schema#). */
export const SCHEMA_DRAFT = '2019-09';

/** The pinned schema documents, by name. Never modified (the validator works on its own copy). */
export const SCHEMA_DATA: Readonly<Record<SchemaName, object>> = {
  AchievementCredential: achievementCredential,
  EndorsementCredential: endorsementCredential,
  Profile: profile,
};

/** The pinned schema document each URL names. */
export function schemaForUrl(url: string): object | undefined {
  const name = PINNED_SCHEMA_URLS.get(url);
  return name ? SCHEMA_DATA[name] : undefined;
}

export interface SchemaError {
  /** JSON Pointer (as a URI fragment) into the credential: `#/credentialSubject/type`. */
  instanceLocation: string;
  keyword: string;
  /** JSON Pointer into the schema. */
  keywordLocation: string;
  error: string;
}

export interface SchemaValidation {
  valid: boolean;
  /** The most specific errors first, at most `maxErrors` of them. */
  errors: SchemaError[];
  /** How many specific errors there were in all. */
  errorCount: number;
  /**
   * Locations where a single value stood for a list (JSON-LD compaction: a lone `proof` object, `type` as a string)
   * and was read as a one-element list. Empty when the credential matched as given.
   */
  compacted: string[];
}

/** Errors that only say "something below failed"; the errors below them say what. */
const WRAPPER_KEYWORDS = new Set([
  '$ref',
  '$recursiveRef',
  'properties',
  'patternProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'allOf',
  'if',
  'then',
  'else',
  'dependentSchemas',
]);

/** Rounds of reading single values as lists; each round handles every such location the validator reported. */
const MAX_COMPACTION_ROUNDS = 8;

const validators = new Map<SchemaName, Validator>();

function validatorFor(name: SchemaName): Validator {
  let validator = validators.get(name);
  if (!validator) {
    // The validator annotates the schema it is given; it gets a copy. shortCircuit false: collect every error.
    validator = new Validator(structuredClone(SCHEMA_DATA[name]) as Schema, SCHEMA_DRAFT, false);
    validators.set(name, validator);
  }
  return validator;
}

/**
 * Validates a credential (as given, proof included) against a pinned schema.
 *
 * The pinned files are the specification's plain-JSON schemas, which want a list wherever a property may repeat.
 * Open Badges credentials are JSON-LD, where a one-element list may be written as the single value (the
 * specification's JSON-LD schemas, and the 1EdTech validator, accept that with a warning). So where the only complaint
 * is "expected an array" about a single value, that value is read as a one-element list and the credential is checked
 * again; the locations are reported in `compacted`. Every other rule of the schema still applies.
 */
export function validateAgainstSchema(name: SchemaName, credential: unknown, maxErrors = 10): SchemaValidation {
  const validator = validatorFor(name);
  let instance = credential;
  let result = validator.validate(instance);
  const compacted: string[] = [];
  for (let round = 0; round < MAX_COMPACTION_ROUNDS && !result.valid; round++) {
    const locations = [...new Set(result.errors.filter(wantsArray).map((e) => e.instanceLocation))];
    if (locations.length === 0) break;
    const copy = structuredClone(instance);
    const done = locations.filter((location) => wrapInList(copy, location));
    if (done.length === 0) break;
    compacted.push(...done);
    instance = copy;
    result = validator.validate(instance);
  }
  if (result.valid) return { valid: true, errors: [], errorCount: 0, compacted };
  const specific = result.errors.filter((e) => !WRAPPER_KEYWORDS.has(e.keyword));
  const chosen = specific.length > 0 ? specific : result.errors;
  return { valid: false, errors: chosen.slice(0, maxErrors).map(plainError), errorCount: chosen.length, compacted };
}

function plainError(e: OutputUnit): SchemaError {
  return { instanceLocation: e.instanceLocation, keyword: e.keyword, keywordLocation: e.keywordLocation, error: e.error };
}

/** A `type` error that asks for an array only. */
function wantsArray(e: OutputUnit): boolean {
  return e.keyword === 'type' && /^Instance type "(?!array"|null")[a-z]+" is invalid\. Expected "array"\.$/.test(e.error);
}

/** Replaces the value at a JSON Pointer fragment with a one-element list holding it. False when it cannot. */
function wrapInList(root: unknown, location: string): boolean {
  const path = decodeLocation(location);
  if (!path || path.length === 0) return false;
  let parent: unknown = root;
  for (const segment of path.slice(0, -1)) {
    parent = child(parent, segment);
    if (parent === undefined) return false;
  }
  const key = path[path.length - 1]!;
  const value = child(parent, key);
  if (value === undefined || Array.isArray(value)) return false;
  if (Array.isArray(parent)) parent[Number(key)] = [value];
  else (parent as Record<string, unknown>)[key] = [value];
  return true;
}

function child(node: unknown, segment: string): unknown {
  if (Array.isArray(node)) return /^(0|[1-9]\d*)$/.test(segment) ? node[Number(segment)] : undefined;
  if (node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, segment)) {
    return (node as Record<string, unknown>)[segment];
  }
  return undefined;
}

/** `#/a/b~1c` (each segment escaped, then URI-encoded, `#` as %23, as the validator writes it) to its segments. */
function decodeLocation(location: string): string[] | undefined {
  if (!location.startsWith('#')) return undefined;
  if (location === '#') return [];
  if (!location.startsWith('#/')) return undefined;
  try {
    return location
      .slice(2)
      .split('/')
      .map((segment) => segment.split('%23').map(decodeURI).join('#').replace(/~1/g, '/').replace(/~0/g, '~'));
  } catch {
    return undefined;
  }
}
