/**
 * The single-file build's `bundle/vb-badge-actions.js`: registers `<vb-badge-actions>` alone, for a page that shows nothing else
 * (`verifiable-badges.js` registers every element). It exports the class and `configure()`.
 */
import { defineElement } from '../components/define-element.js';
import { VbBadgeActions } from '../components/badge-actions/badge-actions.js';

defineElement('vb-badge-actions', VbBadgeActions);
export { VbBadgeActions };
export { configure, type VerifierConfig } from '../components/shared/config.js';
