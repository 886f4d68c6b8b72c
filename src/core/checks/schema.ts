/**
 * The `schema` check: JSON Schema validation against pinned copies of the Open Badges 3.0 schemas.
 *
 * - Only `credentialSchema` entries of type `1EdTechJsonSchemaValidator2019` whose `id` is a pinned schema URL are
 *   validated. Nothing is ever fetched: any other entry is reported as not checked.
 * - The pinned files are the VCDM 2.0 revision of the schemas (`validFrom`, the v2 context first). A VC 1.1
 *   credential was written against an earlier revision of the same URLs, which is not pinned: its entries are
 *   reported as not checked rather than failed against a revision they never claimed.
 * - The validator and the schema data are loaded with a dynamic `import()`, only when there is something to validate.
 * - Never throws: an unexpected error is an `indeterminate` check.
 */
import type { Check, JsonValue } from '../result.js';
import { isObject, type JsonObject } from '../load/json.js';
import { CREDENTIALS_V1 } from '../contexts/urls.js';
import { ONE_EDTECH_SCHEMA_VALIDATOR, pinnedSchemaName, type SchemaName } from '../schemas/urls.js';
import type { SchemaError } from '../schemas/index.js';
import { noSchema } from './absent.js';

/** Errors kept in `details.errors` (per check) and named in the message. */
const MAX_ERRORS = 10;
const ERRORS_IN_MESSAGE = 3;
/** Entries of `credentialSchema` looked at; the rest are listed as not checked. */
const MAX_ENTRIES = 20;
const MAX_TEXT = 200;
const MAX_MESSAGE = 900;

interface Skipped {
  id: string | null;
  type: string | null;
  reason: string;
}

export async function checkSchema(credential: JsonObject): Promise<Check> {
  try {
    return await run(credential);
  } catch (error) {
    return {
      id: 'schema',
      outcome: 'indeterminate',
      code: 'internal-error',
      message: `The schema check could not run: ${clip(error instanceof Error ? error.message : String(error), MAX_TEXT)}.`,
    };
  }
}

