/**
 * Pure helpers of <vb-passport>: what a settled result counts as in the summary, the skills overview, and the order
 * of the cards. No DOM here.
 */
import type { Alignment, BadgeView, VerificationResult } from '../../core/index.js';
import type { Language } from '../shared/i18n.js';
import { msg, type PassportKey as MessageKey } from './messages.js';

/** What one card counts as in the summary line. */
export type BadgeStatus = 'verified' | 'expired' | 'revoked' | 'suspended' | 'failed' | 'indeterminate' | 'verifying';

/** The summary's order, and the message of each count. */
export const SUMMARY_ORDER: readonly BadgeStatus[] = ['verified', 'expired', 'revoked', 'suspended', 'failed', 'indeterminate', 'verifying'];

const SUMMARY_KEYS: Record<BadgeStatus, MessageKey> = {
  verified: 'passport.summary.verified',
  expired: 'passport.summary.expired',
  revoked: 'passport.summary.revoked',
  suspended: 'passport.summary.suspended',
  failed: 'passport.summary.failed',
  indeterminate: 'passport.summary.indeterminate',
  verifying: 'passport.summary.verifying',
};

/**
 * A settled result as the summary counts it. Revoked, then suspended, win over expired, as it says more; any other
 * failure (signature, issuer, format, a transcript with a bad credential inside) is "not valid".
 */
export function statusOf(result: VerificationResult | undefined): BadgeStatus {
  if (!result) return 'verifying';
  if (result.verdict !== 'failed') return result.verdict;
  const failed = result.checks.filter((c) => c.outcome === 'failed');
  if (failed.some((c) => c.id === 'status' && c.code === 'revoked')) return 'revoked';
  if (failed.some((c) => c.id === 'status' && c.code === 'suspended')) return 'suspended';
  if (failed.some((c) => c.id === 'validity' && c.code === 'expired')) return 'expired';
  return 'failed';
}

/** "12 verified · 1 expired · 1 could not be checked", leaving out the counts that are zero. */
export function summaryOf(statuses: readonly BadgeStatus[], lang: Language): string {
  const counts = new Map<BadgeStatus, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return SUMMARY_ORDER.filter((s) => counts.get(s))
    .map((s) => msg(lang, SUMMARY_KEYS[s], { count: counts.get(s)! }))
    .join(' · ');
}

/** One distinct skill of the overview. */
export interface Skill {
  /** `framework|code|name` (a `|` or `%` inside a part is percent-encoded): the value of the `filter` attribute. */
  key: string;
  name: string;
  framework?: string;
  code?: string;
  /** How many verified badges back it. */
  count: number;
  /** How many badges name it, verified or not. */
  badges: number;
}

const part = (value: string | undefined) => (value ?? '').trim().replace(/%/g, '%25').replace(/\|/g, '%7C');

/** The key of an alignment's skill, or undefined when it names nothing (no name and no code). */
export function skillKey(alignment: Alignment): string | undefined {
  if (!alignment.targetName?.trim() && !alignment.targetCode?.trim()) return undefined;
  return [part(alignment.targetFramework), part(alignment.targetCode), part(alignment.targetName)].join('|');
}

export function hasSkill(view: BadgeView | undefined, key: string): boolean {
  return !!view?.alignments.some((a) => skillKey(a) === key);
}

export interface Counted {
  status: BadgeStatus;
  view?: BadgeView;
}

/**
 * The skills of every settled badge, each with how many verified badges back it. Skills only unverified badges
 * claim stay in the list with 0, so a reader sees them claimed but not backed (and can filter to those badges).
 * Sorted by count (most first), then name.
 */
export function skillsOf(badges: readonly Counted[]): Skill[] {
  const skills = new Map<string, Skill>();
  for (const { status, view } of badges) {
    if (status === 'verifying' || !view) continue;
    const seen = new Set<string>();
    for (const alignment of view.alignments) {
      const key = skillKey(alignment);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      let skill = skills.get(key);
      if (!skill) {
        skill = {
          key,
          name: alignment.targetName?.trim() || alignment.targetCode!.trim(),
          framework: alignment.targetFramework?.trim() || undefined,
          code: alignment.targetCode?.trim() || undefined,
          count: 0,
          badges: 0,
        };
        skills.set(key, skill);
      }
      skill.badges++;
      if (status === 'verified') skill.count++;
    }
  }
  return [...skills.values()].sort((a, b) => b.count - a.count || compareText(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Text order without Intl, for the skills overview every passport shows: case and accents aside, numbers by value
 * ("Level 2" before "Level 10"). A page's first Intl.Collator loads the browser's locale data, one task of 30–190 ms
 * measured in Chromium here; sorting the cards by name (a reader's choice) still uses one.
 */
export function compareText(a: string, b: string): number {
  const x = foldText(a);
  const y = foldText(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    const numeric = /^\d/.test(p) && /^\d/.test(q);
    if (numeric && Number(p) !== Number(q)) return Number(p) - Number(q);
    if (numeric) continue;
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/** Lower case without accents, in runs of digits and of other characters. */
function foldText(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/\d+|\D+/g) ?? [];
}

export type SortOrder = 'date' | 'name';
export const SORT_ORDERS: readonly SortOrder[] = ['date', 'name'];

export interface Sortable {
  index: number;
  view?: BadgeView;
}

export function nameOf(view: BadgeView | undefined): string | undefined {
  return (view?.achievement?.name ?? view?.credentialName)?.trim() || undefined;
}

/**
 * Newest first (`view.issued`) or by name in the page's language. Badges with no date or name yet (still loading)
 * go last, and ties keep the order of the list.
 */
export function sortBadges<T extends Sortable>(badges: readonly T[], order: SortOrder, lang: Language): T[] {
  // Made only when names are compared: the first collator of a page is costly (its language's data loads).
  let collator: Intl.Collator | undefined;
  const time = (b: T) => {
    const t = Date.parse(b.view?.issued ?? '');
    return Number.isNaN(t) ? undefined : t;
  };
  // Each badge's sort key is read once, not at every comparison.
  const keyed = badges.map((badge) => ({ badge, key: order === 'name' ? nameOf(badge.view) : time(badge) }));
  const compare =
    order === 'name'
      ? (x: string | number | undefined, y: string | number | undefined) =>
          x === undefined ? (y === undefined ? 0 : 1) : y === undefined ? -1 : (collator ??= collatorFor(lang)).compare(x as string, y as string)
      : (x: string | number | undefined, y: string | number | undefined) =>
          x === undefined ? (y === undefined ? 0 : 1) : y === undefined ? -1 : (y as number) - (x as number);
  return keyed.sort((a, b) => compare(a.key, b.key) || a.badge.index - b.badge.index).map((k) => k.badge);
}

/** Making a collator costs far more than using one: one per language, kept for the page. */
const collators = new Map<Language, Intl.Collator>();
function collatorFor(lang: Language): Intl.Collator {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
    collators.set(lang, collator);
  }
  return collator;
}
