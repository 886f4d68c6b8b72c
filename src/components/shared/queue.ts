/**
 * One queue for every element on the page: verifications run a few at a time and yield to the main thread between
 * credentials, so a page with a hundred badges stays responsive. Status lists and DID documents are shared through
 * the core's page-wide caches.
 */
import { verifyCredential, type VerificationResult, type VerifyOptions } from '../../core/index.js';
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

/** Verifies through the shared queue with the page's configuration (plus `extra`). */
export async function verifyQueued(input: unknown, extra: VerifyOptions = {}): Promise<VerificationResult> {
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
