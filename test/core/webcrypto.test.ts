import { expect } from 'chai';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { MAX_CACHED_KEYS, decodeMultikey, keyCacheSize, useNodeCrypto, webCryptoSupports, webCryptoVerifier } from '../../src/core/crypto/webcrypto.js';
import { base58Encode } from '../../src/core/util/base58.js';
import { canYield } from '../../src/core/util/yield.js';
import { malleatedSignatures } from '../support/signature-variants.js';
import { withWebCrypto } from '../../src/core/crypto/suites.js';
import { canonize, eddsaCryptosuite } from '../../src/core/crypto/eddsa-rdfc-2022.js';
import { Sha256MessageDigest } from '../../src/core/crypto/sha256.js';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { badge, documentLoader, makeKey, signDataIntegrity } from '../support/issuer.js';

const MULTIKEY = ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'];
const data = new TextEncoder().encode('verify data: two hashes, 64 bytes of them in a real proof');

async function keys() {
  const ed = await Ed25519Multikey.generate({ seed: new Uint8Array(32).fill(7), id: 'did:example:ed#k', controller: 'did:example:ed' });
  const p256 = await EcdsaMultikey.generate({ curve: 'P-256', id: 'did:example:p256#k', controller: 'did:example:p256' });
  const p384 = await EcdsaMultikey.generate({ curve: 'P-384', id: 'did:example:p384#k', controller: 'did:example:p384' });
  return [ed, p256, p384] as { publicKeyMultibase: string; id: string; signer(): { sign(o: { data: Uint8Array }): Promise<Uint8Array> } }[];
}

