/**
 * Profile one case of our own verification, warm, for `node --cpu-prof`: no peer, no timing table, just a loop.
 *
 *   node --cpu-prof --cpu-prof-dir=prof --import tsx bench/profile.node.mts [eddsa|ed25519Signature2020|jwt|clr] [runs]
 *
 * Prints the median of the loop so a change can be checked quickly before the full `npm run bench`.
 */
import { StatusListCache, verifyCredential } from '../src/core/index.js';
import { makeBenchCredentials, memoryFetch, stats } from './lib/credentials.mts';

const which = (process.argv[2] ?? 'eddsa') as 'eddsa' | 'ed25519Signature2020' | 'jwt' | 'clr';
const RUNS = Number(process.argv[3] ?? 2000);
const credentials = await makeBenchCredentials();
const documents = credentials.documents;
const fetch = memoryFetch(documents);
const statusCache = new StatusListCache();
const credential = credentials[which];
const first = await verifyCredential(credential, { fetch, statusCache });
if (first.verdict !== 'verified') throw new Error(`${which}: ${first.verdict} ${JSON.stringify(first.checks.map((c) => [c.id, c.code]))}`);
const samples: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  await verifyCredential(credential, { fetch, statusCache });
  samples.push(performance.now() - t0);
}
const s = stats(samples.slice(Math.min(100, RUNS >> 2)));
console.log(`${which}: median ${s.median.toFixed(3)} ms, p95 ${s.p95.toFixed(3)} ms over ${s.runs} runs`);
