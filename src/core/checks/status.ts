/**
 * Step 5: credential status. Status lists are checked in a later version; until then a credential that has a status
 * entry cannot be fully checked, and says so.
 */
import type { Check } from '../result.js';
import type { JsonObject } from '../load/json.js';

export function checkStatus(credential: JsonObject): Check {
  const status = credential.credentialStatus;
  if (status === undefined || (Array.isArray(status) && status.length === 0)) {
    return { id: 'status', outcome: 'skipped', code: 'no-status', message: 'The credential has no credentialStatus: there is nothing to look up.' };
  }
  const entries = Array.isArray(status) ? status : [status];
  const types = entries.map((e) => (e && typeof e === 'object' && !Array.isArray(e) && typeof e.type === 'string' ? e.type : 'untyped'));
  return {
    id: 'status',
    outcome: 'indeterminate',
    code: 'status-unsupported',
    message: `Revocation could not be checked: status entries of type ${[...new Set(types)].join(', ')} are not checked by this version.`,
  };
}
