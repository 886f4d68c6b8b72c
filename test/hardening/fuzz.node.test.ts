/**
 * Memory stays bounded while verifyCredential takes random and structure-aware inputs (Node only: it reads the V8
 * heap after a forced collection). A generous bound: this catches a leak (results, caches or buffers kept per input),
 * not a few megabytes of warm-up.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { expect } from 'chai';
import fc from 'fast-check';
import { StatusListCache, verifyCredential } from '../../src/core/index.js';
import { NOW } from '../support/issuer.js';
import { SEED, anything, bytes, credentialLike, deepJsonText, jwtLike, memory, pngLike, probe, runs, seedOf, svgLike, text, wellFormedUnverified, writeFuzzReport } from './fuzz-harness.js';

const BOUND_MB = 64;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

describe('fuzzing: memory stays bounded (Node)', function () {
  this.timeout(600_000);

  after(async () => {
    await writeFuzzReport();
  });

  it(`verifyCredential on random inputs keeps the heap within ${BOUND_MB} MB of where it started`, async () => {
    const cache = new StatusListCache();
    const input = fc.oneof(text(300), bytes(1024), anything, pngLike, svgLike, jwtLike, deepJsonText, credentialLike());
    const run = async (n: number, seed: number) => {
      for (const value of fc.sample(input, { seed, numRuns: n })) {
        const ok = await probe('verify: heap run', value, () => verifyCredential(value, { now: NOW, fetch: async () => new Response('no', { status: 404 }), statusCache: cache }), wellFormedUnverified, true);
        expect(ok, 'a random input threw, hung or verified').to.equal(true);
      }
    };
    const n = runs(400);
    await run(Math.min(n, 200), seedOf('heap-warm-up', SEED)); // loads the lazy modules and contexts
    const before = heapMb();
    await run(n, seedOf('heap', SEED));
    const after = heapMb();
    memory.figures = { inputs: n, heapBeforeMB: round(before), heapAfterMB: round(after), growthMB: round(after - before), boundMB: BOUND_MB };
    console.log(`  heap: ${n} inputs, ${round(before)} MB before, ${round(after)} MB after (growth ${round(after - before)} MB, bound ${BOUND_MB} MB)`);
    expect(after - before).to.be.lessThan(BOUND_MB);
  });
});

const round = (mb: number) => Math.round(mb * 10) / 10;
