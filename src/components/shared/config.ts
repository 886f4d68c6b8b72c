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

/** Sets the options every element verifies with (fetch, clock, caches, timeouts, trusted issuers). */
export function configure(options: VerifierConfig): void {
  config = { ...options };
}

/** The options elements pass to verifyCredential. */
export function verifierOptions(): VerifyOptions {
  const { trustedIssuers: _trusted, ...options } = config;
  return options;
}

export function trustedIssuers(): readonly string[] {
  return config.trustedIssuers ?? [];
}
