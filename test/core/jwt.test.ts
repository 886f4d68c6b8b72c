/** VC-JWT credentials: algorithms, key discovery and binding, claims, and the hostile cases. */
import { expect } from 'chai';
import { verifyCredential } from '../../src/core/index.js';
import type { VerificationResult } from '../../src/core/result.js';
import { NOW, badge, base64url, controllerDocument, fakeFetch, makeJoseKey, makeKey, signJwt } from '../support/issuer.js';
import { malleatedSignatures } from '../support/signature-variants.js';
import { base64UrlDecode } from '../../src/core/util/base58.js';

const sig = (r: VerificationResult) => {
  const c = r.checks.find((x) => x.id === 'signature')!;
  return `${c.outcome}:${c.code}`;
};
const didJwk = (jwk: Record<string, string>) => `did:jwk:${base64url(JSON.stringify(jwk))}`;

describe('VC-JWT', function () {
  this.timeout(30_000);

  it('verifies an EdDSA JWT whose kid is a did:key of the issuer, offline', async () => {
    const seedKey = await makeKey(11);
    const { importJWK } = await import('jose');
    const exported = (await seedKey.keyPair.export({ publicKey: true, secretKey: true, includeContext: true })) as Record<string, string>;
    const { default: multikey } = await import('../support/multikey-jwk.js');
    const privateJwk = multikey(exported);
    const privateKey = (await importJWK(privateJwk, 'EdDSA')) as CryptoKey;
    const log: string[] = [];
    const token = await signJwt(badge(seedKey.controller), { alg: 'EdDSA', privateKey }, { kid: seedKey.id });
    const result = await verifyCredential(token, { now: NOW, fetch: fakeFetch({}, log) });
    expect(result.verdict).to.equal('verified');
    expect(log).to.deep.equal([]);
    expect(result.view?.issuer.verifiedIdentifier).to.equal(seedKey.controller);
  });

  it('verifies an ES256 JWT from a did:jwk issuer', async () => {
    const key = await makeJoseKey('ES256');
    const did = didJwk(key.publicJwk);
    const token = await signJwt(badge(did), key, { kid: `${did}#0` });
    expect((await verifyCredential(token, { now: NOW })).verdict).to.equal('verified');
  });

  describe('a did:web issuer with an RS256 key', () => {
    const did = 'did:web:issuer.example.org';
    const url = 'https://issuer.example.org/.well-known/did.json';
    let key: Awaited<ReturnType<typeof makeJoseKey>>;
    let doc: object;
    before(async () => {
      key = await makeJoseKey('RS256');
      doc = {
        '@context': ['https://www.w3.org/ns/did/v1'],
        id: did,
        verificationMethod: [{ id: `${did}#rsa-1`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: key.publicJwk }],
        assertionMethod: [`${did}#rsa-1`],
      };
    });

    it('verifies with a kid naming the DID document key, fetching the document once', async () => {
      const log: string[] = [];
      const token = await signJwt(badge(did), key, { kid: `${did}#rsa-1` });
      const result = await verifyCredential(token, { now: NOW, fetch: fakeFetch({ [url]: doc }, log) });
      expect(result.verdict).to.equal('verified');
      expect(log).to.deep.equal([url]);
    });

    it('verifies a jwk header only because the DID document publishes that key', async () => {
      const token = await signJwt(badge(did), key, { jwk: key.publicJwk });
      expect((await verifyCredential(token, { now: NOW, fetch: fakeFetch({ [url]: doc }) })).verdict).to.equal('verified');
    });

    it('could not check when the DID document is unreachable', async () => {
      const token = await signJwt(badge(did), key, { kid: `${did}#rsa-1` });
      const result = await verifyCredential(token, { now: NOW, fetch: fakeFetch({}) });
      expect([result.verdict, sig(result)]).to.deep.equal(['indeterminate', 'indeterminate:key-unreachable']);
    });

    it('rejects an alg that does not match the key (ES256 claimed, RSA key)', async () => {
      const ec = await makeJoseKey('ES256');
      const token = await signJwt(badge(did), ec, { kid: `${did}#rsa-1` });
      expect(sig(await verifyCredential(token, { now: NOW, fetch: fakeFetch({ [url]: doc }) }))).to.equal('failed:disallowed-alg');
    });
  });

  describe('an https issuer', () => {
    const issuer = 'https://badges.example.edu/issuer';
    const jwks = 'https://badges.example.edu/keys.json';
    let key: Awaited<ReturnType<typeof makeJoseKey>>;
    before(async () => {
      key = await makeJoseKey('ES256');
    });

    it('verifies a kid that is an https JWK set on the issuer\'s origin', async () => {
      const token = await signJwt(badge(issuer), key, { kid: `${jwks}#k1` });
      const fetch = fakeFetch({ [jwks]: { keys: [{ ...key.publicJwk, kid: 'k1' }] } });
      const result = await verifyCredential(token, { now: NOW, fetch });
      expect(result.verdict).to.equal('verified');
      expect(result.view?.issuer.verifiedIdentifier).to.equal('badges.example.edu');
    });

    it('rejects a kid on another origin, without fetching it', async () => {
      const log: string[] = [];
      const token = await signJwt(badge(issuer), key, { kid: 'https://evil.example/keys.json#k1' });
      const result = await verifyCredential(token, { now: NOW, fetch: fakeFetch({}, log) });
      expect(sig(result)).to.equal('failed:issuer-mismatch');
      expect(log).to.deep.equal([]);
    });

    it('verifies a jwk header that the issuer profile publishes, and rejects one it does not', async () => {
      const profile = { keys: [key.publicJwk] };
      const good = await signJwt(badge(issuer), key, { jwk: key.publicJwk });
      expect((await verifyCredential(good, { now: NOW, fetch: fakeFetch({ [issuer]: profile }) })).verdict).to.equal('verified');
      const stranger = await makeJoseKey('ES256');
      const forged = await signJwt(badge(issuer), stranger, { jwk: stranger.publicJwk });
      const result = await verifyCredential(forged, { now: NOW, fetch: fakeFetch({ [issuer]: profile }) });
      expect([result.verdict, sig(result)]).to.deep.equal(['failed', 'failed:key-not-found']);
    });

    it('never fetches jku or x5u', async () => {
      const log: string[] = [];
      const token = await signJwt(badge(issuer), key, { jwk: key.publicJwk, jku: 'https://badges.example.edu/jku.json', x5u: 'https://badges.example.edu/x5u.pem' });
      await verifyCredential(token, { now: NOW, fetch: fakeFetch({}, log) });
      expect(log).to.deep.equal([issuer]);
    });
  });

  it('never verifies a bare self-supplied jwk', async () => {
    const key = await makeJoseKey('EdDSA');
    const token = await signJwt(badge('did:example:issuer'), key, { jwk: key.publicJwk });
    const result = await verifyCredential(token, { now: NOW });
    expect(result.verdict).to.equal('failed');
    expect(sig(result)).to.equal('failed:key-not-found');
  });

  describe('hostile and malformed tokens', () => {
    let key: Awaited<ReturnType<typeof makeJoseKey>>;
    let did: string;
    let token: string;
    before(async () => {
      key = await makeJoseKey('ES256');
      did = didJwk(key.publicJwk);
      token = await signJwt(badge(did), key, { kid: `${did}#0` });
    });
    const [h, p] = [0, 1];
    const edit = (t: string, i: number, f: (o: Record<string, unknown>) => void) => {
      const parts = t.split('.');
      const obj = JSON.parse(atob(parts[i]!.replace(/-/g, '+').replace(/_/g, '/')));
      f(obj);
      parts[i] = base64url(JSON.stringify(obj));
      return parts.join('.');
    };

    it('rejects alg none', async () => {
      const none = edit(token, h, (o) => (o.alg = 'none')).replace(/\.[^.]*$/, '.');
      expect(sig(await verifyCredential(none, { now: NOW }))).to.equal('failed:disallowed-alg');
    });

    it('rejects HMAC with the public key as secret', async () => {
      const { CompactSign } = await import('jose');
      const secret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
      const hs = await new CompactSign(new TextEncoder().encode(JSON.stringify(badge(did)))).setProtectedHeader({ alg: 'HS256', kid: `${did}#0` }).sign(secret);
      expect(sig(await verifyCredential(hs, { now: NOW }))).to.equal('failed:disallowed-alg');
    });

    it('rejects an edited payload', async () => {
      const edited = edit(token, p, (o) => (o.name = 'Chief Everything Officer'));
      expect(sig(await verifyCredential(edited, { now: NOW }))).to.equal('failed:invalid-signature');
    });

    it('rejects a header changed to name another key', async () => {
      const other = await makeJoseKey('ES256');
      const edited = edit(token, h, (o) => (o.kid = `${didJwk(other.publicJwk)}#0`));
      expect(sig(await verifyCredential(edited, { now: NOW }))).to.equal('failed:issuer-mismatch');
    });

    it('rejects a critical header extension', async () => {
      const crit = edit(token, h, (o) => (o.crit = ['https://example.org/unknown-extension']));
      expect(sig(await verifyCredential(crit, { now: NOW }))).to.equal('failed:invalid-jwt');
    });

    it('rejects claims that disagree with the credential', async () => {
      const lying = await signJwt({ ...badge(did), iss: 'did:example:someone-else' }, key, { kid: `${did}#0` });
      expect(sig(await verifyCredential(lying, { now: NOW }))).to.equal('failed:claims-mismatch');
    });

    it('applies the JWT exp even when the credential has no validUntil', async () => {
      const expired = await signJwt({ ...badge(did), exp: Date.parse('2026-03-01T00:00:00Z') / 1000 }, key, { kid: `${did}#0` });
      const result = await verifyCredential(expired, { now: NOW });
      expect(result.checks[2]).to.include({ outcome: 'failed', code: 'expired' });
    });

    for (const [name, bad] of [
      ['a header that is not JSON', `${base64url('{not json')}.${base64url('{}')}.c2ln`],
      ['a payload that is not JSON', `${base64url('{"alg":"ES256"}')}.${base64url('nope')}.c2ln`],
      ['a payload that is an array', `${base64url('{"alg":"ES256"}')}.${base64url('[1]')}.c2ln`],
    ] as const) {
      it(`rejects ${name} as an invalid JWT`, async () => {
        const result = await verifyCredential(bad, { now: NOW });
        expect([result.verdict, result.checks[0]!.code]).to.deep.equal(['failed', 'invalid-jwt']);
      });
    }
  });

  it('reads a VC 1.1 style token: the vc claim, with iss, jti, sub and nbf filled in', async () => {
    const key = await makeJoseKey('EdDSA');
    const did = didJwk(key.publicJwk);
    const { issuer: _i, id: _id, validFrom: _v, ...rest } = badge(did, {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    });
    const subject = { ...(rest.credentialSubject as object) };
    delete (subject as Record<string, unknown>).id;
    const claims = { vc: { ...rest, credentialSubject: subject }, iss: did, jti: 'urn:uuid:1', sub: 'did:example:learner-42', nbf: Date.parse('2026-01-15T09:00:00Z') / 1000 };
    const token = await signJwt(claims, key, { kid: `${did}#0` });
    const result = await verifyCredential(token, { now: NOW });
    expect(result.verdict).to.equal('verified');
    expect(result.view?.issued).to.equal('2026-01-15T09:00:00Z');
    expect(result.view?.recipient?.id).to.equal('did:example:learner-42');
  });
});

