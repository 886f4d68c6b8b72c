/**
 * verifiable-badges/config: `configure()`, the page's verifier configuration, without registering anything. The same
 * function is exported by `verifiable-badges`, `verifiable-badges/define` and `verifiable-badges/react`.
 */
export { configure, type VerifierConfig } from './components/shared/config.js';
