/**
 * The status and schema checks of a credential that names nothing to check. Kept apart from status.ts and schema.ts
 * so the pipeline reports them without loading those modules (they load only when a credential has entries).
 */
import type { Check } from '../result.js';

export function noStatus(): Check {
  return { id: 'status', outcome: 'skipped', code: 'no-status', message: 'The credential has no credentialStatus: there is nothing to look up.' };
}

export function noSchema(): Check {
  return { id: 'schema', outcome: 'skipped', code: 'no-schema', message: 'The credential names no credentialSchema.' };
}
