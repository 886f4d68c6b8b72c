/**
 * verifiable-badges/passport: the `<vb-passport>` class only. Importing it registers nothing; define it under the tag
 * you choose, or import `verifiable-badges` (or `verifiable-badges/define`) to register every element.
 *
 * A passport shows its badges as `<vb-badge-card>` elements, so that tag must be defined too.
 */
export { VbPassport } from './components/passport/passport.js';
