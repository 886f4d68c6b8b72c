/**
 * verifiable-badges/verify-button: the `<vb-verify-button>` class only. Importing it registers nothing; define it
 * under the tag you choose, or import `verifiable-badges` (or `verifiable-badges/define`) to register every element.
 */
export { VbVerifyButton } from './components/verify-button/verify-button.js';
