/**
 * The single-file build's `bundle/vb-verify-button.js`: registers `<vb-verify-button>` alone, for a page that shows nothing else
 * (`verifiable-badges.js` registers every element). It exports the class and `configure()`.
 */
import { defineElement } from '../components/define-element.js';
import { VbVerifyButton } from '../components/verify-button/verify-button.js';

defineElement('vb-verify-button', VbVerifyButton);
export { VbVerifyButton };
export { configure, type VerifierConfig } from '../components/shared/config.js';
