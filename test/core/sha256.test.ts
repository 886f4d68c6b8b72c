import { expect } from 'chai';
import { Sha256MessageDigest, sha256Hex } from '../../src/core/crypto/sha256.js';

const webCrypto = async (bytes: Uint8Array) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))].map((b) => b.toString(16).padStart(2, '0')).join('');

describe('SHA-256 on the calling thread', () => {
  it('gives the FIPS 180-4 answers', () => {
    expect(sha256Hex(new Uint8Array(0))).to.equal('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(new TextEncoder().encode('abc'))).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new TextEncoder().encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).to.equal(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with WebCrypto on every length around the block boundaries and on random data', async () => {
    let seed = 42;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
    const lengths = [...Array(200).keys(), 447, 448, 511, 512, 513, 1000, 4096, 10_007];
    for (const length of lengths) {
      const bytes = Uint8Array.from({ length }, random);
      expect(sha256Hex(bytes), `length ${length}`).to.equal(await webCrypto(bytes));
    }
  });

  it('hashes text as UTF-8, as rdf-canonize\'s message digest does', async () => {
    const md = new Sha256MessageDigest();
    for (const part of ['<urn:x> <http://schema.org/name> "Ünïcödé 名前 🎓"@de .\n', '_:c14n0 <urn:p> "\\u0000 tab\t" .\n']) md.update(part);
    const text = '<urn:x> <http://schema.org/name> "Ünïcödé 名前 🎓"@de .\n_:c14n0 <urn:p> "\\u0000 tab\t" .\n';
    expect(await md.digest()).to.equal(await webCrypto(new TextEncoder().encode(text)));
  });
});
