// Node test suite: test/**/*.test.ts, which includes the Node-only test/**/*.node.test.ts;
// test/**/*.browser.test.ts (DOM, custom elements) run only in Chromium.
// TypeScript, JSON imports and CommonJS dependencies are loaded through tsx.
'use strict';
module.exports = {
  spec: ['test/**/*.test.ts'],
  ignore: ['test/**/*.browser.test.ts'],
  extension: ['ts'],
  'node-option': ['import=tsx'],
  ui: 'bdd',
  timeout: 20000,
  slow: 2000,
};
