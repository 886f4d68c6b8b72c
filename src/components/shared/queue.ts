/**
 * One queue for every element on the page: verifications run a few at a time and yield to the main thread between
 * credentials once they have run for a slice of time (and the Data Integrity path yields inside a long cold
 * verification too), so a page with a hundred badges stays responsive. Status lists and DID documents are shared through
 * the core's page-wide caches.
 */
import { verifyCredential, warmUp, type VerificationResult, type VerifyOptions } from '../../core/index.js';
import { preloadDataIntegrity } from '../../core/warm.js';
import { verifierOptions } from './config.js';
import { canYield, yieldIfDue, yieldTask } from '../../core/util/yield.js';

const CONCURRENCY = 4;
let running = 0;
const waiting: (() => void)[] = [];

/** Yields to the main thread (input and rendering go first): a later task, whatever the time since the last one. */
export function yieldToMain(): Promise<void> {
  return canYield() ? yieldTask() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** How long the queue's work may run before it gives the page a turn (a frame is about 16 ms). */
const SLICE_MS = 6;

let warmUpScheduled = false;

/**
 * Schedules the core's warm-up (a small embedded Data Integrity credential verified once, which loads and compiles
 * that path) for when the page is idle, once per page: requestIdleCallback where there is one, a short timeout
 * elsewhere. Called when the first element asks for a verification; a badge that arrives later (fetched, or a
 * passport's next cards) then finds the path ready. Never throws.
 */
export function scheduleWarmUp(): void {
  if (warmUpScheduled) return;
  warmUpScheduled = true;
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  const later = (run: () => void) => (typeof idle === 'function' ? idle(run, { timeout: 2000 }) : setTimeout(run, 50));
  // While the queue is verifying, those verifications load the path themselves: the warm-up would only add the same
  // work beside them. It waits for a moment when the queue is empty (and a later page's badge then finds it ready).
  const run = () => {
    if (running > 0 || waiting.length > 0) later(run);
    // A real Data Integrity badge verified already: the path is warm, nothing is left to prepare.
    else if (!dataIntegrityVerified) void warmUp();
  };
  later(run);
}

/** Verifications started ahead of their card (a passport's list), by credential object; each result is taken once. */
const ahead = new WeakMap<object, { result: Promise<VerificationResult>; signal: AbortSignal; settled?: VerificationResult }>();

/**
 * Starts verifying `input` (a credential object) through the queue now, for a card that is not on the page yet: a
 * passport verifies its whole list in the order it shows it while it adds the cards a few at a time, and each card
 * then takes its result instead of verifying again. `signal` withdraws it (a list replaced or removed); a withdrawn
 * or cut-short verification is never handed out. Resolves once the result is ready; never rejects.
 */
export function verifyAhead(input: object, signal: AbortSignal): Promise<void> {
  const existing = ahead.get(input);
  if (existing || signal.aborted) return existing ? existing.result.then(() => undefined) : Promise.resolve();
  const entry: { result: Promise<VerificationResult>; signal: AbortSignal; settled?: VerificationResult } = { result: verifyQueued(input, { signal }), signal };
  ahead.set(input, entry);
  return entry.result.then((result) => {
    entry.settled = result;
  });
}

/**
 * The result verified ahead for `input`, if it is ready and was not withdrawn; taken, so that verifying the same
 * credential again later runs afresh. A card that finds one settles at once, in the update that shows it.
 */
export function takeVerifiedAhead(input: unknown): VerificationResult | undefined {
  const entry = typeof input === 'object' && input !== null ? ahead.get(input) : undefined;
  if (!entry?.settled || entry.signal.aborted) return undefined;
  ahead.delete(input as object);
  return entry.settled;
}

/** Verifies through the shared queue with the page's configuration (plus `extra`). */
export async function verifyQueued(input: unknown, extra: VerifyOptions = {}): Promise<VerificationResult> {
  const early = typeof input === 'object' && input !== null ? ahead.get(input) : undefined;
  if (early) {
    ahead.delete(input as object);
    if (!early.signal.aborted) {
      const result = await early.result;
      if (!early.signal.aborted && !extra.signal?.aborted) return result;
    }
  }
  scheduleWarmUp();
  const dataIntegrity = typeof input === 'object' && input !== null && !Array.isArray(input) && 'proof' in input;
  // What verifying it loads starts loading now, all together rather than one module after the other.
  if (dataIntegrity) preloadDataIntegrity((input as { '@context'?: unknown })['@context']);
  // The page's first Data Integrity verification processes the contexts and compiles the path; the others wait for
  // it (a short while at most: its key may be slow to fetch) and then find that done, instead of doing the same work
  // beside it in one long task.
  let first: (() => void) | undefined;
  if (dataIntegrity && !dataIntegrityRan) {
    if (coldRun) await Promise.race([coldRun, new Promise((resolve) => setTimeout(resolve, COLD_WAIT_MS))]);
    else coldRun = new Promise<void>((resolve) => (first = resolve));
  }
  if (running >= CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    // Between credentials the page gets a turn once the queue's work has run for a slice.
    const pause = yieldIfDue(SLICE_MS);
    if (pause) await pause;
    const result = await verifyCredential(input, { ...verifierOptions(), ...extra });
    // A signature that was really checked, well or not, went through the whole path.
    if (dataIntegrity && result.checks.some((c) => c.id === 'signature' && (c.outcome === 'passed' || c.outcome === 'failed'))) dataIntegrityVerified = true;
    return result;
  } finally {
    running--;
    waiting.shift()?.();
    if (first) {
      dataIntegrityRan = true;
      first();
    }
  }
}

/** Whether a Data Integrity signature has been checked on this page (the warm-up is then not needed). */
let dataIntegrityVerified = false;
/** The page's first Data Integrity verification through the queue, while it runs; whether one has ended. */
let coldRun: Promise<void> | undefined;
let dataIntegrityRan = false;
/** How long other Data Integrity verifications wait for the first at most. */
const COLD_WAIT_MS = 400;