async function run(credential: JsonObject): Promise<Check> {
  const declared: unknown = credential.credentialSchema;
  if (declared === undefined) return noSchema();
  const entries: unknown[] | undefined = Array.isArray(declared) ? declared : isObject(declared) ? [declared] : undefined;
  if (!entries) {
    return {
      id: 'schema',
      outcome: 'skipped',
      code: 'schema-unsupported',
      message: 'Not checked: credentialSchema is neither an object nor a list of objects.',
    };
  }
  if (entries.length === 0) {
    return { id: 'schema', outcome: 'skipped', code: 'no-schema', message: 'The credential names no schema (credentialSchema is an empty list).' };
  }

  const vc11 = firstContext(credential) === CREDENTIALS_V1;
  const toCheck = new Map<SchemaName, string[]>();
  const skipped: Skipped[] = [];
  for (const entry of entries.slice(0, MAX_ENTRIES)) {
    const id = isObject(entry) && typeof entry.id === 'string' ? entry.id : null;
    const type = isObject(entry) && typeof entry.type === 'string' ? entry.type : null;
    const name = id === null ? undefined : pinnedSchemaName(id);
    let reason: string | undefined;
    if (!isObject(entry)) reason = 'the entry is not an object';
    else if (id === null) reason = 'its id is not a URL string';
    else if (type !== ONE_EDTECH_SCHEMA_VALIDATOR) reason = `its type is ${type === null ? 'missing' : `"${clip(type, 80)}"`}, not ${ONE_EDTECH_SCHEMA_VALIDATOR}`;
    else if (!name) reason = 'not a pinned schema; schemas are never fetched';
    else if (vc11) reason = 'the pinned schema is the VCDM 2.0 revision and the credential uses the VC 1.1 data model';
    if (reason !== undefined || !name || id === null) skipped.push({ id, type, reason: reason ?? 'not checked' });
    else toCheck.set(name, [...(toCheck.get(name) ?? []), id]);
  }
  if (entries.length > MAX_ENTRIES) {
    skipped.push({ id: null, type: null, reason: `${entries.length - MAX_ENTRIES} further entries were not looked at` });
  }
  const notChecked = skipped.map((s): JsonValue => ({ id: s.id === null ? null : clip(s.id, MAX_TEXT), type: s.type === null ? null : clip(s.type, MAX_TEXT), reason: s.reason }));

  if (toCheck.size === 0) {
    return {
      id: 'schema',
      outcome: 'skipped',
      code: 'schema-unsupported',
      message: clip(`No named schema could be checked: ${describeSkipped(skipped)}.`, MAX_MESSAGE),
      details: { notChecked },
    };
  }

  const { validateAgainstSchema } = await import('../schemas/index.js');
  const checked: JsonValue[] = [];
  const errors: (SchemaError & { schema: SchemaName })[] = [];
  const compacted = new Set<string>();
  let errorCount = 0;
  let valid = true;
  for (const [name, ids] of toCheck) {
    const result = validateAgainstSchema(name, credential, MAX_ERRORS);
    checked.push({ schema: name, ids: ids.map((id) => clip(id, MAX_TEXT)), valid: result.valid, errorCount: result.errorCount });
    result.compacted.forEach((location) => compacted.add(clip(location, MAX_TEXT)));
    valid &&= result.valid;
    errorCount += result.errorCount;
    errors.push(...result.errors.map((e) => ({ ...e, schema: name })));
  }

  const names = [...toCheck.keys()].join(' and ');
  const compactNote = compacted.size > 0 ? ` (single values read as one-element lists, as JSON-LD allows, at ${[...compacted].slice(0, 5).join(', ')})` : '';
  const skipNote = skipped.length > 0 ? ` Not checked: ${describeSkipped(skipped)}.` : '';
  const details: { [key: string]: JsonValue } = { checked };
  if (skipped.length > 0) details.notChecked = notChecked;
  if (compacted.size > 0) details.compacted = [...compacted];

  if (valid) {
    return {
      id: 'schema',
      outcome: 'passed',
      code: 'ok',
      message: clip(`The credential matches the pinned ${names} JSON Schema${toCheck.size > 1 ? 's' : ''}${compactNote}.${skipNote}`, MAX_MESSAGE),
      details,
    };
  }
  const capped = errors.slice(0, MAX_ERRORS);
  details.errors = capped.map((e) => ({
    schema: e.schema,
    instanceLocation: clip(e.instanceLocation, MAX_TEXT),
    keyword: clip(e.keyword, 40),
    keywordLocation: clip(e.keywordLocation, MAX_TEXT),
    error: clip(e.error, MAX_TEXT),
  }));
  details.errorCount = errorCount;
  const named = capped
    .slice(0, ERRORS_IN_MESSAGE)
    .map((e) => `${clip(e.instanceLocation, 80)}: ${clip(e.error.replace(/\.$/, ''), 120)}`)
    .join('; ');
  const more = errorCount > ERRORS_IN_MESSAGE ? ` (${errorCount} errors in all)` : '';
  return {
    id: 'schema',
    outcome: 'failed',
    code: 'schema-invalid',
    message: clip(`The credential does not match the pinned ${names} JSON Schema${compactNote}: ${named}${more}.${skipNote}`, MAX_MESSAGE),
    details,
  };
}

function firstContext(credential: JsonObject): unknown {
  const context: unknown = credential['@context'];
  return Array.isArray(context) ? context[0] : context;
}

function describeSkipped(skipped: readonly Skipped[]): string {
  const listed = skipped.slice(0, 5).map((s) => (s.id === null ? s.reason : `${clip(s.id, 120)} (${s.reason})`));
  return listed.join('; ') + (skipped.length > 5 ? `; and ${skipped.length - 5} more` : '');
}

/** Plain text of at most `max` characters, with control characters replaced. */
function clip(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return plain.length > max ? `${plain.slice(0, max - 3)}...` : plain;
}
