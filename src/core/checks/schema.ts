/** The `schema` check. JSON Schema validation comes in a later version; it is reported as skipped, never as passed. */
import type { Check } from '../result.js';
import type { JsonObject } from '../load/json.js';

export function checkSchema(credential: JsonObject): Check {
  if (credential.credentialSchema === undefined) {
    return { id: 'schema', outcome: 'skipped', code: 'no-schema', message: 'The credential names no credentialSchema.' };
  }
  return { id: 'schema', outcome: 'skipped', code: 'schema-unsupported', message: 'The credential names a schema; schema validation is not performed by this version.' };
}
