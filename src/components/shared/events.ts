/**
 * The events every element fires around a verification, with their details. Declared once, so
 * `addEventListener('vb-verify-end', …)` is typed whichever element fires it.
 */
import type { ProgressStep, VerificationResult } from '../../core/index.js';
import type { VerificationState } from './state.js';

/** `vb-verify-start`: verification is about to start. */
export interface VbVerifyStartDetail {
  /** What is verified: a credential value, a URL, or the text of an inline script. */
  input: unknown;
}

/** `vb-verify-progress`: a step of the verification started. */
export interface VbVerifyProgressDetail {
  step: ProgressStep;
}

/** `vb-verify-end`: verification ended, whatever the verdict. */
export interface VbVerifyEndDetail {
  result: VerificationResult;
  state: Exclude<VerificationState, 'idle' | 'verifying'>;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vb-verify-start': CustomEvent<VbVerifyStartDetail>;
    'vb-verify-progress': CustomEvent<VbVerifyProgressDetail>;
    'vb-verify-end': CustomEvent<VbVerifyEndDetail>;
  }
}
