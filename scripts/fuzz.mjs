#!/usr/bin/env node
// `npm run fuzz`: the full mutation and fuzz run (Node). The same test files run bounded inside `npm test`; here
// FUZZ_SCALE raises the counts (at least 10,000 mutants) and FUZZ_SEED is random unless given, and printed, so a
// failure can be replayed with `FUZZ_SEED=<seed> npm run fuzz`.
//
// A watchdog ends the run when it takes longer than FUZZ_TIME_LIMIT_MIN minutes (default 60): a synchronous hang in
// a parser cannot be interrupted from inside the test process, so it is caught here. After the run, the figures in
// test-output/hardening/*.json are checked: at least 10,000 mutants and none verified, no fuzz input that threw,
// went over the hang guard or verified.
import {spawn} from 'node:child_process';
import {randomInt} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seed = process.env.FUZZ_SEED && /^\d+$/.test(process.env.FUZZ_SEED) ? process.env.FUZZ_SEED : String(randomInt(0, 2 ** 32));
const scale = process.env.FUZZ_SCALE ?? '13';
const minMutants = Number(process.env.FUZZ_MIN_MUTANTS ?? 10_000);
const limitMin = Number(process.env.FUZZ_TIME_LIMIT_MIN ?? 60);
const reports = path.join(root, 'test-output', 'hardening');
const files = ['test/hardening/mutation.test.ts', 'test/hardening/fuzz.node.test.ts', 'test/hardening/fuzz.test.ts'];

console.log(`fuzz: seed ${seed} (replay with FUZZ_SEED=${seed}), scale ${scale}, time limit ${limitMin} min`);
for (const name of ['mutation-report.json', 'fuzz-report.json']) fs.rmSync(path.join(reports, name), {force: true});

const started = Date.now();
const child = spawn(
  process.execPath,
  [path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--node-option', 'import=tsx', '--extension', 'ts', '--ui', 'bdd', '--timeout', '0', '--reporter', 'spec', ...files],
  {cwd: root, stdio: 'inherit', detached: true, env: {...process.env, FUZZ_SEED: seed, FUZZ_SCALE: scale}},
);
let timedOut = false;
const watchdog = setTimeout(() => {
  timedOut = true;
  console.error(`fuzz: still running after ${limitMin} min: a hang (or a far too slow input). Stopping it.`);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}, limitMin * 60_000);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
    process.exit(130);
  });
}

const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 128 : 1))));
clearTimeout(watchdog);

const problems = [];
if (timedOut) problems.push(`the run did not finish within ${limitMin} minutes`);
if (code !== 0) problems.push(`the tests failed (exit code ${code})`);
const read = (name) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(reports, name), 'utf8'));
  } catch {
    problems.push(`no ${name} was written`);
    return undefined;
  }
};
const mutation = read('mutation-report.json');
const fuzz = read('fuzz-report.json');

console.log(`\nfuzz: summary (seed ${seed}, scale ${scale}, ${Math.round((Date.now() - started) / 1000)} s)`);
if (mutation) {
  const t = mutation.total;
  console.log(`  mutants: ${t.mutants} (verified ${t.verified}, failed ${t.failed}, indeterminate ${t.indeterminate}) over ${Object.keys(mutation.kinds).length} fixture kinds`);
  if (t.mutants < minMutants) problems.push(`only ${t.mutants} mutants, fewer than ${minMutants}`);
  if (t.verified !== 0) problems.push(`${t.verified} mutants verified`);
}
if (fuzz) {
  const targets = Object.values(fuzz.targets);
  const sum = (key) => targets.reduce((n, s) => n + (s[key] ?? 0), 0);
  console.log(`  fuzz inputs: ${sum('tried')} over ${targets.length} targets (verified ${sum('verified')}, threw ${sum('threw')}, over the ${fuzz.hangGuardMs} ms guard ${sum('overGuard')})`);
  if (fuzz.memory) console.log(`  heap: growth ${fuzz.memory.growthMB} MB over ${fuzz.memory.inputs} inputs (bound ${fuzz.memory.boundMB} MB)`);
  else problems.push('no heap figures were recorded');
  if (sum('verified') || sum('threw') || sum('overGuard')) problems.push('a fuzz input threw, hung or verified');
}
console.log(`  reports: ${path.relative(root, reports)}/mutation-report.json, fuzz-report.json`);
if (problems.length) {
  console.error(`fuzz: FAILED: ${problems.join('; ')}`);
  process.exit(1);
}
console.log('fuzz: passed');
