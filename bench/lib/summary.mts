/**
 * Writes bench/RESULTS.md from bench/results/verify-node.json and verify-browser.json (whichever exist).
 *   node --import tsx bench/lib/summary.mts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (name: string) => {
  const file = path.join(root, 'bench/results', name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
};
const node = read('verify-node.json');
const browser = read('verify-browser.json');
const ms = (x: number) => `${x.toFixed(3)} ms`;
const lines: string[] = [
  '# Verification benchmarks',
  '',
  'Made by `npm run bench` (bench/verify.node.mts, then bench/verify.browser.mjs); raw figures in `bench/results/`.',
  'Both sides verify the same credentials in one process, interleaved (this project, verifier-core, this project, ...),',
  'after a warm-up, offline (in-memory fetch; verifier-core\'s document loader and fetch answer from memory). Timings',
  'taken while other work loads the machine are noisy: the load average is given with each run.',
  '',
];
if (node) {
  const m = node.machine;
  lines.push(
    `## Node (${node.date})`,
    '',
    `Machine: ${m.nproc} CPUs, ${m.cpu}; Node ${m.node}; load average ${m.loadAtStart} at start, ${m.loadAtEnd} at end. jsonld: ${node.jsonldPatch}. ${node.runsPerCase} timed runs per case.`,
    '',
    `- This project checked: ${node.checked.ours}.`,
    `- verifier-core checked: ${node.checked.theirs}.`,
    '',
    '| case | bytes | this project median | p95 | verifier-core median | p95 | ratio | target |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const c of node.cases) {
    lines.push(`| ${c.name} | ${c.bytes} | ${ms(c.ours.median)} | ${ms(c.ours.p95)} | ${c.theirs ? ms(c.theirs.median) : 'n/a'} | ${c.theirs ? ms(c.theirs.p95) : 'n/a'} | ${c.ratio ? `${c.ratio.toFixed(1)}x` : 'n/a'} | ${c.target} |`);
  }
  const r = node.jsonldToRdf;
  lines.push(`| JSON-LD to RDF alone (${r.quads} quads, safe mode, pinned contexts) | | ${ms(r.median)} | ${ms(r.p95)} | | | | ${r.target} |`, '');
  for (const c of node.cases.filter((c: { stack?: unknown }) => c.stack)) {
    lines.push(
      `In the same interleaved loop as the first case, the stack alone (bench/lib/stack-alone.mts: jsonld-signatures and @digitalbazaar/data-integrity with this project's cryptosuite and patched jsonld; no input copy, no format, validity, status or schema check, no view) took ${ms(c.stack.median)} (p95 ${ms(c.stack.p95)}): verifier-core / stack alone ${c.stack.ratio.toFixed(1)}x; this project takes ${(c.ours.median / c.stack.median).toFixed(2)} times the stack alone.`,
      '',
    );
  }
  const cal = node.calibration;
  if (cal) {
    lines.push(
      `The machine at that moment, on work this project does not change (medians in the same process): an Ed25519 signature check through node:crypto ${ms(cal.ed25519Verify)}, SHA-256 of 1 KB ${ms(cal.sha256Of1KB)}, stock jsonld 9.0.0 turning the badge into RDF ${ms(cal.stockJsonldToRdf)}. When issue 7 set its absolute targets, stock jsonld took about 1.6 ms for this and the cryptography under 0.1 ms.`,
      '',
    );
  }
  const fl = node.floors;
  if (fl) {
    lines.push(
      `Floors, the work no verifier of the credential can skip, timed in the same process through node:crypto and rdf-canonize with every key already made and nothing else checked: the VC-JWT badge (split, decode and parse the token, one Ed25519 check) ${ms(fl.jwt)}, against a target of 0.2 ms; the eddsa-rdfc-2022 badge with its two RDF datasets given ready-made, so no JSON-LD to RDF at all (RDFC-1.0 of both, two SHA-256, one Ed25519 check) ${ms(fl.dataIntegrity)}, against a target of about 0.35 ms for the whole verification.`,
      '',
    );
  }
  const f = node.firstCall;
  lines.push(
    `First call in a fresh Node process (median of ${f.runs}): importing the core ${ms(f.cold.import)}. Without warm-up the first verification takes ${ms(f.cold.firstVerify)} (the second ${ms(f.cold.secondVerify)}). With \`warmUp()\` first (${ms(f.warm.warmUp)}, run at idle before any badge), the first verification takes ${ms(f.warm.firstVerify)} (the second ${ms(f.warm.secondVerify)}).`,
    '',
  );
}
if (browser) {
  const m = browser.machine;
  const f = browser.firstCall;
  lines.push(
    `## Chromium (${browser.date})`,
    '',
    `Machine: ${m.nproc} CPUs, ${m.cpu}; Chromium ${m.chromium} (headless); load average ${m.loadAtStart} at start, ${m.loadAtEnd} at end. jsonld: ${browser.jsonldPatch}. The page is not cross-origin isolated, so performance.now() has 0.1 ms resolution.`,
    '',
    '| case | median | p95 | runs | target |',
    '| --- | --- | --- | --- | --- |',
    `| eddsa-rdfc-2022 Open Badge, warm status cache | ${ms(browser.eddsa.median)} | ${ms(browser.eddsa.p95)} | ${browser.eddsa.runs} | ${browser.eddsa.target} |`,
    `| VC-JWT (EdDSA) Open Badge | ${ms(browser.jwt.median)} | ${ms(browser.jwt.p95)} | ${browser.jwt.runs} | |`,
    '',
    ...(browser.floor
      ? [`Floor of the eddsa-rdfc-2022 badge on the same page, with its two RDF datasets given ready-made, so no JSON-LD to RDF at all (RDFC-1.0 of both with the in-place SHA-256, two SHA-256, one Ed25519 check through WebCrypto): ${ms(browser.floor.dataIntegrity)}, against a target of 0.4 ms for the whole verification.`, '']
      : []),
    `First verification on a fresh page (median of ${f.runs}): ${ms(f.cold.firstVerify)} without warm-up (second ${ms(f.cold.secondVerify)}); with \`warmUp()\` first (${ms(f.warm.warmUp)}), ${ms(f.warm.firstVerify)} (second ${ms(f.warm.secondVerify)}).`,
    '',
  );
}
fs.writeFileSync(path.join(root, 'bench/RESULTS.md'), `${lines.join('\n')}`);
console.log('written to bench/RESULTS.md');
