/**
 * verifiable-badges: importing this module registers <vb-badge-card>, <vb-verify-button> and <vb-passport>.
 * The classes, the page configuration and the core's types are exported too.
 */
import './define.js';

export { VbBadgeCard } from './components/badge-card/badge-card.js';
export { VbVerifyButton } from './components/verify-button/verify-button.js';
export { VbPassport } from './components/passport/passport.js';
export { configure, type VerifierConfig } from './components/shared/config.js';
export type { VerificationState } from './components/shared/state.js';
export type { BadgeView, Check, VerificationResult, Verdict } from './core/index.js';
