/**
 * The page's verifier configuration, shared by every element: set it once with `configure()` before (or after)
 * the elements appear.
 */
import type { VerifyOptions } from '../../core/index.js';

export interface VerifierConfig extends Omit<VerifyOptions, 'signal' | 'onProgress'> {
  /** Issuer ids (DIDs or https URLs) the page recognises; cards label them. */
  trustedIssuers?: readonly string[];
}

let config: VerifierConfig = {};

/**
 * Sets the options every element verifies with (fetch, clock, caches, timeouts, trusted issuers). Each call replaces
 * the whole configuration (`configure()` restores the defaults). Elements read it when a verification starts: call it
 * before the elements verify, e.g. in the module that imports them. `trustedIssuers` may come later too: cards on the
 * page show the new list at once, without verifying again.
 */
export function configure(options: VerifierConfig = {}): void {
  const before = trustedIssuers();
  config = { ...options, ...(options.trustedIssuers ? { trustedIssuers: [...options.trustedIssuers] } : {}) };
  const after = trustedIssuers();
  if (before.length !== after.length || before.some((id, i) => id !== after[i])) {
    for (const listener of [...listeners]) listener();
  }
}

const listeners = new Set<() => void>();

/** Calls `listener` each time `configure()` changes the trusted issuers; returns the function that stops it. */
export function onTrustedIssuersChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The options elements pass to verifyCredential. */
export function verifierOptions(): VerifyOptions {
  const { trustedIssuers: _trusted, ...options } = config;
  return options;
}

export function trustedIssuers(): readonly string[] {
  return config.trustedIssuers ?? [];
}
