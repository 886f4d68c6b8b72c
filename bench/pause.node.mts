/**
 * How a pause between two verifications changes a warm one, on this machine: the same eddsa-rdfc-2022 badge verified
 * back to back, then after 10 ms of computation on the same thread (no allocation), then after 10 ms asleep (a
 * timer). `npm run bench` interleaves this project with verifier-core, so each of our runs follows 13 ms of other
 * work; this shows how much of the difference between that figure and a run alone is the gap itself, whatever fills
 * it (caches and branch predictors of a loaded 2-CPU machine), rather than verifier-core's garbage.
 *
 *   node --import tsx bench/pause.node.mts [runs]      (default 150 timed runs per case, 3 rounds)
 */
import os from 'node:os';
import { StatusListCache, verifyCredential } from '../src/core/index.js';
import { makeBenchCredentials, memoryFetch, stats } from './lib/credentials.mts';

const RUNS = Number(process.argv[2] ?? 150);
const credentials = await makeBenchCredentials();
const fetch = memoryFetch(credentials.documents);
const statusCache = new StatusListCache();
const badge = credentials.eddsa;
const first = await verifyCredential(badge, { fetch, statusCache });
if (first.verdict !== 'verified') throw new Error(`not verified: ${JSON.stringify(first.checks)}`);
for (let i = 0; i < 200; i++) await verifyCredential(badge, { fetch, statusCache });

let sink = 0;
const compute = () => {
  const t = performance.now();
  while (performance.now() - t < 10) sink += Math.sqrt(sink + 1);
};
const sleep = () => new Promise<void>((resolve) => setTimeout(resolve, 10));
const gaps: [string, () => unknown][] = [
  ['back to back', () => undefined],
  ['after 10 ms of computation', compute],
  ['after 10 ms asleep', sleep],
];
console.log(`warm eddsa-rdfc-2022 verification, median of ${RUNS} per case and round (load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`);
for (let round = 1; round <= 3; round++) {
  const line: string[] = [];
  for (const [name, gap] of gaps) {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await gap();
      const t0 = performance.now();
      await verifyCredential(badge, { fetch, statusCache });
      samples.push(performance.now() - t0);
    }
    line.push(`${name} ${stats(samples).median.toFixed(3)} ms`);
  }
  console.log(`  round ${round}: ${line.join(', ')}`);
}
if (sink < 0) console.log(sink);
