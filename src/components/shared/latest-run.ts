/**
 * The verifications of one element: starting one cancels the one before, and only the latest may report its
 * progress and its result. Errors outside the core (which never throws) become a "could not check" result.
 */
import type { ProgressStep, VerificationResult } from '../../core/index.js';
import { verifyQueued } from './queue.js';

export class LatestRun {
  #controller?: AbortController;
  #run = 0;

  /** Cancels the running verification, if any: its progress and result are ignored from now on. */
  cancel(): void {
    this.#controller?.abort();
    this.#controller = undefined;
    this.#run++;
  }

  /**
   * Verifies `input` through the page's queue. Resolves with the result and whether this run is still the latest
   * (a later `start` or `cancel` makes it stale).
   */
  async start(input: unknown, onProgress: (step: ProgressStep) => void): Promise<{ result: VerificationResult; latest: boolean }> {
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    const run = this.#run;
    const latest = () => run === this.#run;
    let result: VerificationResult;
    try {
      result = await verifyQueued(input, { signal: controller.signal, onProgress: (step) => latest() && onProgress(step) });
    } catch (error) {
      result = internalErrorResult(error);
    }
    if (latest()) this.#controller = undefined;
    return { result, latest: latest() };
  }
}

/** A result for an error the core did not turn into a check (it never should): "could not check", not "failed". */
export function internalErrorResult(error: unknown): VerificationResult {
  const message = `Verification could not run: ${error instanceof Error ? error.message : String(error)}.`;
  return {
    verdict: 'indeterminate',
    checks: [
      { id: 'format', outcome: 'indeterminate', code: 'internal-error', message },
      ...(['signature', 'validity', 'status', 'schema'] as const).map((id) => ({
        id,
        outcome: 'skipped' as const,
        code: 'not-run' as const,
        message: 'Not run: an earlier check could not complete.',
      })),
    ],
  };
}
