/**
 * `npm run bench:memory` (node --expose-gc --import tsx bench/memory.node.mts [--count 10000]): verifies 10,000
 * credentials in one Node process and samples the heap after a full GC every 1,000, to show that it stays flat
 * (every cache the verifier keeps is bounded).
 *
 * The credentials churn every page-wide cache: 40 did:web issuers (DID documents), 400 status lists (the list cache
 * holds 100), each credential with its own id and name, one in ten tampered. They are signed once, up front, and
 * verified round-robin through an offline fetch. Prints the heap samples and the growth from the first sample to the
 * last, and writes bench/results/memory-node.json. It never fails on a figure; it exits non-zero only when a
 * verification gives the wrong verdict.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOW, badge, controllerDocument, fakeFetch, makeKey, signDataIntegrity, statusEntry, statusListCredential } from '../test/support/issuer.ts';
import { verifyCredential } from '../src/core/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const COUNT = Number(args[args.indexOf('--count') + 1] || 10_000) || 10_000;
const ISSUERS = 40;
const LISTS = 400;
const POOL = 400;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('bench:memory needs node --expose-gc');
  process.exit(1);
}

const documents: Record<string, unknown> = {};
const keys = [];
for (let i = 0; i < ISSUERS; i++) {
  const did = `did:web:issuer${i}.example.edu`;
  const key = await makeKey(100 + i, did, 'key-1');
  keys.push(key);
  documents[`https://issuer${i}.example.edu/.well-known/did.json`] = controllerDocument(did, [key]);
}
for (let l = 0; l < LISTS; l++) {
  const key = keys[l % ISSUERS]!;
  const url = `https://issuer${l % ISSUERS}.example.edu/status/${l}`;
  documents[url] = await statusListCredential(key, url, { set: [5] });
}
const pool: { credential: Record<string, unknown>; expect: string }[] = [];
for (let i = 0; i < POOL; i++) {
  const l = i % LISTS;
  const key = keys[l % ISSUERS]!;
  const credential = await signDataIntegrity(
    badge(key.controller, {
      id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `Badge ${i}`,
      credentialStatus: statusEntry(`https://issuer${l % ISSUERS}.example.edu/status/${l}`, 100 + i),
    }),
    key,
  );
  if (i % 10 === 9) pool.push({ credential: { ...credential, name: `Badge ${i} (edited)` }, expect: 'failed' });
  else pool.push({ credential, expect: 'verified' });
}

const fetch = fakeFetch(documents);
const options = { fetch, now: () => new Date(NOW) };
const samples: { verified: number; heapUsedMB: number }[] = [];
const heap = () => {
  gc!();
  return process.memoryUsage().heapUsed / (1024 * 1024);
};
samples.push({ verified: 0, heapUsedMB: heap() });
let wrong = 0;
const started = performance.now();
for (let n = 1; n <= COUNT; n++) {
  const { credential, expect } = pool[n % POOL]!;
  // A fresh copy each time: nothing may be kept by object identity.
  const result = await verifyCredential(structuredClone(credential), options);
  if (result.verdict !== expect) wrong++;
  if (n % 1000 === 0) samples.push({ verified: n, heapUsedMB: heap() });
}
const elapsed = performance.now() - started;
const first = samples[1]!.heapUsedMB;
const last = samples.at(-1)!.heapUsedMB;
const peak = Math.max(...samples.slice(1).map((s) => s.heapUsedMB));
const summary = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, load: os.loadavg().map((l) => Number(l.toFixed(2))) },
  count: COUNT,
  issuers: ISSUERS,
  statusLists: LISTS,
  distinctCredentials: POOL,
  wrongVerdicts: wrong,
  msPerCredential: Number((elapsed / COUNT).toFixed(3)),
  heapMB: samples.map((s) => ({ verified: s.verified, heapUsedMB: Number(s.heapUsedMB.toFixed(2)) })),
  growthAfterFirst1000MB: Number((last - first).toFixed(2)),
  peakAfterFirst1000MB: Number((peak - first).toFixed(2)),
};
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/memory-node.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(`verified ${COUNT} credentials (${POOL} distinct, ${ISSUERS} did:web issuers, ${LISTS} status lists) in ${(elapsed / 1000).toFixed(1)} s, ${summary.msPerCredential} ms each`);
console.log(`heap used after GC (MB): ${samples.map((s) => `${s.verified}: ${s.heapUsedMB.toFixed(1)}`).join(', ')}`);
console.log(`growth from 1,000 to ${COUNT}: ${summary.growthAfterFirst1000MB} MB (peak ${summary.peakAfterFirst1000MB} MB above the 1,000 sample)`);
if (wrong) {
  console.error(`${wrong} verifications gave the wrong verdict`);
  process.exit(1);
}
