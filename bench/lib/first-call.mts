/**
 * One fresh process, one measurement (bench/verify.node.mts runs it several times): the cost of importing the core
 * and of the first verification of the benchmark's eddsa-rdfc-2022 badge, without (`cold`) or after (`warm`) the
 * warm-up. The credentials are made first (they load the signing libraries, not the verifier's modules). Prints
 * one line of JSON.
 */
import { makeBenchCredentials } from './credentials.mts';

const mode = process.argv[2] === 'warm' ? 'warm' : 'cold';
const credentials = await makeBenchCredentials();
const fetch = (async (url: string) => {
  const doc = credentials.documents[url];
  return doc ? new Response(JSON.stringify(doc), { status: 200 }) : new Response('', { status: 404 });
}) as unknown as typeof globalThis.fetch;

const t0 = performance.now();
const core = await import('../../src/core/index.js');
const t1 = performance.now();
let warmUp = 0;
if (mode === 'warm') {
  const ready = await core.warmUp();
  if (!ready) throw new Error('warm-up did not verify');
  warmUp = performance.now() - t1;
}
const statusCache = new core.StatusListCache();
const t2 = performance.now();
const first = await core.verifyCredential(structuredClone(credentials.eddsa), { fetch, statusCache });
const t3 = performance.now();
await core.verifyCredential(structuredClone(credentials.eddsa), { fetch, statusCache });
const t4 = performance.now();
if (first.verdict !== 'verified') throw new Error(`not verified: ${first.verdict}`);
console.log(JSON.stringify({ import: t1 - t0, warmUp, verify: t3 - t2, second: t4 - t3 }));
