import { expect } from 'chai';
import { verifyCredential, warmUp } from '../../src/core/index.js';
import { WARM_CREDENTIAL, WARM_NOW } from '../../src/core/warm-credential.js';

describe('warm-up', () => {
  it('verifies its embedded credential without a request, once per page', async () => {
    const first = warmUp();
    expect(warmUp()).to.equal(first);
    expect(await first).to.equal(true);
  });

  it('embeds a credential that really verifies, and that fails once edited', async () => {
    const asked: string[] = [];
    const fetch = (async (url: string) => (asked.push(url), new Response('', { status: 404 }))) as unknown as typeof globalThis.fetch;
    const result = await verifyCredential(structuredClone(WARM_CREDENTIAL), { now: WARM_NOW, fetch });
    expect(result.verdict).to.equal('verified');
    const edited = { ...structuredClone(WARM_CREDENTIAL), name: 'Edited' };
    expect((await verifyCredential(edited, { now: WARM_NOW, fetch })).checks.find((c) => c.id === 'signature')?.code).to.equal('invalid-signature');
    expect(asked).to.deep.equal([]);
  });
});
