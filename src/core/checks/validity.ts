/**
 * Step 6: the validity window. VC 2.0 uses validFrom/validUntil; VC 1.1 uses issuanceDate/expirationDate.
 */
import type { Check } from '../result.js';
import type { JsonObject } from '../load/json.js';

/** XML Schema dateTime; a missing offset means UTC. */
const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** Milliseconds since the epoch of an XML Schema dateTime, or undefined when it is not one. */
export function parseDateTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 24 || mi! > 59 || s! > 60) return undefined;
  const ms = Date.parse(m[8] ? value : `${value}Z`);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2023-02-31 over into March: reject dates that do not exist.
  const check = new Date(Date.UTC(y!, mo! - 1, d!));
  if (check.getUTCDate() !== d) return undefined;
  return ms;
}

/**
 * The validity window of the credential; for a VC-JWT also its `nbf` and `exp` claims (which must agree with the
 * credential's dates when both are present, and may stand alone).
 */
export function checkValidity(credential: JsonObject, version: 1 | 2, now: Date, skewMs: number, jwtClaims?: JsonObject): Check {
  const fromKey = version === 2 ? 'validFrom' : 'issuanceDate';
  const untilKey = version === 2 ? 'validUntil' : 'expirationDate';
  const rawFrom = credential[fromKey];
  const rawUntil = credential[untilKey];
  let from = rawFrom === undefined ? undefined : parseDateTime(rawFrom);
  let until = rawUntil === undefined ? undefined : parseDateTime(rawUntil);
  const fail = (code: Check['code'], message: string, details?: Check['details']): Check => ({ id: 'validity', outcome: 'failed', code, message, ...(details ? { details } : {}) });
  if (version === 1 && rawFrom === undefined) return fail('invalid-date', 'A VC 1.1 credential must state its issuanceDate.');
  if (rawFrom !== undefined && from === undefined) return fail('invalid-date', `${fromKey} is not a valid date-time: ${String(rawFrom).slice(0, 40)}.`);
  if (rawUntil !== undefined && until === undefined) return fail('invalid-date', `${untilKey} is not a valid date-time: ${String(rawUntil).slice(0, 40)}.`);
  const t = now.getTime();
  const details: NonNullable<Check['details']> = { checkedAt: now.toISOString() };
  if (from !== undefined) details.validFrom = new Date(from).toISOString();
  if (until !== undefined) details.validUntil = new Date(until).toISOString();
  const claimDate = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v * 1000 : undefined);
  const nbf = claimDate(jwtClaims?.nbf);
  const exp = claimDate(jwtClaims?.exp);
  if (nbf !== undefined && (from === undefined || nbf > from)) {
    from = nbf;
    details.validFrom = new Date(nbf).toISOString();
  }
  if (exp !== undefined && (until === undefined || exp < until)) {
    until = exp;
    details.validUntil = new Date(exp).toISOString();
  }
  if (from !== undefined && until !== undefined && until < from) {
    return fail('invalid-date', `${untilKey} is before ${fromKey}.`, details);
  }
  if (from !== undefined && t + skewMs < from) {
    return fail('not-yet-valid', `Not valid until ${details.validFrom}.`, details);
  }
  if (until !== undefined && t - skewMs > until) {
    return fail('expired', `Expired on ${details.validUntil}.`, details);
  }
  const parts = [from !== undefined ? `valid since ${details.validFrom}` : 'no start date', until !== undefined ? `until ${details.validUntil}` : 'no expiry'];
  return { id: 'validity', outcome: 'passed', code: 'ok', message: `In its validity window: ${parts.join(', ')}.`, details };
}
