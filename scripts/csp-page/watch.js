// Loaded first (a classic, render-blocking, same-origin script: the page has no inline script). Records every
// Content-Security-Policy violation from the start, and the elements' events scripts/csp-page-check.mjs waits for.
(function () {
  'use strict';
  var seen = (window.__cspPage = { violations: [], events: [], policies: [], probing: false });
  // Which Trusted Types policies the page's code creates (Lit's is "lit-html"); recorded, not changed.
  if (window.trustedTypes && typeof window.trustedTypes.createPolicy === 'function') {
    var createPolicy = window.trustedTypes.createPolicy.bind(window.trustedTypes);
    window.trustedTypes.createPolicy = function (name, rules) {
      seen.policies.push(name);
      return createPolicy(name, rules);
    };
  }
  document.addEventListener(
    'securitypolicyviolation',
    function (event) {
      seen.violations.push({
        directive: event.effectiveDirective || event.violatedDirective,
        blockedURI: event.blockedURI,
        sample: event.sample,
        source: event.sourceFile ? event.sourceFile + ':' + event.lineNumber + ':' + event.columnNumber : '',
        probe: seen.probing,
      });
    },
    true,
  );
  ['vb-passport-ready', 'vb-badge-download'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var detail = event.detail || {};
      seen.events.push({ type: type, size: detail.size, format: detail.format, count: detail.results ? detail.results.length : undefined });
    });
  });
  /**
   * Proves the policy is enforced and heard: a string written to an HTML sink must throw (Trusted Types) and be
   * reported as a violation. Run by the check at the end, with `probing` set so its own violation is set apart.
   */
  window.__cspProbe = function () {
    seen.probing = true;
    var threw = false;
    try {
      document.createElement('div').innerHTML = '<b>probe</b>';
    } catch (error) {
      threw = error instanceof TypeError;
    }
    return threw;
  };
})();
