/** Icons beside outcome, state and progress words (decorative: the word beside each always says the same). */
import type { Outcome } from '../../core/index.js';
import type { VerificationState } from '../shared/state.js';
import type { StepProgress } from './report.js';

export const OUTCOME_ICONS: Record<Outcome, string> = { passed: '✓', failed: '✗', indeterminate: '?', skipped: '–' };
export const STATE_ICONS: Record<VerificationState, string> = { idle: '•', verifying: '…', verified: '✓', failed: '✗', indeterminate: '?' };
export const PROGRESS_ICONS: Record<StepProgress, string> = { done: '✓', current: '●', pending: '○' };
