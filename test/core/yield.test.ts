import { expect } from 'chai';
import { canYield, nextTask, yieldIfDue, yieldTask } from '../../src/core/util/yield.js';
import { preloadDataIntegrity } from '../../src/core/warm.js';
import { verifyCredential } from '../../src/core/index.js';
import { StatusListCache } from '../../src/core/index.js';
import { WARM_CREDENTIAL, WARM_NOW, WARM_STATUS_LIST, WARM_STATUS_LIST_URL } from '../../src/core/warm-credential.js';

/** A browser page (Chromium under web-test-runner) rather than Node. */
const page = typeof (globalThis as { document?: unknown }).document === 'object';

describe('yielding to the host', () => {
  it('yields in a page and never in Node', () => {
    expect(canYield()).to.equal(page);
    const pause = yieldIfDue(0);
    if (page) expect(pause).to.be.an.instanceOf(Promise);
    else expect(pause).to.equal(undefined);
    return pause;
  });

  it('yields only once the budget since the last yield is spent', async () => {
    await yieldIfDue(0);
    // Just after a yield, a long budget is not spent.
    expect(yieldIfDue(60_000)).to.equal(undefined);
  });

  it('resumes after the work queued before it (nextTask), and yieldTask resolves everywhere', async () => {
    const order: string[] = [];
    const queued = new Promise<void>((resolve) =>
      setTimeout(() => {
        order.push('timer');
        resolve();
      }, 0),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    await nextTask();
    order.push('next task');
    await queued;
    expect(order).to.deep.equal(['timer', 'next task']);
    await yieldTask();
  });

  it('resumes each waiter of nextTask in a task of its own (the work they resume is not gathered into one task)', async () => {
    const order: string[] = [];
    const first = nextTask().then(() => {
      order.push('first');
      queueMicrotask(() => order.push('first, then its microtask'));
    });
    const second = nextTask().then(() => order.push('second'));
    await Promise.all([first, second]);
    expect(order).to.deep.equal(['first', 'first, then its microtask', 'second']);
  });

  it('leaves a Data Integrity verification and its result as they are (preloaded or not, yielding or not)', async () => {
    const list = JSON.stringify(WARM_STATUS_LIST);
    const fetch = (async (input: unknown) =>
      input === WARM_STATUS_LIST_URL ? new Response(list, { status: 200, headers: { 'content-type': 'application/json' } }) : Promise.reject(new Error('no request expected'))) as typeof globalThis.fetch;
    const verify = () => verifyCredential(structuredClone(WARM_CREDENTIAL), { now: WARM_NOW, fetch, statusCache: new StatusListCache() });
    preloadDataIntegrity(WARM_CREDENTIAL['@context']);
    preloadDataIntegrity('not a context');
    const first = await verify();
    const second = await verify();
    expect(first.verdict).to.equal('verified');
    expect(second).to.deep.equal(first);
  });
});
