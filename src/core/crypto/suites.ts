/**
 * The Data Integrity suites with their signature check routed through WebCrypto (see ./webcrypto.ts). Only the last
 * step changes: canonicalisation, hashing, key binding and every error the libraries raise stay theirs. A key or a
 * runtime WebCrypto cannot handle goes to the library's own verifier, unchanged.
 */
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { base58Decode } from '../util/base58.js';
import { decodeMultikey, webCryptoVerifier, type Verifier } from './webcrypto.js';

const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

interface VerificationMethod {
  id?: unknown;
  type?: unknown;
  '@context'?: unknown;
  publicKeyMultibase?: unknown;
}

interface Cryptosuite {
  name: string;
  requiredAlgorithm: string | string[];
  createVerifier(options: { verificationMethod: VerificationMethod }): Promise<Verifier>;
}

/** A Multikey the Multikey libraries would accept as it is (type Multikey, with the Multikey context or none). */
function plainMultikey(vm: VerificationMethod): boolean {
  if (vm.type !== 'Multikey') return false;
  const context = vm['@context'];
  return context === undefined || context === MULTIKEY_V1 || (Array.isArray(context) && context.includes(MULTIKEY_V1));
}

/**
 * The cryptosuite with a `createVerifier` that verifies through WebCrypto when it can: a plain Multikey of an
 * algorithm the suite requires, in a runtime whose WebCrypto has it. Anything else goes to the suite's own verifier.
 */
export function withWebCrypto<S extends Cryptosuite>(suite: S): S {
  const required = Array.isArray(suite.requiredAlgorithm) ? suite.requiredAlgorithm : [suite.requiredAlgorithm];
  return {
    ...suite,
    async createVerifier({ verificationMethod }: { verificationMethod: VerificationMethod }): Promise<Verifier> {
      const vm = verificationMethod;
      if (vm && typeof vm === 'object' && plainMultikey(vm)) {
        const curve = decodeMultikey(vm.publicKeyMultibase)?.curve;
        if (curve && required.includes(curve)) {
          const verifier = await webCryptoVerifier(vm.publicKeyMultibase, typeof vm.id === 'string' ? vm.id : undefined);
          if (verifier) return verifier;
        }
      }
      return suite.createVerifier({ verificationMethod });
    },
  };
}

/**
 * Ed25519Signature2020 with the signature checked through WebCrypto. The library has already fetched the key,
 * converted it to an Ed25519VerificationKey2020 and checked it by then (getVerificationMethod); only the final
 * verification is replaced, and only for a base58btc signature and an Ed25519 key WebCrypto accepts.
 */
export class WebCryptoEd25519Signature2020 extends Ed25519Signature2020 {
  async verifySignature(options: { verifyData: Uint8Array; verificationMethod: VerificationMethod; proof: { proofValue?: unknown } }): Promise<boolean> {
    const { verifyData, verificationMethod, proof } = options;
    const { proofValue } = proof;
    if (typeof proofValue === 'string' && proofValue.startsWith('z') && decodeMultikey(verificationMethod.publicKeyMultibase)?.curve === 'Ed25519') {
      const signature = base58Decode(proofValue.slice(1));
      const verifier = signature && (await webCryptoVerifier(verificationMethod.publicKeyMultibase));
      if (signature && verifier) return verifier.verify({ data: verifyData, signature });
    }
    return super.verifySignature(options);
  }
}
