/** The JCS suites `eddsa-jcs-2022` and `ecdsa-jcs-2019`, loaded only when a credential carries such a proof. */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite as ecdsaJcs2019 } from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import { createVerifyCryptosuite as eddsaJcs2022 } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { withWebCrypto } from './suites.js';

export function createSuites(): object[] {
  return [
    new DataIntegrityProof({ cryptosuite: withWebCrypto(ecdsaJcs2019()) }),
    new DataIntegrityProof({ cryptosuite: withWebCrypto(eddsaJcs2022()) }),
  ];
}
