/**
 * Result types of the verification core. Everything here is plain, JSON-serialisable data: results cross Worker
 * boundaries, land in logs and are printed by the command line.
 */

import type { NameFlag } from './text-safety.js';

/** The stable ids of the checks, in the order they run and are reported. */
export const CHECK_IDS = ['format', 'signature', 'validity', 'status', 'schema'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const OUTCOMES = ['passed', 'failed', 'indeterminate', 'skipped'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const VERDICTS = ['verified', 'failed', 'indeterminate'] as const;
export type Verdict = (typeof VERDICTS)[number];

// The table of codes is its own module: most pages never read it, and what imports this module need not carry it.
export { CODES } from './codes.js';
import type { CODES } from './codes.js';
export type Code = keyof typeof CODES;

/** CODES.aborted, for the pipeline without the table (the type makes the two texts the same). */
export const ABORTED_MESSAGE: (typeof CODES)['aborted'] = 'verification was cancelled through the AbortSignal';

/** JSON values, for details attached to a check. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One check of the pipeline, with its outcome. */
export interface Check {
  id: CheckId;
  outcome: Outcome;
  code: Code;
  /** A sentence for people, naming what was found. */
  message: string;
  /** Extra data a page may show (the signing key and controller, the expiry date, ...). */
  details?: { [key: string]: JsonValue };
}

/** What the signature check learnt about a proof that verified. */
export interface ProofDetails {
  type: string;
  cryptosuite?: string;
  verificationMethod: string;
  controller: string;
  created?: string;
}

export interface Alignment {
  targetName?: string;
  targetCode?: string;
  targetFramework?: string;
  targetUrl?: string;
  targetDescription?: string;
  targetType?: string;
}

export interface Evidence {
  id?: string;
  name?: string;
  description?: string;
  narrative?: string;
  genre?: string;
  audience?: string;
}

export interface ResultView {
  value?: string;
  status?: string;
  achievedLevel?: string;
  resultDescription?: string;
}

/**
 * A plain view model of what a page shows for a credential. Every string is plain text (never HTML); every URL is
 * https (images may also be raster `data:` URLs). Self-asserted fields (names, descriptions) are as the credential
 * says; `issuer.verifiedIdentifier` is set only when the signature check passed.
 */
export interface BadgeView {
  /** Open Badges credential, endorsement, CLR transcript, or another verifiable credential. */
  kind: 'achievement' | 'endorsement' | 'clr' | 'credential';
  id?: string;
  /** The credential's own name, when it has one. */
  credentialName?: string;
  achievement?: {
    id?: string;
    name?: string;
    description?: string;
    image?: string;
    criteria?: string;
    criteriaUrl?: string;
    achievementType?: string;
    tags?: string[];
  };
  issuer: {
    id?: string;
    name?: string;
    url?: string;
    image?: string;
    email?: string;
    /** The DID or domain that signed the credential, from the verified key. */
    verifiedIdentifier?: string;
    /**
     * Set when the self-asserted `name` hid direction controls or invisible characters (removed from `name`) or mixes
     * look-alike scripts in one word: show the verified identifier beside it (see core/text-safety.ts).
     */
    nameFlags?: NameFlag[];
  };
  /** ISO dates as the credential states them. */
  issued?: string;
  expires?: string;
  recipient?: { id?: string; name?: string; identifiers?: { type?: string; hashed?: boolean; identity?: string }[] };
  alignments: Alignment[];
  evidence: Evidence[];
  results: ResultView[];
  endorsementCount: number;
  /** CLR 2.0 transcripts: the achievements and how they relate. */
  clr?: {
    achievements: { id?: string; name?: string; description?: string; achievementType?: string }[];
    associations: { associationType?: string; sourceId?: string; targetId?: string }[];
  };
}

export interface VerificationResult {
  /**
   * The verdict of the whole. For a CLR transcript it is the worst of the transcript's own checks and its nested
   * credentials' verdicts (`nestedSummary` counts them).
   */
  verdict: Verdict;
  checks: Check[];
  /** The credential that was checked, as parsed (present once the input was read). */
  credential?: { [key: string]: JsonValue };
  /** What a page shows (present once the input was recognised as a credential). */
  view?: BadgeView;
  /** CLR 2.0: each credential of `credentialSubject.verifiableCredential`, verified the same way. */
  nested?: VerificationResult[];
  nestedSummary?: { total: number; verified: number; failed: number; indeterminate: number };
  /** Endorsements of the credential, its achievement or its issuer, each verified like a credential. */
  endorsements?: VerificationResult[];
}

/** The verdict of a list of checks: verified only when none failed and none is indeterminate. */
export function verdictOf(checks: readonly Check[]): Verdict {
  if (checks.some((c) => c.outcome === 'failed')) return 'failed';
  if (checks.some((c) => c.outcome === 'indeterminate')) return 'indeterminate';
  return 'verified';
}
