/** The `Ed25519Signature2020` suite, loaded only when a credential carries such a proof. */
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { base58Decode } from '../util/base58.js';
import type { VerificationMethod } from './suites.js';
import { webCryptoVerifier } from './webcrypto.js';
import { yieldIfDue } from '../util/yield.js';

/**
 * Ed25519Signature2020 with the signature checked through WebCrypto. The library has already fetched the key,
 * converted it to an Ed25519VerificationKey2020 and checked it by then (getVerificationMethod); only the final
 * verification is replaced, and only for a base58btc signature and an Ed25519 key WebCrypto accepts.
 */
export class WebCryptoEd25519Signature2020 extends Ed25519Signature2020 {
  async verifySignature(options: { verifyData: Uint8Array; verificationMethod: VerificationMethod; proof: { proofValue?: unknown } }): Promise<boolean> {
    const { verifyData, verificationMethod, proof } = options;
    const { proofValue } = proof;
    if (typeof proofValue === 'string' && proofValue.startsWith('z')) {
      const signature = base58Decode(proofValue.slice(1));
      const verifier = signature && (await webCryptoVerifier(verificationMethod.publicKeyMultibase, undefined, ['Ed25519']));
      if (signature && verifier) return verifier.verify({ data: verifyData, signature });
    }
    return super.verifySignature(options);
  }
}

export function createSuites(): object[] {
  // jsonld's pause between scoped contexts, as in ./eddsa-rdfc-2022.ts.
  return [Object.assign(new WebCryptoEd25519Signature2020(), { canonizeOptions: { pause: yieldIfDue } })];
}
