/**
 * The Data Integrity suites with their signature check routed through WebCrypto (see ./webcrypto.ts). Only the last
 * step changes: canonicalisation, hashing, key binding and every error the libraries raise stay theirs. A key or a
 * runtime WebCrypto cannot handle goes to the library's own verifier, unchanged. (Ed25519Signature2020 has its own
 * module, ./ed25519-signature-2020.ts, so the suites that do not need its library do not load it.)
 */
import { webCryptoVerifier, type Verifier } from './webcrypto.js';

const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

export interface VerificationMethod {
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
        const verifier = await webCryptoVerifier(vm.publicKeyMultibase, typeof vm.id === 'string' ? vm.id : undefined, required);
        if (verifier) return verifier;
      }
      return suite.createVerifier({ verificationMethod });
    },
  };
}
