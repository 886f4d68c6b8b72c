/** CLR 2.0 transcripts and endorsements: every nested credential verified, reported, and counted in the verdict. */
import { expect } from 'chai';
import { StatusListCache, verifyCredential } from '../../src/core/index.js';
import { NOW, badge, fakeFetch, makeJoseKey, makeKey, signDataIntegrity, signJwt, statusEntry, statusListCredential, type TestKey } from '../support/issuer.js';

const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

function transcript(issuer: string, nested: unknown[]): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', CLR_CONTEXT, OB_CONTEXT],
    id: 'urn:uuid:9c2d4f8e-1b7a-4e3c-8d5f-6a0b2c4e8f10',
    type: ['VerifiableCredential', 'ClrCredential'],
    name: 'Transcript of Learning',
    issuer: { id: issuer, type: ['Profile'], name: 'Example Registrar' },
    validFrom: '2026-02-01T00:00:00Z',
    credentialSubject: {
      id: 'did:example:learner-42',
      type: ['ClrSubject'],
      verifiableCredential: nested,
      achievement: [
        { id: 'urn:uuid:a1', type: ['Achievement'], name: 'Data Visualization Practitioner', criteria: { narrative: 'x' } },
        { id: 'urn:uuid:a2', type: ['Achievement'], name: 'Conflict Resolution', criteria: { narrative: 'y' } },
      ],
      association: [{ type: 'Association', associationType: 'isParentOf', sourceId: 'urn:uuid:a1', targetId: 'urn:uuid:a2' }],
    },
  };
}

describe('CLR 2.0 transcripts', function () {
  this.timeout(60_000);
  let registrar: TestKey;
  let school: TestKey;
  let good: Record<string, unknown>;

  before(async () => {
    registrar = await makeKey(41);
    school = await makeKey(42);
    good = await signDataIntegrity(badge(school.controller), school);
  });

  it('verifies the transcript and each nested credential, and exposes achievements and associations', async () => {
    const second = await signDataIntegrity(badge(school.controller, { id: 'urn:uuid:0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', name: 'Conflict Resolution' }), school);
    const clr = await signDataIntegrity(transcript(registrar.controller, [good, second]), registrar);
    const result = await verifyCredential(clr, { now: NOW });
    expect(result.verdict).to.equal('verified');
    expect(result.nestedSummary).to.deep.equal({ total: 2, verified: 2, failed: 0, indeterminate: 0 });
    expect(result.nested?.map((n) => n.view?.credentialName)).to.deep.equal(['Data Visualization Practitioner', 'Conflict Resolution']);
    expect(result.view?.kind).to.equal('clr');
    expect(result.view?.clr?.achievements.map((a) => a.name)).to.deep.equal(['Data Visualization Practitioner', 'Conflict Resolution']);
    expect(result.view?.clr?.associations).to.deep.equal([{ associationType: 'isParentOf', sourceId: 'urn:uuid:a1', targetId: 'urn:uuid:a2' }]);
  });

  it('counts a tampered nested credential and fails the whole', async () => {
    const tampered = { ...good, name: 'Chief Data Officer' };
    const clr = await signDataIntegrity(transcript(registrar.controller, [good, tampered]), registrar);
    const result = await verifyCredential(clr, { now: NOW });
    expect(result.checks.every((c) => c.outcome !== 'failed')).to.equal(true);
    expect(result.nestedSummary).to.deep.equal({ total: 2, verified: 1, failed: 1, indeterminate: 0 });
    expect(result.verdict).to.equal('failed');
    expect(result.nested?.[1]?.checks[1]).to.include({ outcome: 'failed', code: 'invalid-signature' });
  });

  it('reads nested VC-JWT strings, and a revoked nested credential names its entry', async () => {
    const key = await makeJoseKey('EdDSA');
    const did = `did:jwk:${btoa(JSON.stringify(key.publicJwk)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    const jwt = await signJwt(badge(did), key, { kid: `${did}#0` });
    const list = 'https://status.example.edu/clr-list';
    const revoked = await signDataIntegrity(badge(school.controller, { credentialStatus: statusEntry(list, 7) }), school);
    const clr = await signDataIntegrity(transcript(registrar.controller, [jwt, revoked]), registrar);
    const fetch = fakeFetch({ [list]: await statusListCredential(school, list, { set: [7] }) });
    const result = await verifyCredential(clr, { now: NOW, fetch, statusCache: new StatusListCache() });
    expect(result.nested?.map((n) => n.verdict)).to.deep.equal(['verified', 'failed']);
    expect(result.nested?.[1]?.checks[3]).to.include({ outcome: 'failed', code: 'revoked' });
    expect(result.nestedSummary).to.include({ verified: 1, failed: 1 });
  });

  it('a tampered transcript fails on its own signature', async () => {
    const clr = await signDataIntegrity(transcript(registrar.controller, [good]), registrar);
    const edited = { ...clr, name: 'Doctorate' };
    const result = await verifyCredential(edited, { now: NOW });
    expect(result.checks[1]).to.include({ outcome: 'failed', code: 'invalid-signature' });
    expect(result.verdict).to.equal('failed');
  });
});

describe('endorsements', function () {
  this.timeout(60_000);

  it('verifies endorsements and reports them beside the result, without changing its verdict', async () => {
    const issuer = await makeKey(51);
    const endorser = await makeKey(52);
    const endorsement = await signDataIntegrity(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2', OB_CONTEXT],
        id: 'urn:uuid:5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
        type: ['VerifiableCredential', 'EndorsementCredential'],
        name: 'Endorsement by the Data Guild',
        issuer: { id: endorser.controller, type: ['Profile'], name: 'Data Guild' },
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { id: 'https://example.edu/achievements/data-viz', type: ['EndorsementSubject'], endorsementComment: 'Rigorous.' },
      },
      endorser,
    );
    const forged = { ...endorsement, name: 'Endorsement by everyone' };
    const vc = await signDataIntegrity(badge(issuer.controller, { endorsement: [endorsement, forged] }), issuer);
    const result = await verifyCredential(vc, { now: NOW });
    expect(result.verdict).to.equal('verified');
    expect(result.endorsements?.map((e) => e.verdict)).to.deep.equal(['verified', 'failed']);
    expect(result.view?.endorsementCount).to.equal(2);
  });
});
