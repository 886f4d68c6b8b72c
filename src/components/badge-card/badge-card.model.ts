/**
 * Pure helpers of <vb-badge-card>: what it verifies, what it can show before verification ends, and the words for a
 * settled state. No DOM rendering here; tested on their own.
 */
import type { BadgeView, Check, VerificationResult } from '../../core/index.js';
import { buildView, identifierOf } from '../../core/view.js';
import { isObject } from '../../core/load/json.js';
import type { VerificationState } from '../shared/state.js';
import { reasonOf, reasonsOf } from '../shared/state.js';
import { msg, type Language, type MessageKey } from '../shared/i18n.js';

/** Inline JSON previews are capped like fetched documents (the core's default). */
const MAX_PREVIEW_CHARS = 5 * 1024 * 1024;

/**
 * `src` resolved against the page, so static sites can write `src="badges/data-viz.json"`. Text that is not a URL is
 * returned as it is: the core then reports it as unreadable (it is never put in the DOM).
 */
export function resolveSrc(src: string, base: string): string {
  try {
    return new URL(src.trim(), base).href;
  } catch {
    return src;
  }
}

/**
 * What a card shows while its credential is being verified: the view of an object or inline JSON, built from the
 * credential alone. It carries no verified identifier, so nothing in it claims to be checked.
 */
export function previewOf(input: unknown): BadgeView | undefined {
  try {
    let value: unknown = input;
    if (typeof value === 'string') {
      const text = value.trim();
      if (!text.startsWith('{') || text.length > MAX_PREVIEW_CHARS) return undefined;
      value = JSON.parse(text);
    }
    return isObject(value) && 'credentialSubject' in value ? buildView(value) : undefined;
  } catch {
    return undefined;
  }
}

/** The state a settled result puts the card in. */
export function stateOf(result: VerificationResult): Exclude<VerificationState, 'idle' | 'verifying'> {
  return result.verdict;
}

const WHY: Partial<Record<Check['code'], MessageKey>> = {
  'key-unreachable': 'card.why.key-unreachable',
  'status-list-unreachable': 'card.why.status-list-unreachable',
  'status-list-invalid': 'card.why.status-list-invalid',
  'fetch-failed': 'card.why.network',
  'http-error': 'card.why.network',
  timeout: 'card.why.timeout',
  'unsupported-input': 'card.why.unsupported',
  'unsupported-proof': 'card.why.unsupported',
  'unsupported-key-type': 'card.why.unsupported',
  'status-unsupported': 'card.why.unsupported',
  'schema-unsupported': 'card.why.unsupported',
  'internal-error': 'card.why.internal-error',
  aborted: 'card.why.aborted',
};

/**
 * The sentences under the state label: every reason a badge failed ("Revoked by the issuer", "Expired on …"), or
 * which check could not run and why ("Could not check signature: the issuer's key could not be fetched").
 */
export function reasonLines(result: VerificationResult, lang: Language): string[] {
  if (result.verdict === 'verified') return [];
  if (result.verdict === 'failed') return reasonsOf(result, lang);
  const reason = reasonOf(result, lang);
  const unchecked = result.checks.find((c) => c.outcome === 'indeterminate');
  const why = unchecked && WHY[unchecked.code];
  return [why ? msg(lang, 'card.reasonWhy', { reason, why: msg(lang, why) }) : reason];
}

/**
 * Whether the page lists this issuer as one it recognises. Only a verified identifier counts: a trusted DID must be
 * the verified signer; a trusted https issuer id must be the credential's issuer and on the verified signer's domain.
 */
export function isTrustedIssuer(view: BadgeView, trusted: readonly string[]): boolean {
  const verified = view.issuer.verifiedIdentifier;
  if (!verified) return false;
  return trusted.some((t) => t === verified || (t === view.issuer.id && identifierOf(t) === verified));
}

/** The first heading level of the card: 1 to 6, or the default 3. */
export function headingLevel(value: unknown): number | undefined {
  const level = typeof value === 'number' ? value : Number.NaN;
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : undefined;
}
