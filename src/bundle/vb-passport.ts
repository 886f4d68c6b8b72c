/**
 * The single-file build's `bundle/vb-passport.js`: registers `<vb-passport>` and the `<vb-badge-card>` it shows its
 * badges with, for a page that shows nothing else (`verifiable-badges.js` registers every element). It exports both
 * classes and `configure()`.
 */
import { defineElement } from '../components/define-element.js';
import { VbBadgeCard } from '../components/badge-card/badge-card.js';
import { VbPassport } from '../components/passport/passport.js';

defineElement('vb-badge-card', VbBadgeCard);
defineElement('vb-passport', VbPassport);
export { VbBadgeCard, VbPassport };
export { configure, type VerifierConfig } from '../components/shared/config.js';
