/**
 * The `ecdsa-sd-2023` suite (derived, selectively disclosed proofs), loaded only when a credential carries such a
 * proof. Its verifier checks a base signature and one signature per disclosed statement with the library's own
 * verifier (WebCrypto ECDSA through @digitalbazaar/ecdsa-multikey).
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite as ecdsaSd2023 } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';

export function createSuites(): object[] {
  return [new DataIntegrityProof({ cryptosuite: ecdsaSd2023() })];
}
