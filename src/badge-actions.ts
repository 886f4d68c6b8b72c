/**
 * verifiable-badges/badge-actions: the `<vb-badge-actions>` class only ("Download badge" and "Add to LinkedIn" for a
 * card). Importing it registers nothing; import `verifiable-badges` (or `verifiable-badges/define`) to register it.
 */
export { VbBadgeActions, type VbBadgeDownloadDetail } from './components/badge-actions/badge-actions.js';