describe('WebCrypto signature verification', () => {
  it('has Ed25519, P-256 and P-384 in this runtime (Node 20, Chromium)', async () => {
    for (const curve of ['Ed25519', 'P-256', 'P-384'] as const) expect(await webCryptoSupports(curve), curve).to.equal(true);
  });

  it('agrees with the libraries on good, altered and foreign signatures', async () => {
    const [ed, p256, p384] = await keys();
    for (const key of [ed!, p256!, p384!]) {
      const signature = await key.signer().sign({ data });
      const other = await key.signer().sign({ data: data.slice(1) });
      const altered = Uint8Array.from(signature);
      altered[5]! ^= 1;
      const mine = await webCryptoVerifier(key.publicKeyMultibase, key.id);
      const library = (key.publicKeyMultibase.startsWith('z6Mk') ? await Ed25519Multikey.from(key) : await EcdsaMultikey.from(key)).verifier();
      expect(mine, key.id).to.not.equal(undefined);
      expect(mine!.algorithm).to.equal(library.algorithm);
      for (const [sig, expected] of [[signature, true], [altered, false], [other, false], [signature.slice(0, 10), false], [new Uint8Array(0), false]] as const) {
        expect(await mine!.verify({ data, signature: sig }), `${key.id} ${expected}`).to.equal(expected);
      }
      expect(await mine!.verify({ data: data.slice(1), signature })).to.equal(false);
    }
  });

  it('decodes only well-formed Ed25519, P-256 and P-384 Multikeys', async () => {
    const [ed] = await keys();
    expect(decodeMultikey(ed!.publicKeyMultibase)?.curve).to.equal('Ed25519');
    for (const bad of [undefined, 42, '', 'z', `u${ed!.publicKeyMultibase.slice(1)}`, ed!.publicKeyMultibase.slice(0, -2), `${ed!.publicKeyMultibase}1`, 'z0OIl']) {
      expect(decodeMultikey(bad), String(bad)).to.equal(undefined);
    }
  });

  it('leaves keys it does not take as a plain Multikey of the required algorithm to the library verifier', async () => {
    const [ed, p256] = await keys();
    const calls: string[] = [];
    const spy = (suite: typeof eddsaRdfc2022) => withWebCrypto({ ...suite, createVerifier: async (o: { verificationMethod: { id: string } }) => (calls.push(o.verificationMethod.id), suite.createVerifier(o)) });
    const eddsa = spy(eddsaRdfc2022);
    const ecdsa = spy(ecdsaRdfc2019);
    const vm = (k: { id: string; publicKeyMultibase: string }, extra = {}) => ({ '@context': MULTIKEY, id: k.id, type: 'Multikey', controller: k.id.split('#')[0], publicKeyMultibase: k.publicKeyMultibase, ...extra });
    // Taken: plain Multikeys of the suite's algorithm.
    await eddsa.createVerifier({ verificationMethod: vm(ed!) });
    await ecdsa.createVerifier({ verificationMethod: vm(p256!) });
    expect(calls).to.deep.equal([]);
    // Not taken: another algorithm than the suite's, another key type, no Multikey context.
    await eddsa.createVerifier({ verificationMethod: vm(p256!) }).catch(() => undefined);
    await eddsa.createVerifier({ verificationMethod: vm(ed!, { type: 'Ed25519VerificationKey2020' }) }).catch(() => undefined);
    await eddsa.createVerifier({ verificationMethod: vm(ed!, { '@context': 'https://www.w3.org/ns/did/v1' }) }).catch(() => undefined);
    expect(calls).to.deep.equal([p256!.id, ed!.id, ed!.id]);
  });

  it('canonicalises as the eddsa-rdfc-2022 package does (document and proof options)', async () => {
    const key = await makeKey(3);
    const signed = await signDataIntegrity(badge(key.controller), key);
    const { proof, ...unsecured } = signed as { proof: Record<string, unknown> };
    const { proofValue: _value, ...options } = proof;
    for (const input of [unsecured, { '@context': signed['@context'], ...options }]) {
      const ours = await canonize(input, { documentLoader });
      expect(ours).to.have.length.greaterThan(100);
      expect(ours).to.equal(await eddsaRdfc2022.canonize(input, { documentLoader }));
    }
  });

  it('canonicalises through jsonld with a pause between scoped contexts, and gets the same N-Quads', async () => {
    const key = await makeKey(3);
    const { proof: _proof, ...unsecured } = (await signDataIntegrity(badge(key.controller), key)) as { proof: unknown };
    let pauses = 0;
    const counted = () => {
      pauses++;
      return Promise.resolve();
    };
    // A fresh context set (an inline scoped context), so that jsonld processes it rather than finding it memoised.
    const fresh = { ...unsecured, '@context': [...(unsecured as { '@context': unknown[] })['@context'], { Probe: { '@id': 'urn:probe', '@context': { p: 'urn:p' } } }] };
    const text = await canonize(fresh, { documentLoader, pause: counted });
    expect(pauses).to.be.greaterThan(0);
    expect(text).to.equal(await eddsaRdfc2022.canonize(fresh, { documentLoader }));
  });

  it('in a page, lets urgent work run in the middle of a long context processing by default (the pause is yieldIfDue)', async function () {
    // Node never yields: nothing to observe there.
    const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: string }) => Promise<void> } }).scheduler;
    if (!canYield() || typeof scheduler?.postTask !== 'function') this.skip();
    const key = await makeKey(3);
    const { proof: _proof, ...unsecured } = (await signDataIntegrity(badge(key.controller), key)) as { proof: unknown };
    // An inline context with many type-scoped contexts (processed on every call: only static contexts are memoised).
    const scoped: Record<string, unknown> = {};
    for (let i = 0; i < 300; i++) scoped[`Probe${i}`] = { '@id': `urn:probe:${i}`, '@context': { [`p${i}`]: `urn:p:${i}` } };
    const fresh = { ...unsecured, '@context': [...(unsecured as { '@context': unknown[] })['@context'], scoped] };
    /**
     * Whether a user-blocking task posted just before canonize ran while jsonld turned the document into RDF: by the
     * time RDFC-1.0 asks for its first hash (RDFC-1.0 yields on its own later, every hundred blank nodes).
     */
    const urgentRanDuring = async (options: Record<string, unknown>) => {
      // More than yieldIfDue's 8 ms since the last yield: its first call yields.
      await new Promise((resolve) => setTimeout(resolve, 20));
      let ran = false;
      let ranBeforeHashing: boolean | undefined;
      const createMessageDigest = () => {
        ranBeforeHashing ??= ran;
        return new Sha256MessageDigest();
      };
      void scheduler!.postTask!(() => (ran = true), { priority: 'user-blocking' });
      await canonize(fresh, { documentLoader, createMessageDigest, ...options });
      return ranBeforeHashing;
    };
    // The contexts loaded once (a first load of a module is a task of its own).
    await canonize(fresh, { documentLoader });
    // With a pause that never waits, turning the document into RDF is one stretch of microtasks: the task waits.
    expect(await urgentRanDuring({ pause: () => undefined })).to.equal(false);
    // By default, the page gets a turn.
    expect(await urgentRanDuring({})).to.equal(true);
  });

  it('makes the verify data (two SHA-256 hashes) as @digitalbazaar/data-integrity does, on this thread or not', async () => {
    const key = await makeKey(4);
    const signed = (await signDataIntegrity(badge(key.controller, { name: 'Ünïcödé 名前 🎓' }), key)) as { proof: object };
    const { proof, ...document } = signed;
    try {
      for (const node of [true, false]) {
        useNodeCrypto(node); // Node: both paths; browsers: the in-place hashes only
        for (const name of ['eddsa-rdfc-2022', 'eddsa-2022'] as const) {
          const cryptosuite = eddsaCryptosuite(name);
          const ours = new DataIntegrityProof({ cryptosuite, ...(name === 'eddsa-2022' ? { legacyContext: true } : {}) });
          const library = new DataIntegrityProof({ cryptosuite: { ...cryptosuite, createVerifyData: undefined }, ...(name === 'eddsa-2022' ? { legacyContext: true } : {}) });
          const options = { document, proof, documentLoader };
          const expected = await library.createVerifyData(options);
          const data = await cryptosuite.createVerifyData({ ...options, dataIntegrityProof: ours });
          expect(data, name).to.have.length(64);
          expect([...data], name).to.deep.equal([...expected]);
        }
      }
    } finally {
      useNodeCrypto(true);
    }
  });

  it('keeps at most MAX_CACHED_KEYS imported keys', async () => {
    for (let i = 0; i < MAX_CACHED_KEYS + 40; i++) {
      const raw = new Uint8Array(34);
      raw.set([0xed, 0x01]);
      raw[2] = i & 0xff;
      raw[3] = i >> 8;
      raw[33] = 9;
      await webCryptoVerifier(`z${base58Encode(raw)}`);
    }
    expect(keyCacheSize()).to.equal(MAX_CACHED_KEYS);
  });

  it('gives the same answers through node:crypto as through WebCrypto, where the runtime has both (Node)', async function () {
    if (!useNodeCrypto(true)) this.skip(); // browsers and workers: WebCrypto is the only path
    try {
      const [ed, p256, p384] = await keys();
      const answers = async (enabled: boolean, multibase: string, signatures: Uint8Array[]) => {
        useNodeCrypto(enabled);
        const verifier = await webCryptoVerifier(multibase);
        return verifier ? Promise.all(signatures.flatMap((signature) => [verifier.verify({ data, signature }), verifier.verify({ data: data.slice(1), signature })])) : 'no verifier';
      };
      for (const [curve, key] of [['Ed25519', ed!], ['P-256', p256!], ['P-384', p384!]] as const) {
        // A copy: the library may hand back a Buffer, whose slices share its bytes.
        const signature = Uint8Array.from(await key.signer().sign({ data }));
        const variants = [signature, signature.slice(0, 10), new Uint8Array(0), new Uint8Array(signature.length), Uint8Array.from([...signature, 0])];
        for (let i = 0; i < signature.length; i += 7) {
          const flipped = Uint8Array.from(signature);
          flipped[i]! ^= 0x80;
          variants.push(flipped);
        }
        // Malleated forms (S + L; r, n − s) and r or s out of range.
        variants.push(...malleatedSignatures(curve, signature));
        const native = await answers(true, key.publicKeyMultibase, variants);
        const webCrypto = await answers(false, key.publicKeyMultibase, variants);
        expect(native, curve).to.deep.equal(webCrypto);
        expect((native as boolean[])[0], `${curve}: the good signature`).to.equal(true);
      }
      // Keys: a point not on the curve, the identity, all ones.
      const signature = await ed!.signer().sign({ data });
      for (const raw of [new Uint8Array(32).fill(0xff), Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 1 : 0)), new Uint8Array(32)]) {
        const multibase = `z${base58Encode(Uint8Array.from([0xed, 0x01, ...raw]))}`;
        expect(await answers(true, multibase, [signature]), multibase).to.deep.equal(await answers(false, multibase, [signature]));
      }
      const p256Point = Uint8Array.from([0x80, 0x24, 0x02, ...new Uint8Array(32).fill(0xff)]);
      const multibase = `z${base58Encode(p256Point)}`;
      expect(await answers(true, multibase, [signature]), 'P-256 x out of range').to.deep.equal(await answers(false, multibase, [signature]));
    } finally {
      useNodeCrypto(true);
    }
  });
});
