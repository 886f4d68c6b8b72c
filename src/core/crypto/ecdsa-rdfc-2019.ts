/** The `ecdsa-rdfc-2019` suite (P-256 and P-384 keys), loaded only when a credential carries such a proof. */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { withWebCrypto } from './suites.js';
import { yieldIfDue } from '../util/yield.js';

export function createSuites(): object[] {
  // jsonld's pause between scoped contexts, as in ./eddsa-rdfc-2022.ts.
  const canonize = (input: object, options: object) => ecdsaRdfc2019.canonize(input, { ...options, pause: yieldIfDue });
  return [new DataIntegrityProof({ cryptosuite: withWebCrypto({ ...ecdsaRdfc2019, canonize }) })];
}
