#!/usr/bin/env node
// `npm test`: runs the Node suite (mocha + tsx), then the Chromium suite (web-test-runner),
// and ends with one line `tests: N passed, M failed, K skipped` summing both runs.
// Exit code is non-zero when a test failed or a runner crashed / did not report.
//
// After them, the end-to-end checks: the single-file bundle on a plain HTML page, every element under a strict
// Content-Security-Policy, and the built demo clicked through in Chromium (scripts/plain-page-check.mjs,
// scripts/csp-page-check.mjs, scripts/e2e.mjs).
//
// TEST_ONLY=node or TEST_ONLY=browser runs just one of the suites (and no end-to-end check).
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.env.TEST_ONLY;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-test-counts-'));

let current = null;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (current) current.kill(signal);
    process.exitCode = 130;
  });
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {cwd: root, stdio: 'inherit', env: {...process.env, ...env}});
    current = child;
    child.on('error', (error) => {
      current = null;
      console.error(error);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** Runs a script whose output ends with a summary line; echoes its output and returns [exit code, output]. */
function runCaptured(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env});
    current = child;
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', (error) => {
      current = null;
      console.error(error);
      resolve([1, output]);
    });
    child.on('exit', (code, signal) => {
      current = null;
      resolve([code ?? (signal ? 128 : 1), output]);
    });
  });
}

function readCounts(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const total = {passed: 0, failed: 0, skipped: 0};
const problems = [];

/** Adds a runner's counts; a runner that exits non-zero without a failing test counts as one failure. */
function account(name, code, counts) {
  if (!counts) {
    problems.push(`${name}: the runner exited with code ${code} and reported no results (crashed?)`);
    total.failed++;
    return;
  }
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  if (code !== 0 && counts.failed === 0) {
    problems.push(`${name}: the runner exited with code ${code} although no test failed`);
    total.failed++;
  }
}

if (only !== 'browser') {
  console.log('\n=== Node tests (mocha + tsx) ===\n');
  const countsFile = path.join(outDir, 'node.json');
  const code = await run(
    process.execPath,
    [path.join(root, 'node_modules/mocha/bin/mocha.js'), '--reporter', path.join(root, 'scripts/mocha-count-reporter.cjs')],
    {MOCHA_COUNTS_FILE: countsFile},
  );
  account('Node suite', code, readCounts(countsFile));
}

if (only !== 'node') {
  console.log('\n=== Chromium tests (web-test-runner) ===\n');
  const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chrome)) {
    const message =
      `Chromium not found at ${chrome}: the browser tests cannot run. ` +
      'Install it with `apt-get update && apt-get install -y chromium` (or set CHROME_PATH). No browser is downloaded.';
    console.error(message);
    problems.push(message);
    total.failed++;
  } else {
    const countsFile = path.join(outDir, 'browser.json');
    const code = await run(
      process.execPath,
      [
        path.join(root, 'node_modules/@web/test-runner/dist/bin.js'),
        '--config',
        path.join(root, 'web-test-runner.config.mjs'),
      ],
      {WTR_COUNTS_FILE: countsFile},
    );
    account('Chromium suite', code, readCounts(countsFile));
  }
}

// End-to-end: the single-file bundle on a plain HTML page, and the built demo clicked through, in Chromium.
if (only !== 'node' && only !== 'browser') {
  console.log('\n=== End-to-end (plain page, strict-CSP page, demo) ===\n');
  const [plainCode, plainOut] = await runCaptured(['--import', 'tsx', path.join(root, 'scripts/plain-page-check.mjs')]);
  const plainOk = plainCode === 0 && /^plain page: ok$/m.test(plainOut);
  account('plain page', plainCode, {passed: plainOk ? 1 : 0, failed: plainOk ? 0 : 1, skipped: 0});
  const [cspCode, cspOut] = await runCaptured(['--import', 'tsx', path.join(root, 'scripts/csp-page-check.mjs')]);
  const csp = /^csp page: (\d+) passed, (\d+) failed$/m.exec(cspOut);
  account('strict-CSP page', cspCode, csp ? {passed: Number(csp[1]), failed: Number(csp[2]), skipped: 0} : null);
  const [e2eCode, e2eOut] = await runCaptured(['--import', 'tsx', path.join(root, 'scripts/e2e.mjs')]);
  const m = /^e2e: (\d+) passed, (\d+) failed$/m.exec(e2eOut);
  account('end-to-end', e2eCode, m ? {passed: Number(m[1]), failed: Number(m[2]), skipped: 0} : null);
}

fs.rmSync(outDir, {recursive: true, force: true});

console.log('');
for (const problem of problems) console.error(`ERROR ${problem}`);
let line = `tests: ${total.passed} passed, ${total.failed} failed`;
if (total.skipped) line += `, ${total.skipped} skipped`;
console.log(line);
process.exitCode = total.failed > 0 || problems.length > 0 ? 1 : process.exitCode ?? 0;
