/**
 * verifiable-badges: importing this module registers <vb-badge-card>, <vb-verify-button>, <vb-passport> and
 * <vb-badge-actions>.
 * The classes, the page configuration, the events' details and the core's API are exported too, so the single-file
 * bundle (dist/verifiable-badges.js, built from this module) is all a page needs: `configure({ statusCache: new
 * StatusListCache({ ttlMs }) })`, `verifyCredential(...)` and `bakePng(...)` come from the same file as the elements.
 */
import './define.js';

export { VbBadgeCard } from './components/badge-card/badge-card.js';
export { VbVerifyButton } from './components/verify-button/verify-button.js';
export { VbBadgeActions, type VbBadgeDownloadDetail } from './components/badge-actions/badge-actions.js';
export { VbPassport, type VbPassportReadyDetail } from './components/passport/passport.js';
export { configure, type VerifierConfig } from './components/shared/config.js';
export type { VerificationState } from './components/shared/state.js';
export type { VbVerifyEndDetail, VbVerifyProgressDetail, VbVerifyStartDetail } from './components/shared/events.js';
export * from './core/index.js';
