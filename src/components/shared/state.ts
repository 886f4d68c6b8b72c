/** From a verification result to what an element says about it: a state and a reason in words. */
import type { Check, VerificationResult } from '../../core/index.js';
import { formatDate, msg, type Language, type MessageKey } from './i18n.js';

export type VerificationState = 'idle' | 'verifying' | 'verified' | 'failed' | 'indeterminate';

const REASONS: Partial<Record<Check['code'], MessageKey>> = {
  revoked: 'reason.revoked',
  suspended: 'reason.suspended',
  'invalid-signature': 'reason.invalid-signature',
  'issuer-mismatch': 'reason.issuer-mismatch',
  'key-not-found': 'reason.key-not-found',
  'unsupported-key-type': 'reason.key-not-found',
  'not-assertion-method': 'reason.not-assertion-method',
  'no-proof': 'reason.no-proof',
  'disallowed-alg': 'reason.disallowed-alg',
  'claims-mismatch': 'reason.claims-mismatch',
  'schema-invalid': 'reason.schema-invalid',
};

/** The sentence that explains a settled result, e.g. "Expired on 1 Mar 2026" or "Could not check revocation status". */
export function reasonOf(result: VerificationResult, lang: Language): string {
  if (result.verdict === 'verified') return msg(lang, 'state.verified');
  const failed = result.checks.filter((c) => c.outcome === 'failed');
  // Revocation and expiry say the most to a reader; then the signature; then anything else.
  const first =
    failed.find((c) => c.code === 'revoked' || c.code === 'suspended') ??
    failed.find((c) => c.code === 'expired' || c.code === 'not-yet-valid') ??
    failed.find((c) => c.id === 'signature') ??
    failed[0];
  if (first) {
    if (first.code === 'expired') return msg(lang, 'reason.expired', { date: formatDate(lang, String(first.details?.validUntil ?? '')) });
    if (first.code === 'not-yet-valid') return msg(lang, 'reason.not-yet-valid', { date: formatDate(lang, String(first.details?.validFrom ?? '')) });
    const key = REASONS[first.code];
    if (key) return msg(lang, key);
    return first.id === 'format' && !result.credential ? msg(lang, 'reason.unreadable') : msg(lang, 'reason.format');
  }
  // A CLR transcript can fail or stay unchecked through its nested credentials alone.
  const nested = result.nestedSummary;
  if (nested && result.verdict === 'failed') return msg(lang, 'reason.nested-failed', { count: nested.failed, total: nested.total });
  const unchecked = result.checks.find((c) => c.outcome === 'indeterminate');
  if (!unchecked && nested?.indeterminate) return msg(lang, 'reason.nested-indeterminate', { count: nested.indeterminate, total: nested.total });
  return msg(lang, 'reason.could-not-check', { check: msg(lang, `check.${unchecked?.id ?? 'signature'}` as MessageKey) });
}

/** Every reason that applies (a badge both expired and revoked says both). */
export function reasonsOf(result: VerificationResult, lang: Language): string[] {
  if (result.verdict !== 'failed') return [reasonOf(result, lang)];
  const reasons = result.checks
    .filter((c) => c.outcome === 'failed')
    .map((c) => reasonOf({ ...result, checks: [c] }, lang));
  return reasons.length ? [...new Set(reasons)] : [reasonOf(result, lang)];
}
