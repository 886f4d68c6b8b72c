// Toolchain guard: runs in Node (mocha + tsx) and in Chromium (web-test-runner).
// It proves that the CommonJS JSON-LD stack (jsonld -> rdf-canonize) and the ESM
// Ed25519 stack (with its `browser` field mappings) load and work on both platforms.
// Keep it: if it fails, the test infrastructure is broken, not the library.
import {expect} from 'chai';
import jsonld from 'jsonld';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

const isBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';

const doc = {
  '@context': {
    name: 'http://schema.org/name',
    knows: {'@id': 'http://schema.org/knows', '@type': '@id'},
    friend: 'http://schema.org/friend',
  },
  '@id': 'http://example.com/alice',
  name: 'Alice',
  knows: 'http://example.com/bob',
  friend: {name: 'Carol'},
};

const expectedNQuads = [
  '<http://example.com/alice> <http://schema.org/friend> _:c14n0 .',
  '<http://example.com/alice> <http://schema.org/knows> <http://example.com/bob> .',
  '<http://example.com/alice> <http://schema.org/name> "Alice" .',
  '_:c14n0 <http://schema.org/name> "Carol" .',
  '',
].join('\n');

// A fixed seed makes Ed25519 fully deterministic, so Node (node:crypto) and the
// browser build (@noble/ed25519) must produce the very same key and signature.
const seed = new Uint8Array(32).map((_, i) => i + 1);
const EXPECTED_PUBLIC_KEY_MULTIBASE = 'z6MkneMkZqwqRiU5mJzSG3kDwzt9P8C59N4NGTfBLfSGE7c7';
const EXPECTED_SIGNATURE_HEX =
  'c6b53558e4ef1ddf48074ac7bb3de30401ea69187d6ac962f7462750c8c8f376' +
  '055f11b92b352c34d9dec1c5cc1fa4890837e366556d71651c76374c84d6f10c';

const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

describe(`toolchain (${isBrowser ? 'browser' : 'node'})`, function () {
  this.timeout(20000);

  it('canonizes an inline JSON-LD document with jsonld (CommonJS)', async () => {
    const nquads = await jsonld.canonize(doc, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      safe: true,
    });
    expect(nquads).to.equal(expectedNQuads);
  });

  it('generates an Ed25519 Multikey pair, signs and verifies bytes', async () => {
    const keyPair = await Ed25519Multikey.generate({controller: 'did:example:issuer'});
    expect(keyPair.publicKeyMultibase).to.be.a('string').and.match(/^z6Mk/);

    const data = new TextEncoder().encode('hello badges');
    const signature: Uint8Array = await keyPair.signer().sign({data});
    expect(signature).to.be.instanceOf(Uint8Array);
    expect(signature.length).to.equal(64);

    const {verify} = keyPair.verifier();
    expect(await verify({data, signature})).to.equal(true);

    const tampered = new TextEncoder().encode('hello badgez');
    expect(await verify({data: tampered, signature})).to.equal(false);
  });

  it('derives the same key and signature from a seed on every platform', async () => {
    const keyPair = await Ed25519Multikey.generate({seed});
    expect(keyPair.publicKeyMultibase).to.equal(EXPECTED_PUBLIC_KEY_MULTIBASE);
    const data = new TextEncoder().encode('hello badges');
    const signature: Uint8Array = await keyPair.signer().sign({data});
    expect(toHex(signature)).to.equal(EXPECTED_SIGNATURE_HEX);
  });
});
