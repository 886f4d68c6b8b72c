import { expect } from 'chai';
import { verifyCredential, warmUp } from '../../src/core/index.js';
import { StatusListCache } from '../../src/core/index.js';
import { WARM_CREDENTIAL, WARM_NOW, WARM_STATUS_LIST, WARM_STATUS_LIST_URL } from '../../src/core/warm-credential.js';

describe('warm-up', () => {
  it('verifies its embedded credential without a request, once per page', async () => {
    const first = warmUp();
    expect(warmUp()).to.equal(first);
    expect(await first).to.equal(true);
  });

  it('embeds a credential and a status list that really verify, and fail once edited', async () => {
    const asked: string[] = [];
    const fetch = (async (url: string) => {
      asked.push(url);
      return url === WARM_STATUS_LIST_URL ? new Response(JSON.stringify(WARM_STATUS_LIST), { status: 200 }) : new Response('', { status: 404 });
    }) as unknown as typeof globalThis.fetch;
    const result = await verifyCredential(structuredClone(WARM_CREDENTIAL), { now: WARM_NOW, fetch, statusCache: new StatusListCache() });
    expect(result.verdict).to.equal('verified');
    expect(result.checks.find((c) => c.id === 'status')?.code).to.equal('ok');
    expect(asked).to.deep.equal([WARM_STATUS_LIST_URL]);
    const edited = { ...structuredClone(WARM_CREDENTIAL), name: 'Edited' };
    expect((await verifyCredential(edited, { now: WARM_NOW, fetch })).checks.find((c) => c.id === 'signature')?.code).to.equal('invalid-signature');
    const list = structuredClone(WARM_STATUS_LIST) as unknown as { credentialSubject: { statusPurpose: string } };
    list.credentialSubject.statusPurpose = 'suspension';
    expect((await verifyCredential(list, { now: WARM_NOW, fetch })).checks.find((c) => c.id === 'signature')?.code).to.equal('invalid-signature');
  });
});
