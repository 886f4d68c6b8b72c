/** Signatures and key binding, on credentials signed at test time with test keys. */
import { expect } from 'chai';
import { verifyCredential } from '../../src/core/index.js';
import type { VerificationResult } from '../../src/core/result.js';
import { NOW, badge, controllerDocument, fakeFetch, makeKey, signDataIntegrity, signEd25519Signature2020, type TestKey } from '../support/issuer.js';

const sig = (r: VerificationResult) => {
  const c = r.checks.find((x) => x.id === 'signature')!;
  return `${c.outcome}:${c.code}`;
};

describe('signature check', function () {
  this.timeout(30_000);
  let didKey: TestKey;
  let other: TestKey;
  let webKey: TestKey;
  let httpsKey: TestKey;
  const didWeb = 'did:web:badges.example.edu:issuers:42';
  const didWebUrl = 'https://badges.example.edu/issuers/42/did.json';
  const httpsIssuer = 'https://example.edu/issuers/7';

  before(async () => {
    didKey = await makeKey(1);
    other = await makeKey(2);
    webKey = await makeKey(3, didWeb, 'key-1');
    httpsKey = await makeKey(4, httpsIssuer);
  });

  it('verifies an eddsa-rdfc-2022 credential signed by a did:key issuer, offline', async () => {
    const log: string[] = [];
    const vc = await signDataIntegrity(badge(didKey.controller), didKey);
    const result = await verifyCredential(vc, { now: NOW, fetch: fakeFetch({}, log) });
    expect(result.verdict).to.equal('verified');
    expect(log).to.deep.equal([]);
    const proofs = result.checks[1]!.details?.proofs as { verificationMethod: string; controller: string }[];
    expect(proofs[0]).to.include({ verificationMethod: didKey.id, controller: didKey.controller });
    expect(result.view?.issuer.verifiedIdentifier).to.equal(didKey.controller);
  });

  it('verifies an Ed25519Signature2020 credential', async () => {
    const unsigned = badge(didKey.controller);
    (unsigned['@context'] as string[]).push('https://w3id.org/security/suites/ed25519-2020/v1');
    const vc = await signEd25519Signature2020(unsigned, didKey);
    expect((await verifyCredential(vc, { now: NOW })).verdict).to.equal('verified');
  });

  it('verifies a credential carrying both proof types, and fails when one of them is bad', async () => {
    const unsigned = badge(didKey.controller);
    (unsigned['@context'] as string[]).push('https://w3id.org/security/suites/ed25519-2020/v1');
    const a = await signDataIntegrity(unsigned, didKey);
    const b = await signEd25519Signature2020(unsigned, didKey);
    const both = { ...unsigned, proof: [a.proof, b.proof] };
    expect((await verifyCredential(both, { now: NOW })).verdict).to.equal('verified');
    const badProof = { ...(b.proof as object), proofValue: (a.proof as { proofValue: string }).proofValue };
    const broken = { ...unsigned, proof: [a.proof, badProof] };
    expect(sig(await verifyCredential(broken, { now: NOW }))).to.equal('failed:invalid-signature');
  });

  const edits: [string, (vc: Record<string, any>) => void][] = [
    ['the achievement name', (vc) => (vc.credentialSubject.achievement.name = 'Chief Data Officer')],
    ['the recipient', (vc) => (vc.credentialSubject.id = 'did:example:someone-else')],
    ['the validFrom date', (vc) => (vc.validFrom = '2025-01-15T09:00:00Z')],
    ['an added skill', (vc) => vc.credentialSubject.achievement.alignment.push({ type: ['Alignment'], targetName: 'CEO', targetUrl: 'https://example.org' })],
    ['a flipped proof character', (vc) => (vc.proof.proofValue = vc.proof.proofValue.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A')))],
  ];
  for (const [name, edit] of edits) {
    it(`rejects a credential whose ${name} was changed after signing`, async () => {
      const vc = await signDataIntegrity(badge(didKey.controller), didKey);
      edit(vc);
      const result = await verifyCredential(vc, { now: NOW });
      expect(result.verdict).to.equal('failed');
      expect(sig(result)).to.equal('failed:invalid-signature');
    });
  }

  it('rejects a credential signed by a key that is not the issuer\'s', async () => {
    const vc = await signDataIntegrity(badge(didKey.controller), other);
    expect(sig(await verifyCredential(vc, { now: NOW }))).to.equal('failed:issuer-mismatch');
  });

  it('rejects a credential without a proof', async () => {
    expect(sig(await verifyCredential(badge(didKey.controller), { now: NOW }))).to.equal('failed:no-proof');
  });

  it('rejects a proof whose purpose is not assertionMethod', async () => {
    const vc = await signDataIntegrity(badge(didKey.controller), didKey);
    (vc.proof as Record<string, unknown>).proofPurpose = 'authentication';
    expect(sig(await verifyCredential(vc, { now: NOW }))).to.equal('failed:wrong-proof-purpose');
  });

  it('cannot check a proof of an unsupported kind, and says so', async () => {
    const vc = { ...badge(didKey.controller), proof: { type: 'DataIntegrityProof', cryptosuite: 'bbs-2023', proofPurpose: 'assertionMethod', verificationMethod: didKey.id, proofValue: 'u123' } };
    const result = await verifyCredential(vc, { now: NOW });
    expect([result.verdict, sig(result)]).to.deep.equal(['indeterminate', 'indeterminate:unsupported-proof']);
  });

  it('rejects an undefined term (JSON-LD safe mode) as malformed', async () => {
    const unsigned = badge(didKey.controller, {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      issuanceDate: '2026-01-15T09:00:00Z',
    });
    delete unsigned.validFrom;
    const vc = await signDataIntegrity(unsigned, didKey);
    (vc as Record<string, unknown>).favouriteColour = 'blue';
    const result = await verifyCredential(vc, { now: NOW });
    const format = result.checks[0]!;
    expect([result.verdict, format.outcome, format.code]).to.deep.equal(['failed', 'failed', 'invalid-jsonld']);
  });

  it('never fetches an unknown context', async () => {
    const log: string[] = [];
    const vc = await signDataIntegrity(badge(didKey.controller), didKey);
    (vc['@context'] as string[]).push('https://evil.example/context.jsonld');
    const result = await verifyCredential(vc, { now: NOW, fetch: fakeFetch({}, log) });
    expect(result.checks[0]!.code).to.equal('unknown-context');
    expect(log).to.deep.equal([]);
  });

  describe('did:web', () => {
    it('fetches the DID document once and verifies', async () => {
      const log: string[] = [];
      const vc = await signDataIntegrity(badge(didWeb), webKey);
      const fetch = fakeFetch({ [didWebUrl]: controllerDocument(didWeb, [webKey]) }, log);
      const result = await verifyCredential(vc, { now: NOW, fetch });
      expect(result.verdict).to.equal('verified');
      expect(log).to.deep.equal([didWebUrl]);
      expect(result.view?.issuer.verifiedIdentifier).to.equal(didWeb);
    });

    it('could not check when the DID document cannot be fetched', async () => {
      const vc = await signDataIntegrity(badge(didWeb), webKey);
      const result = await verifyCredential(vc, { now: NOW, fetch: fakeFetch({}) });
      expect([result.verdict, sig(result)]).to.deep.equal(['indeterminate', 'indeterminate:key-unreachable']);
    });

    it('could not check when the DID document is not JSON', async () => {
      const vc = await signDataIntegrity(badge(didWeb), webKey);
      const fetch = (async () => new Response('<html></html>', { status: 200 })) as typeof globalThis.fetch;
      expect(sig(await verifyCredential(vc, { now: NOW, fetch }))).to.equal('indeterminate:key-unreachable');
    });

    it('rejects a key the DID document does not list', async () => {
      const vc = await signDataIntegrity(badge(didWeb), webKey);
      const fetch = fakeFetch({ [didWebUrl]: controllerDocument(didWeb, []) });
      expect(sig(await verifyCredential(vc, { now: NOW, fetch }))).to.equal('failed:key-not-found');
    });

    it('rejects a key not listed under assertionMethod', async () => {
      const vc = await signDataIntegrity(badge(didWeb), webKey);
      const fetch = fakeFetch({ [didWebUrl]: controllerDocument(didWeb, [webKey], { assertion: false }) });
      expect(sig(await verifyCredential(vc, { now: NOW, fetch }))).to.equal('failed:not-assertion-method');
    });

    it('rejects a DID document that describes another DID', async () => {
      const vc = await signDataIntegrity(badge(didWeb), webKey);
      const fetch = fakeFetch({ [didWebUrl]: { ...controllerDocument(didWeb, [webKey]), id: 'did:web:evil.example' } });
      expect(sig(await verifyCredential(vc, { now: NOW, fetch }))).to.equal('failed:key-not-found');
    });
  });

  describe('https controller documents', () => {
    it('dereferences an https verification method to its controller document', async () => {
      const vc = await signDataIntegrity(badge(httpsIssuer), httpsKey);
      const log: string[] = [];
      const fetch = fakeFetch({ [httpsIssuer]: controllerDocument(httpsIssuer, [httpsKey]) }, log);
      const result = await verifyCredential(vc, { now: NOW, fetch });
      expect(result.verdict).to.equal('verified');
      expect(log).to.deep.equal([httpsIssuer]);
      expect(result.view?.issuer.verifiedIdentifier).to.equal('example.edu');
    });

    it('could not check when the controller document times out', async () => {
      const vc = await signDataIntegrity(badge(httpsIssuer), httpsKey);
      const hanging = ((_u: string, init?: RequestInit) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as typeof fetch;
      const result = await verifyCredential(vc, { now: NOW, fetch: hanging, timeoutMs: 50 });
      expect(sig(result)).to.equal('indeterminate:key-unreachable');
    });
  });

  it('reports an expired credential with a valid signature as failed, with both checks', async () => {
    const vc = await signDataIntegrity(badge(didKey.controller, { validUntil: '2026-03-01T00:00:00Z' }), didKey);
    const result = await verifyCredential(vc, { now: NOW });
    expect(result.verdict).to.equal('failed');
    expect(sig(result)).to.equal('passed:ok');
    expect(result.checks[2]).to.include({ outcome: 'failed', code: 'expired' });
  });
});

describe('signature check: other Data Integrity cryptosuites', function () {
  this.timeout(30_000);

  it('verifies eddsa-jcs-2022 and still rejects an undefined term under JSON-LD safe mode', async () => {
    const jsigs = (await import('jsonld-signatures')).default;
    const { DataIntegrityProof } = await import('@digitalbazaar/data-integrity');
    const { createSignCryptosuite } = await import('@digitalbazaar/eddsa-jcs-2022-cryptosuite');
    const { documentLoader } = await import('../support/issuer.js');
    const key = await makeKey(7);
    const suite = new DataIntegrityProof({ signer: key.keyPair.signer(), cryptosuite: createSignCryptosuite() });
    const sign = (vc: Record<string, unknown>) => jsigs.sign(structuredClone(vc), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader });
    const good = await sign(badge(key.controller));
    expect((await verifyCredential(good, { now: NOW })).verdict).to.equal('verified');
    const tampered = { ...good, name: 'Something else' };
    expect(sig(await verifyCredential(tampered, { now: NOW }))).to.equal('failed:invalid-signature');
    const undefinedTerm = await sign(badge(key.controller, {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      issuanceDate: '2026-01-15T09:00:00Z',
      validFrom: undefined,
      favouriteColour: 'blue',
    }));
    const result = await verifyCredential(undefinedTerm, { now: NOW });
    expect([result.checks[0]!.outcome, result.checks[0]!.code]).to.deep.equal(['failed', 'invalid-jsonld']);
  });

  it('verifies an ecdsa-rdfc-2019 credential signed with a P-256 did:key', async () => {
    const jsigs = (await import('jsonld-signatures')).default;
    const { DataIntegrityProof } = await import('@digitalbazaar/data-integrity');
    const { cryptosuite } = await import('@digitalbazaar/ecdsa-rdfc-2019-cryptosuite');
    const EcdsaMultikey = await import('@digitalbazaar/ecdsa-multikey');
    const { documentLoader } = await import('../support/issuer.js');
    const probe = await EcdsaMultikey.generate({ curve: 'P-256' });
    const did = `did:key:${probe.publicKeyMultibase}`;
    const keyPair = await EcdsaMultikey.from({ ...(await probe.export({ publicKey: true, secretKey: true, includeContext: true })), id: `${did}#${probe.publicKeyMultibase}`, controller: did });
    const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite });
    const vc = await jsigs.sign(badge(did), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader });
    const result = await verifyCredential(vc, { now: NOW });
    expect(result.verdict).to.equal('verified');
    expect(sig(await verifyCredential({ ...vc, name: 'Changed' }, { now: NOW }))).to.equal('failed:invalid-signature');
  });
});

describe('progress', function () {
  this.timeout(30_000);

  it('reports each step as it starts, and ignores a handler that throws', async () => {
    const key = await makeKey(1);
    const vc = await signDataIntegrity(badge(key.controller), key);
    const steps: string[] = [];
    const result = await verifyCredential(vc, {
      now: NOW,
      onProgress: (step) => {
        steps.push(step);
        throw new Error('page handler bug');
      },
    });
    expect(steps).to.deep.equal(['load', 'format', 'signature', 'validity', 'status', 'schema']);
    expect(result.verdict).to.equal('verified');
  });
});
