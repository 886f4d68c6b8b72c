/**
 * The only module of the package's entries with a side effect: it registers the elements. Importing an element
 * class elsewhere registers nothing. (The single-file build also has one entry per element, src/bundle/vb-*.ts.)
 */
import { VbBadgeCard } from './components/badge-card/badge-card.js';
import { VbVerifyButton } from './components/verify-button/verify-button.js';
import { VbPassport } from './components/passport/passport.js';
import { VbBadgeActions } from './components/badge-actions/badge-actions.js';

const elements: [string, CustomElementConstructor][] = [
  ['vb-badge-card', VbBadgeCard],
  ['vb-verify-button', VbVerifyButton],
  ['vb-passport', VbPassport],
  ['vb-badge-actions', VbBadgeActions],
];
for (const [tag, element] of elements) if (!customElements.get(tag)) customElements.define(tag, element);
