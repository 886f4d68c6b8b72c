/**
 * The stack alone, for comparison: jsonld-signatures verifying an eddsa-rdfc-2022 proof with @digitalbazaar/data-integrity,
 * this project's cryptosuite (./src/core/crypto/eddsa-rdfc-2022.ts) and patched jsonld, the key's documents made once
 * up front and pinned contexts served as static. Nothing of this project's pipeline is around it: no copy of the
 * input, no format, validity, status or schema check, no issuer binding beyond the key's assertionMethod, no view.
 * It shows how far the ratio to verifier-core can go before this project's own work is counted.
 */
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { eddsaCryptosuite } from '../../src/core/crypto/eddsa-rdfc-2022.js';
import { isPinnedContext, loadPinnedContext } from '../../src/core/contexts/load.js';
import { DID_V1, MULTIKEY_V1 } from '../../src/core/contexts/urls.js';

/** A verifier of `credential` (eddsa-rdfc-2022, did:key issuer) that rejects when the proof does not verify. */
export function stackAlone(credential: Record<string, unknown>): () => Promise<void> {
  const vmId = String((credential.proof as { verificationMethod: unknown }).verificationMethod);
  const [controller, fragment] = vmId.split('#') as [string, string];
  if (!controller.startsWith('did:key:')) throw new Error(`stackAlone expects a did:key verification method, not ${vmId}`);
  const documents = new Map<string, object>([
    [vmId, { '@context': [DID_V1, MULTIKEY_V1], id: vmId, type: 'Multikey', controller, publicKeyMultibase: fragment }],
    [controller, { '@context': DID_V1, id: controller, assertionMethod: [vmId] }],
  ]);
  const documentLoader = async (url: string) => {
    if (isPinnedContext(url)) return { contextUrl: null, documentUrl: url, document: await loadPinnedContext(url), tag: 'static' };
    const document = documents.get(url);
    if (!document) throw new Error(`not available offline: ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
  const suite = new DataIntegrityProof({ cryptosuite: eddsaCryptosuite('eddsa-rdfc-2022') });
  const purpose = new jsigs.purposes.AssertionProofPurpose();
  return async () => {
    const result = await jsigs.verify(credential, { suite, purpose, documentLoader });
    if (!result.verified) throw new Error(`the stack alone did not verify the credential: ${String(result.error?.errors?.[0]?.message ?? result.error)}`);
  };
}
