/**
 * Pure helpers for the verification report of <vb-verify-button>: what the dialog says about a result, read from the
 * plain result object (no DOM, no Lit).
 */
import { CHECK_IDS, type ProgressStep, type VerificationResult } from '../../core/index.js';

/** The steps the core reports through `onProgress`, in order. */
export const STEPS: readonly ProgressStep[] = ['load', ...CHECK_IDS];

export type StepProgress = 'done' | 'current' | 'pending';

/** Where each step stands while `current` runs. */
export function progressOf(current: ProgressStep | undefined): { step: ProgressStep; progress: StepProgress }[] {
  const at = current ? STEPS.indexOf(current) : -1;
  return STEPS.map((step, i) => ({ step, progress: i < at ? 'done' : i === at ? 'current' : 'pending' }));
}

/** A key that verified the signature: which key, who controls it, and the proof that used it. */
export interface Signer {
  verificationMethod: string;
  controller: string;
  type?: string;
  cryptosuite?: string;
}

/** The keys that signed, from the signature check's `details.proofs` (only when the check passed). */
export function signersOf(result: VerificationResult | undefined): Signer[] {
  const check = result?.checks.find((c) => c.id === 'signature');
  if (!check || check.outcome !== 'passed') return [];
  const proofs = check.details?.proofs;
  if (!Array.isArray(proofs)) return [];
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  return proofs.flatMap((p) => {
    if (!p || typeof p !== 'object' || Array.isArray(p)) return [];
    const verificationMethod = text(p.verificationMethod);
    const controller = text(p.controller);
    if (!verificationMethod || !controller) return [];
    return [{ verificationMethod, controller, type: text(p.type), cryptosuite: text(p.cryptosuite) }];
  });
}

/** When the result was checked: the clock the validity check used, else when the run ended (ISO). */
export function checkedAtOf(result: VerificationResult | undefined, finishedAt: string | undefined): string | undefined {
  const checkedAt = result?.checks.find((c) => c.id === 'validity')?.details?.checkedAt;
  return typeof checkedAt === 'string' && checkedAt ? checkedAt : finishedAt;
}

/** The name a result goes by (achievement, then credential), if it has one. */
export function nameOf(result: VerificationResult | undefined): string | undefined {
  const view = result?.view;
  return view?.achievement?.name || view?.credentialName || undefined;
}


/** The JSON of a credential, pretty-printed once per result. */
const jsonCache = new WeakMap<object, string>();
export function credentialJson(result: VerificationResult | undefined): string | undefined {
  const credential = result?.credential;
  if (!credential) return undefined;
  let text = jsonCache.get(credential);
  if (text === undefined) {
    text = JSON.stringify(credential, null, 2);
    jsonCache.set(credential, text);
  }
  return text;
}
