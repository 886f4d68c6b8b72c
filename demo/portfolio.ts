/**
 * Portfolio: the badge is in the page's HTML (portfolio.html): one <vb-badge-card src=…> with a verify button and
 * the badge actions in its `actions` slot. This module only sets the page up (site.ts registers the elements) and
 * says so on the page when the demo badges are missing.
 *
 * (A bare `import './site.js'` would not do: the package's `sideEffects` list lets the bundler drop it.)
 */
import { demoIndex } from './site.js';

demoIndex();
