/**
 * The single-file build's `bundle/vb-badge-card.js`: registers `<vb-badge-card>` alone, for a page that shows nothing else
 * (`verifiable-badges.js` registers every element). It exports the class and `configure()`.
 */
import { defineElement } from '../components/define-element.js';
import { VbBadgeCard } from '../components/badge-card/badge-card.js';

defineElement('vb-badge-card', VbBadgeCard);
export { VbBadgeCard };
export { configure, type VerifierConfig } from '../components/shared/config.js';
