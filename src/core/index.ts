/**
 * verifiable-badges/core: the DOM-free verification pipeline. Runs in Node, browsers and Web Workers; every outside
 * effect (fetch, clock) is injected; nothing is fetched or built at import time.
 */
export { verifyCredential, DEFAULTS, type ProgressStep, type VerifyOptions } from './verify.js';
export type { CredentialInput } from './load/input.js';
export { isAllowedUrl, type FetchLike } from './net.js';
export { bakePng, bakeSvg, unbake, type Unbaked } from './bake.js';
export { StatusListCache, sharedStatusListCache, type StatusListCacheOptions } from './status/cache.js';
export { DocumentCache, sharedDocumentCache, type DocumentCacheOptions } from './resolve/cache.js';
export { PINNED_CONTEXT_URLS } from './contexts/urls.js';
export { warmUp } from './warm.js';
export {
  CHECK_IDS,
  CODES,
  OUTCOMES,
  VERDICTS,
  verdictOf,
  type Alignment,
  type BadgeView,
  type Check,
  type CheckId,
  type Code,
  type Evidence,
  type JsonValue,
  type Outcome,
  type ProofDetails,
  type ResultView,
  type Verdict,
  type VerificationResult,
} from './result.js';
