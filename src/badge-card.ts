/**
 * verifiable-badges/badge-card: the `<vb-badge-card>` class only. Importing it registers nothing; define it under the
 * tag you choose, or import `verifiable-badges` (or `verifiable-badges/define`) to register every element.
 */
export { VbBadgeCard } from './components/badge-card/badge-card.js';
