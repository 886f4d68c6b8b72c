/**
 * The page's shared verification queue in Chromium, on a page where it has verified nothing yet (each test file runs
 * in a page of its own): the first Data Integrity verification runs before the others start, which wait for it a
 * short while at most.
 */
import { expect } from 'chai';
import { verifyQueued } from '../../src/components/shared/queue.js';
import { NOW, badge, controllerDocument, makeKey, signDataIntegrity } from '../support/issuer.js';

const DID = 'did:web:slow.example';
const DID_URL = 'https://slow.example/.well-known/did.json';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the verification queue, on a fresh page', function () {
  this.timeout(30_000);

  it('runs the first Data Integrity verification alone, and the others once it ends or after a short wait', async () => {
    const key = await makeKey(7, DID, 'key-1');
    const document = controllerDocument(DID, [key]);
    const credentials = await Promise.all([1, 2, 3].map((n) => signDataIntegrity(badge(DID, { id: `urn:uuid:6c7d6f2e-5b0d-4c3e-9d0a-2a8c1f3b9e0${n}` }), key)));
    // The issuer's DID document answers only when the test lets it.
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const fetch = (async (input: string | URL | Request) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url !== DID_URL) return new Response('not found', { status: 404 });
      await held;
      return new Response(JSON.stringify(document), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
    const started: number[] = [];
    const runs = credentials.map((credential, i) =>
      verifyQueued(credential, { fetch, now: new Date(NOW), onProgress: (step) => void (step === 'load' && started.push(i)) }),
    );
    await sleep(50);
    // The first is waiting for its key; the others wait for it.
    expect(started).to.deep.equal([0]);
    // Not for ever: after a short while they start too (and wait for the same document).
    await sleep(700);
    expect(started).to.have.members([0, 1, 2]);
    answer();
    const results = await Promise.all(runs);
    expect(results.map((r) => r.verdict)).to.deep.equal(['verified', 'verified', 'verified']);
  });

  it('does not hold back later Data Integrity verifications once one has run', async () => {
    const key = await makeKey(8);
    const credentials = await Promise.all([1, 2, 3].map((n) => signDataIntegrity(badge(key.controller, { id: `urn:uuid:0b7f3d1e-93a4-4a39-8f0c-6a3f2f6c1e5${n}` }), key)));
    const started: number[] = [];
    const runs = credentials.map((credential, i) => verifyQueued(credential, { now: new Date(NOW), onProgress: (step) => void (step === 'load' && started.push(i)) }));
    // All three begin together (the queue runs four at a time).
    await Promise.resolve();
    await sleep(0);
    expect(started).to.have.members([0, 1, 2]);
    expect((await Promise.all(runs)).map((r) => r.verdict)).to.deep.equal(['verified', 'verified', 'verified']);
  });
});