describe('VC-JWT: keys an https issuer profile publishes', function () {
  this.timeout(30_000);
  const issuer = 'https://school.example/issuers/1';

  it('finds a plain kid in the issuer profile\'s key set', async () => {
    const key = await makeJoseKey('EdDSA');
    const token = await signJwt(badge(issuer), key, { kid: 'signing-2026' });
    const fetch = fakeFetch({ [issuer]: { keys: [{ ...key.publicJwk, kid: 'signing-2026' }] } });
    expect((await verifyCredential(token, { now: NOW, fetch })).verdict).to.equal('verified');
  });

  it('finds a plain kid in the issuer profile\'s controller document', async () => {
    const key = await makeJoseKey('ES256');
    const token = await signJwt(badge(issuer), key, { kid: 'key-1' });
    const profile = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: issuer,
      type: ['Profile'],
      name: 'Example School',
      verificationMethod: [{ id: `${issuer}#key-1`, type: 'JsonWebKey', controller: issuer, publicKeyJwk: key.publicJwk }],
      assertionMethod: [`${issuer}#key-1`],
    };
    expect((await verifyCredential(token, { now: NOW, fetch: fakeFetch({ [issuer]: profile }) })).verdict).to.equal('verified');
  });

  it('rejects a kid the profile does not list', async () => {
    const key = await makeJoseKey('EdDSA');
    const token = await signJwt(badge(issuer), key, { kid: 'unknown' });
    const result = await verifyCredential(token, { now: NOW, fetch: fakeFetch({ [issuer]: { keys: [] } }) });
    expect(sig(result)).to.equal('failed:key-not-found');
  });

  it('a Data Integrity proof whose https key document names the issuer as controller', async () => {
    const key = await makeKey(21, issuer, 'key-di');
    const vc = await (await import('../support/issuer.js')).signDataIntegrity(badge(issuer), key);
    const fetch = fakeFetch({ [issuer]: controllerDocument(issuer, [key]) });
    expect((await verifyCredential(vc, { now: NOW, fetch })).verdict).to.equal('verified');
  });
});

