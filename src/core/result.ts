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

/**
 * Stable codes, one per distinct reason. A page may branch on these; the `message` beside them is for people.
 * Documented in README.md ("Check ids and codes").
 */
export const CODES = {
  // any check
  ok: 'the check passed',
  'not-run': 'an earlier check failed, so this one did not run',
  'internal-error': 'the check could not run because of an unexpected error',
  aborted: 'verification was cancelled through the AbortSignal',
  // format
  'unsupported-input': 'the input is of a kind the core does not read (yet)',
  'unrecognised-input': 'the input is neither a URL, JSON, nor a known credential encoding',
  'insecure-url': 'the URL is not https (plain http only for localhost)',
  'fetch-failed': 'the credential could not be fetched (network error)',
  'http-error': 'the server answered with an error status',
  timeout: 'the request took longer than the timeout',
  'too-large': 'the input or response is larger than the size cap',
  'invalid-json': 'the text is not valid JSON',
  'not-json-data': 'the object is not plain JSON data (cycles, functions, shared references)',
  'too-deep': 'the JSON nests deeper than the depth cap',
  'not-a-credential': 'the JSON is not a verifiable credential',
  'invalid-image': 'the PNG or SVG is truncated, corrupt, or not what it claims to be',
  'no-baked-credential': 'the image carries no Open Badges 3.0 credential',
  'several-baked-credentials': 'the image carries more than one credential',
  'invalid-jwt': 'the compact JWS is malformed (header, payload or signature cannot be read)',
  'unknown-context': 'an @context is not one of the pinned contexts (it is never fetched)',
  'unsafe-context': 'an inline @context redefines @vocab, @base or imports another context',
  'missing-issuer': 'the credential has no issuer id',
  'missing-subject': 'the credential has no credentialSubject',
  'invalid-jsonld': 'the credential does not process as JSON-LD in safe mode (undefined term, relative type, ...)',
  // signature
  'no-proof': 'the credential carries no proof',
  'unsupported-proof': 'no proof is of a type or cryptosuite the core verifies',
  'wrong-proof-purpose': 'the proof purpose is not assertionMethod',
  'invalid-signature': 'the signature does not match the credential',
  'key-not-found': 'the verification method could not be found or is not a usable key',
  'key-unreachable': 'the document holding the key could not be fetched',
  'unsupported-key-type': 'the key is of a type the core does not verify',
  'issuer-mismatch': 'the key is controlled by someone other than the issuer',
  'not-assertion-method': 'the key is not listed under the controller\'s assertionMethod',
  'disallowed-alg': 'the JWT algorithm is not allowed (none, HMAC) or does not match the key type',
  'claims-mismatch': 'the JWT claims (iss, sub, jti, nbf, exp) disagree with the credential',
  // validity
  'invalid-date': 'a date is missing or not an XML Schema dateTime',
  expired: 'the credential\'s validity ended',
  'not-yet-valid': 'the credential\'s validity has not started',
  // status / schema
  'no-status': 'the credential has no credentialStatus',
  'status-unsupported': 'the status entry is of a type this verifier does not check',
  revoked: 'the issuer has revoked the credential',
  suspended: 'the issuer has suspended the credential',
  'status-list-unreachable': 'the status list could not be fetched',
  'status-list-invalid': 'the status list is not a valid, verified list of the issuer (proof, dates, type, purpose, encoding)',
  'status-entry-invalid': 'the status entry is malformed (missing list URL, index out of range, bad status size)',
  'no-schema': 'the credential names no credentialSchema',
  'schema-unsupported': 'schema validation is not available for this schema',
  'schema-invalid': 'the credential does not match its JSON Schema',
} as const;
export type Code = keyof typeof CODES;

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
