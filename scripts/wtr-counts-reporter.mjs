// web-test-runner reporter: writes the final test counts as JSON to the file named by
// WTR_COUNTS_FILE (read by scripts/test.mjs). A test file that fails without a failing
// test (it did not load, a hook failed, the browser crashed ...) counts as one failure.
import fs from 'node:fs';
import path from 'node:path';

function countSuite(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}

export function countsReporter() {
  let testFiles = 0;
  let written = false;
  const write = (sessions) => {
    const counts = {passed: 0, failed: 0, skipped: 0, files: testFiles, fileErrors: 0};
    for (const session of sessions) {
      const before = counts.failed;
      countSuite(session.testResults, counts);
      if (session.passed === false && counts.failed === before) {
        counts.failed++;
        counts.fileErrors++;
      }
    }
    const file = process.env.WTR_COUNTS_FILE;
    if (file) {
      fs.mkdirSync(path.dirname(file), {recursive: true});
      fs.writeFileSync(file, JSON.stringify(counts));
    }
    written = true;
  };
  return {
    start({testFiles: files}) {
      testFiles = files.length;
    },
    onTestRunFinished({sessions}) {
      write(sessions);
    },
    stop({sessions}) {
      if (!written) write(sessions);
    },
  };
}
