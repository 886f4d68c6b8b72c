/**
 * One queue for every element on the page: verifications run a few at a time and yield to the main thread between
 * credentials, so a page with a hundred badges stays responsive. Status lists and DID documents are shared through
 * the core's page-wide caches.
 */
import { verifyCredential, warmUp, type VerificationResult, type VerifyOptions } from '../../core/index.js';
import { verifierOptions } from './config.js';

const CONCURRENCY = 4;
let running = 0;
const waiting: (() => void)[] = [];

/** Yields to the main thread (input and rendering go first). */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

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
  const run = () => void warmUp();
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (typeof idle === 'function') idle(run, { timeout: 2000 });
  else setTimeout(run, 50);
}

/** Verifies through the shared queue with the page's configuration (plus `extra`). */
export async function verifyQueued(input: unknown, extra: VerifyOptions = {}): Promise<VerificationResult> {
  scheduleWarmUp();
  if (running >= CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    await yieldToMain();
    return await verifyCredential(input, { ...verifierOptions(), ...extra });
  } finally {
    running--;
    waiting.shift()?.();
  }
}
