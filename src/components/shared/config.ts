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
 * the whole configuration (`configure()` restores the defaults). Elements read it when a verification starts, and a
 * card reads `trustedIssuers` when it renders a result: call it before the elements verify, e.g. in the module that
 * imports them.
 */
export function configure(options: VerifierConfig = {}): void {
  config = { ...options, ...(options.trustedIssuers ? { trustedIssuers: [...options.trustedIssuers] } : {}) };
}

/** The options elements pass to verifyCredential. */
export function verifierOptions(): VerifyOptions {
  const { trustedIssuers: _trusted, ...options } = config;
  return options;
}

export function trustedIssuers(): readonly string[] {
  return config.trustedIssuers ?? [];
}