describe('VC-JWT signatures without jose (node:crypto, WebCrypto) and through jose', function () {
  this.timeout(120_000);

  it('give the same answer for every token and key, on each path', async function () {
    const { useNodeCrypto } = await import('../../src/core/crypto/webcrypto.js');
    const { useWebCryptoJws } = await import('../../src/core/crypto/jws.js');
    const hasNode = useNodeCrypto(true); // browsers and workers: WebCrypto, then jose
    const { generateKeyPair, exportJWK } = await import('jose');
    const summary = (r: VerificationResult) => `${r.verdict} ${r.checks.map((c) => `${c.id}:${c.code}`).join(' ')}`;
    const on = (node: boolean, webCrypto: boolean) => {
      useNodeCrypto(node);
      useWebCryptoJws(webCrypto);
    };
    const paths = async (token: string) => {
      const answers: Record<string, string> = {};
      if (hasNode) {
        on(true, true);
        answers.native = summary(await verifyCredential(token, { now: NOW }));
      }
      on(false, true);
      answers.webCrypto = summary(await verifyCredential(token, { now: NOW }));
      on(false, false);
      answers.jose = summary(await verifyCredential(token, { now: NOW }));
      return answers;
    };
    let cases = 0;
    try {
      for (const alg of ['EdDSA', 'ES256', 'ES384'] as const) {
        const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
        const jwk = (await exportJWK(publicKey)) as Record<string, string>;
        const privateJwk = (await exportJWK(privateKey)) as Record<string, string>;
        const key = { alg, privateKey: privateKey as CryptoKey };
        const keys = [jwk, { ...jwk, use: 'sig' }, { ...jwk, use: 'enc' }, { ...jwk, key_ops: ['verify'] }, { ...jwk, key_ops: ['sign'] }, privateJwk, { ...jwk, crv: alg === 'EdDSA' ? 'Ed448' : 'P-521' }];
        for (const published of keys) {
          const did = didJwk(published as Record<string, string>);
          const good = await signJwt(badge(did), key, { kid: `${did}#0` });
          const [h, p, s] = good.split('.') as [string, string, string];
          const signature = base64UrlDecode(s)!;
          const tokens = [good, await signJwt(badge(did), key, { kid: `${did}#0`, b64: true }), `${h}.${p}.`, `${h}.${p}.${s.slice(0, -4)}`, `${h}.${p}.${s}AAAA`];
          for (let i = 0; i < signature.length; i += 9) {
            const flipped = Uint8Array.from(signature);
            flipped[i]! ^= 0x41;
            tokens.push(`${h}.${p}.${base64url(flipped)}`);
          }
          // Malleated forms (S + L; r, n − s) and r or s out of range.
          for (const variant of malleatedSignatures(alg === 'EdDSA' ? 'Ed25519' : alg === 'ES256' ? 'P-256' : 'P-384', signature)) {
            tokens.push(`${h}.${p}.${base64url(variant)}`);
          }
          for (const token of tokens) {
            const { jose, ...others } = await paths(token);
            for (const [path, answer] of Object.entries(others)) {
              expect(answer, `${path}: ${alg} ${JSON.stringify(published).slice(0, 60)} ${token.slice(-12)}`).to.equal(jose);
            }
            cases++;
          }
        }
      }
    } finally {
      on(true, true);
    }
    expect(cases).to.be.greaterThan(200);
  });

  it('the plain case is answered by WebCrypto alone: true for a good signature, nothing otherwise', async () => {
    const { webCryptoJwsMatches } = await import('../../src/core/crypto/jws.js');
    const { generateKeyPair, exportJWK } = await import('jose');
    for (const alg of ['EdDSA', 'ES256', 'ES384'] as const) {
      const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
      const jwk = (await exportJWK(publicKey)) as Record<string, string>;
      const did = didJwk(jwk);
      const token = await signJwt(badge(did), { alg, privateKey: privateKey as CryptoKey }, { kid: `${did}#0` });
      const header = JSON.parse(new TextDecoder().decode(base64UrlDecode(token.split('.')[0]!)));
      expect(await webCryptoJwsMatches(token, header, jwk, alg), alg).to.equal(true);
      const edited = token.replace(/\.([^.])/, (_, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
      expect(await webCryptoJwsMatches(edited, header, jwk, alg), `${alg} edited`).to.equal(undefined);
      expect(await webCryptoJwsMatches(token, { ...header, b64: true }, jwk, alg), `${alg} b64`).to.equal(undefined);
      expect(await webCryptoJwsMatches(token, header, { ...jwk, use: 'enc' }, alg), `${alg} use enc`).to.equal(undefined);
    }
  });

  it('in Node, the plain case never reaches WebCrypto', async function () {
    const { useNodeCrypto } = await import('../../src/core/crypto/webcrypto.js');
    if (!useNodeCrypto(true)) this.skip(); // browsers and workers have no node:crypto
    const { generateKeyPair, exportJWK } = await import('jose');
    for (const alg of ['EdDSA', 'ES256', 'ES384'] as const) {
      const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
      const did = didJwk((await exportJWK(publicKey)) as Record<string, string>);
      const token = await signJwt(badge(did), { alg, privateKey: privateKey as CryptoKey }, { kid: `${did}#0` });
      // With WebCrypto's verify made to fail, the token still verifies.
      const subtle = globalThis.crypto.subtle as { verify: unknown };
      const original = subtle.verify;
      subtle.verify = () => Promise.reject(new Error('WebCrypto was called'));
      try {
        expect((await verifyCredential(token, { now: NOW })).verdict, alg).to.equal('verified');
      } finally {
        subtle.verify = original;
      }
    }
  });
});
