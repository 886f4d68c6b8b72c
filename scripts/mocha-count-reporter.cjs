// Mocha reporter: the usual "spec" output on the console, plus the final counts written
// as JSON to the file named by MOCHA_COUNTS_FILE (read by scripts/test.mjs).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

const {Spec} = Mocha.reporters;
const {EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING} = Mocha.Runner.constants;

class CountReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    const counts = {passed: 0, failed: 0, skipped: 0};
    runner.on(EVENT_TEST_PASS, () => counts.passed++);
    // also counts hook failures ("before all" hook ...), which mocha reports as failures
    runner.on(EVENT_TEST_FAIL, () => counts.failed++);
    runner.on(EVENT_TEST_PENDING, () => counts.skipped++);
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.MOCHA_COUNTS_FILE;
      if (file) {
        fs.mkdirSync(path.dirname(file), {recursive: true});
        fs.writeFileSync(file, JSON.stringify(counts));
      }
    });
  }
}

module.exports = CountReporter;
