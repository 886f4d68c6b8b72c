/** The `ecdsa-rdfc-2019` suite (P-256 and P-384 keys), loaded only when a credential carries such a proof. */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { withWebCrypto } from './suites.js';

export function createSuites(): object[] {
  return [new DataIntegrityProof({ cryptosuite: withWebCrypto(ecdsaRdfc2019) })];
}
