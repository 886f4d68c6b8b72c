/** Baked badges: credentials in PNG iTXt chunks and SVG elements. Runs in Node and in Chromium (no node: imports). */
import { expect } from 'chai';
import { bakePng, bakeSvg, unbake, type Unbaked } from '../../src/core/bake.js';
import { readPngCredential } from '../../src/core/load/png.js';
import { OB_NAMESPACE, readSvgCredential } from '../../src/core/load/svg.js';

const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:3a9a3b8c-1d3e-4d3f-9a59-2b2b5f0f6c11',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', type: ['Profile'], name: 'Zoë & <Co> "Ltd"' },
  validFrom: '2026-01-01T00:00:00Z',
  name: 'Teamwork — 協力 🏅',
  credentialSubject: { type: ['AchievementSubject'], achievement: { type: ['Achievement'], name: 'Teamwork' } },
};
const JWS = 'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6a2V5Ong2TWtoYSJ9.c2lnbmF0dXJlLWJ5dGVz';
const KEYWORD = 'openbadgecredential';

// ---------------------------------------------------------------------------------------------------------------
// A tiny PNG encoder, independent of the code under test: stored (uncompressed) deflate blocks, bitwise CRC-32.

const enc = new TextEncoder();
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function u32(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
}

function crc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const body = concat(latin1(type), data);
  return concat(u32(data.length), body, u32(crc(body)));
}

function zlibStored(data: Uint8Array): Uint8Array {
  let a = 1;
  let b = 0;
  for (const x of data) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  const len = data.length; // < 65536 in these tests: one block
  return concat(new Uint8Array([0x78, 0x01, 0x01, len & 255, len >> 8, ~len & 255, (~len >> 8) & 255]), data, u32(((b << 16) | a) >>> 0));
}

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(width: number, height: number): Uint8Array {
  return chunk('IHDR', concat(u32(width), u32(height), new Uint8Array([8, 6, 0, 0, 0]))); // 8-bit RGBA
}

/** An RGBA PNG whose pixel (x, y) has the colour `colour(x, y)`, plus any extra chunks before IEND. */
function makePng(width: number, height: number, colour: (x: number, y: number) => number[], extra: Uint8Array[] = []): Uint8Array {
  const raw: number[] = [];
  for (let y = 0; y < height; y++) {
    raw.push(0); // filter type None
    for (let x = 0; x < width; x++) raw.push(...colour(x, y));
  }
  return concat(SIGNATURE, ihdr(width, height), chunk('IDAT', zlibStored(new Uint8Array(raw))), ...extra, chunk('IEND', new Uint8Array()));
}

/** An iTXt chunk, with the compression flag and text as given. */
function itxt(keyword: string, text: string | Uint8Array, flag = 0): Uint8Array {
  const body = typeof text === 'string' ? enc.encode(text) : text;
  return chunk('iTXt', concat(latin1(keyword), new Uint8Array([0, flag, 0, 0, 0]), body));
}

/** The chunks of a (valid) PNG: type, offset, data. */
function chunksOf(png: Uint8Array): { type: string; at: number; data: Uint8Array }[] {
  const out = [];
  let p = 8;
  while (p < png.length) {
    const len = new DataView(png.buffer, png.byteOffset).getUint32(p);
    out.push({ type: String.fromCharCode(...png.subarray(p + 4, p + 8)), at: p, data: png.subarray(p + 8, p + 8 + len) });
    p += 12 + len;
  }
  return out;
}

const credentialChunks = (png: Uint8Array) =>
  chunksOf(png).filter((c) => c.type === 'iTXt' && new TextDecoder().decode(c.data.subarray(0, KEYWORD.length + 1)) === `${KEYWORD}\0`);

const red = () => [255, 0, 0, 255];
const png = makePng(2, 2, red);

/** unbake, failing the test on a throw (unbake must never throw). */
function safeUnbake(input: Uint8Array | string, max?: number): Unbaked {
  let result: Unbaked | undefined;
  expect(() => (result = unbake(input, max))).to.not.throw();
  return result!;
}

function expectFailure(result: Unbaked, code: string, message?: RegExp): void {
  expect(result.ok, JSON.stringify(result)).to.equal(false);
  if (result.ok) return;
  expect(result.code, result.message).to.equal(code);
  expect(result.message).to.be.a('string').that.is.not.empty;
  if (message) expect(result.message).to.match(message);
}

/** A small deterministic PRNG, so failures reproduce. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s & 255;
  };
}

// ---------------------------------------------------------------------------------------------------------------

describe('baked PNG badges', () => {
  it('the test encoder makes a PNG that reads as having no credential', () => {
    expectFailure(safeUnbake(png), 'no-baked-credential', /no Open Badges 3\.0 credential/);
  });

  it('round-trips a credential object', () => {
    const result = safeUnbake(bakePng(png, credential));
    expect(result).to.deep.include({ ok: true, format: 'png' });
    if (result.ok) {
      expect(result.text).to.equal(JSON.stringify(credential));
      expect(JSON.parse(result.text)).to.deep.equal(credential);
    }
  });

  it('round-trips a compact JWS string', () => {
    expect(safeUnbake(bakePng(png, JWS))).to.deep.equal({ ok: true, format: 'png', text: JWS });
  });

  it('writes one uncompressed iTXt chunk right after IHDR, with the exact layout of the specification', () => {
    const baked = bakePng(png, JWS);
    const chunks = chunksOf(baked);
    expect(chunks.map((c) => c.type)).to.deep.equal(['IHDR', 'iTXt', 'IDAT', 'IEND']);
    expect([...chunks[1]!.data]).to.deep.equal([...latin1(KEYWORD), 0, 0, 0, 0, 0, ...enc.encode(JWS)]);
    const body = baked.subarray(chunks[1]!.at + 4, chunks[1]!.at + 8 + chunks[1]!.data.length);
    expect(new DataView(baked.buffer).getUint32(chunks[1]!.at + 8 + chunks[1]!.data.length)).to.equal(crc(body));
    expect(baked.length).to.equal(png.length + 12 + chunks[1]!.data.length);
  });

  it('baking twice leaves exactly one credential, the newer one', () => {
    const twice = bakePng(bakePng(png, credential), JWS);
    expect(credentialChunks(twice)).to.have.length(1);
    expect(safeUnbake(twice)).to.deep.equal({ ok: true, format: 'png', text: JWS });
  });

  it('rebaking removes a credential chunk placed anywhere (and keeps the other chunks)', () => {
    const old = makePng(2, 2, red, [chunk('tEXt', latin1('Comment\0hi')), itxt(KEYWORD, '{"old":true}')]);
    const rebaked = bakePng(old, credential);
    expect(chunksOf(rebaked).map((c) => c.type)).to.deep.equal(['IHDR', 'iTXt', 'IDAT', 'tEXt', 'IEND']);
    expect(safeUnbake(rebaked)).to.deep.include({ ok: true, text: JSON.stringify(credential) });
  });

  it('does not modify the PNG it is given', () => {
    const copy = png.slice();
    bakePng(png, credential);
    expect([...png]).to.deep.equal([...copy]);
  });

  it('reads the FIRST openbadgecredential iTXt chunk', () => {
    const two = makePng(1, 1, red, [itxt(KEYWORD, '{"first":1}'), itxt(KEYWORD, '{"second":2}')]);
    expect(safeUnbake(two)).to.deep.include({ ok: true, text: '{"first":1}' });
  });

  it('skips iTXt chunks with other keywords and ignores tEXt chunks with the keyword', () => {
    const other = makePng(1, 1, red, [itxt('Description', 'x'), chunk('tEXt', latin1(`${KEYWORD}\0{}`)), itxt(KEYWORD, JWS)]);
    expect(safeUnbake(other)).to.deep.include({ ok: true, text: JWS });
    expectFailure(safeUnbake(makePng(1, 1, red, [chunk('tEXt', latin1(`${KEYWORD}\0{}`))])), 'no-baked-credential');
  });

  it('reads a language tag and translated keyword when present', () => {
    const body = concat(latin1(KEYWORD), new Uint8Array([0, 0, 0]), latin1('en-GB'), new Uint8Array([0]), enc.encode('Open Badge'), new Uint8Array([0]), enc.encode(JWS));
    expect(safeUnbake(makePng(1, 1, red, [chunk('iTXt', body)]))).to.deep.include({ ok: true, text: JWS });
  });

  it('says when it finds an Open Badges 2.0 assertion instead', () => {
    expectFailure(safeUnbake(makePng(1, 1, red, [itxt('openbadges', '{"type":"Assertion"}')])), 'no-baked-credential', /2\.0/);
  });

  it('a truncated PNG is invalid-image, naming the chunk', () => {
    const baked = bakePng(png, credential);
    const idat = chunksOf(baked).find((c) => c.type === 'IDAT')!;
    expectFailure(safeUnbake(baked.subarray(0, idat.at + 20)), 'invalid-image', /truncated in chunk IDAT/);
  });

  it('every truncation of a baked PNG is invalid-image, never a throw', () => {
    const baked = bakePng(png, JWS);
    for (let n = 0; n < baked.length; n++) {
      const result = safeUnbake(baked.subarray(0, n));
      expect(result.ok, `truncated to ${n} bytes`).to.equal(false);
      if (!result.ok) expect(result.code, `truncated to ${n} bytes: ${result.message}`).to.equal('invalid-image');
    }
  });

  it('a flipped CRC byte is invalid-image, naming the chunk', () => {
    const baked = bakePng(png, credential);
    const itxtChunk = chunksOf(baked)[1]!;
    const broken = baked.slice();
    broken[itxtChunk.at + 8 + itxtChunk.data.length + 2]! ^= 0x40;
    expectFailure(safeUnbake(broken), 'invalid-image', /CRC of chunk iTXt/);
  });

  it('a flipped byte in the credential text is caught by the CRC (tampering without fixing the CRC)', () => {
    const baked = bakePng(png, credential);
    const broken = baked.slice();
    broken[chunksOf(baked)[1]!.at + 40]! ^= 0x01;
    expectFailure(safeUnbake(broken), 'invalid-image', /CRC/);
  });

  it('every single-bit flip of a baked PNG is invalid-image, never a throw', () => {
    const baked = bakePng(png, JWS);
    for (let i = 0; i < baked.length; i++) {
      const broken = baked.slice();
      broken[i]! ^= 0x01;
      const result = safeUnbake(broken);
      expect(result.ok, `bit flipped in byte ${i}`).to.equal(false);
      if (!result.ok) expect(result.code, `byte ${i}: ${result.message}`).to.equal('invalid-image');
    }
  });

  it('a missing IEND is invalid-image', () => {
    const baked = bakePng(png, credential);
    expectFailure(safeUnbake(baked.subarray(0, baked.length - 12)), 'invalid-image', /without an IEND chunk/);
  });

  it('IHDR not first is invalid-image', () => {
    const swapped = concat(SIGNATURE, itxt(KEYWORD, JWS), ihdr(1, 1), chunk('IEND', new Uint8Array()));
    expectFailure(safeUnbake(swapped), 'invalid-image', /first chunk is iTXt, not IHDR/);
  });

  it('a compressed iTXt credential is invalid-image', () => {
    const compressed = makePng(1, 1, red, [itxt(KEYWORD, new Uint8Array([0x78, 0x9c, 3, 0, 0, 0, 0, 1]), 1)]);
    expectFailure(safeUnbake(compressed), 'invalid-image', /compressed iTXt is not allowed for Open Badges 3\.0/);
  });

  it('credential text that is not UTF-8 is invalid-image', () => {
    expectFailure(safeUnbake(makePng(1, 1, red, [itxt(KEYWORD, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))])), 'invalid-image', /UTF-8/);
  });

  it('a PNG over the cap is too-large', () => {
    const baked = bakePng(png, credential);
    expectFailure(safeUnbake(baked, baked.length - 1), 'too-large');
    expect(safeUnbake(baked, baked.length).ok).to.equal(true);
    expect(readPngCredential(baked, 100)).to.deep.include({ ok: false, code: 'too-large' });
  });

  it('random bytes behind a PNG signature are invalid-image, never a throw', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = prng(seed);
      const bytes = concat(SIGNATURE, Uint8Array.from({ length: 1 + (seed % 97) * 7 }, next));
      expectFailure(safeUnbake(bytes), 'invalid-image');
    }
    expectFailure(safeUnbake(SIGNATURE), 'invalid-image');
  });

  it('a chunk length that runs past the end is invalid-image (no huge allocation)', () => {
    const lying = concat(SIGNATURE, u32(0x7ffffff0), latin1('IHDR'), new Uint8Array(20));
    expectFailure(safeUnbake(lying), 'invalid-image', /truncated in chunk IHDR/);
  });

  it('bakePng throws a TypeError for something that is not a valid PNG', () => {
    expect(() => bakePng(new Uint8Array([1, 2, 3]), credential)).to.throw(TypeError, /not a valid PNG/);
    expect(() => bakePng(png.subarray(0, png.length - 5), credential)).to.throw(TypeError, /truncated/);
    expect(() => bakePng('not bytes' as unknown as Uint8Array, credential)).to.throw(TypeError);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>';
const wrap = (inner: string, ns = ` xmlns:openbadges="${OB_NAMESPACE}"`) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"${ns}>${inner}<rect width="1" height="1"/></svg>`;

describe('baked SVG badges', () => {
  it('an SVG without a credential is no-baked-credential', () => {
    expectFailure(safeUnbake(SVG), 'no-baked-credential', /no <openbadges:credential> element/);
  });

  it('round-trips a credential object as JSON in CDATA', () => {
    const baked = bakeSvg(SVG, credential);
    expect(baked).to.equal(
      `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" xmlns:openbadges="${OB_NAMESPACE}">` +
        `<openbadges:credential><![CDATA[${JSON.stringify(credential)}]]></openbadges:credential>` +
        '<rect width="10" height="10" fill="red"/></svg>',
    );
    const result = safeUnbake(baked);
    expect(result).to.deep.include({ ok: true, format: 'svg' });
    if (result.ok) expect(JSON.parse(result.text)).to.deep.equal(credential);
  });

  it('round-trips a compact JWS in the verify attribute', () => {
    const baked = bakeSvg(SVG, JWS);
    expect(baked).to.contain(`<openbadges:credential verify="${JWS}"></openbadges:credential>`);
    expect(safeUnbake(baked)).to.deep.equal({ ok: true, format: 'svg', text: JWS });
  });

  it('round-trips a JSON string, and reads the bytes of an SVG with a BOM, XML declaration, comments and a DOCTYPE', () => {
    const prologue = '\uFEFF<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n';
    const baked = bakeSvg(prologue + SVG, '{"a": 1}');
    expect(baked.startsWith(prologue)).to.equal(true);
    expect(safeUnbake(enc.encode(baked))).to.deep.equal({ ok: true, format: 'svg', text: '{"a": 1}' });
  });

  it('JSON containing "]]>" is split across CDATA sections and round-trips', () => {
    const tricky = { ...credential, name: 'ends ]]> here, and ]]]]> twice <![CDATA[ too' };
    const baked = bakeSvg(SVG, tricky);
    expect(baked.split('<![CDATA[').length).to.be.greaterThan(2);
    const result = safeUnbake(baked);
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    if (result.ok) expect(JSON.parse(result.text)).to.deep.equal(tricky);
  });

  it('baking twice leaves one credential, and the namespace is declared once', () => {
    const twice = bakeSvg(bakeSvg(SVG, credential), JWS);
    expect(twice.split('<openbadges:credential').length).to.equal(2);
    expect(twice.split('xmlns:openbadges=').length).to.equal(2);
    expect(safeUnbake(twice)).to.deep.include({ ok: true, text: JWS });
  });

  it('rebaking removes credentials anywhere in the document, keeping everything else', () => {
    const old = wrap('<g><openbadges:credential verify="a.b.c"/></g><!-- <openbadges:credential/> -->');
    const rebaked = bakeSvg(old, JWS);
    expect(rebaked).to.equal(wrap(`<openbadges:credential verify="${JWS}"></openbadges:credential><g></g><!-- <openbadges:credential/> -->`));
  });

  it('bakes into a self-closing root', () => {
    const baked = bakeSvg('<svg xmlns="http://www.w3.org/2000/svg" />', credential);
    expect(baked.endsWith('</openbadges:credential></svg>')).to.equal(true);
    expect(safeUnbake(baked)).to.deep.include({ ok: true, text: JSON.stringify(credential) });
  });

  it('declares the namespace on the element when the root binds "openbadges" to the 2.0 namespace', () => {
    const ob2 = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a"/></svg>';
    expectFailure(safeUnbake(ob2), 'no-baked-credential', /Open Badges 2\.0/);
    const baked = bakeSvg(ob2, JWS);
    expect(baked).to.contain(`<openbadges:credential xmlns:openbadges="${OB_NAMESPACE}" verify="${JWS}">`);
    expect(safeUnbake(baked)).to.deep.include({ ok: true, text: JWS });
  });

  it('bakeSvg throws a TypeError when there is no root <svg> element', () => {
    expect(() => bakeSvg('<html><svg></svg></html>', JWS)).to.throw(TypeError, /no root <svg> element/);
    expect(() => bakeSvg('just text', JWS)).to.throw(TypeError);
    expect(() => bakeSvg('<svg><g></svg>', JWS)).to.throw(TypeError, /not well-formed/);
  });

  it('reads the 1EdTech layout: CDATA with surrounding whitespace', () => {
    const svg = wrap('\n  <openbadges:credential>\n    <![CDATA[\n    {"id": "urn:x"}\n    ]]>\n  </openbadges:credential>\n');
    expect(safeUnbake(svg)).to.deep.include({ ok: true, text: '{"id": "urn:x"}' });
  });

  it('two credentials are several-baked-credentials', () => {
    const svg = wrap(`<openbadges:credential verify="${JWS}"/><g><openbadges:credential><![CDATA[{}]]></openbadges:credential></g>`);
    expectFailure(safeUnbake(svg), 'several-baked-credentials', /2 <openbadges:credential> elements/);
  });

  it('a credential inside a comment, a CDATA section or a processing instruction is ignored', () => {
    const hidden = `<!-- <openbadges:credential verify="x.y.z"/> --><style><![CDATA[ <openbadges:credential verify="x.y.z"/> ]]></style><?pi <openbadges:credential verify="x.y.z"/> ?>`;
    expect(safeUnbake(wrap(`${hidden}<openbadges:credential verify="${JWS}"/>`))).to.deep.include({ ok: true, text: JWS });
    expectFailure(safeUnbake(wrap(hidden)), 'no-baked-credential');
  });

  it('a DOCTYPE internal subset with ">" and fake elements in quotes is skipped', () => {
    const svg = `<?xml version="1.0"?><!DOCTYPE svg [ <!ENTITY x "<openbadges:credential verify='a.b.c'/>"> <!-- ] > --> ]>${wrap(`<openbadges:credential verify="${JWS}"/>`).slice(38)}`;
    expect(safeUnbake(svg)).to.deep.include({ ok: true, text: JWS });
  });

  it('decodes entities in the verify attribute', () => {
    const [h, p, s] = JWS.split('.');
    const svg = wrap(`<openbadges:credential verify="  ${h}&#46;${p}&#x2E;${s} "/>`);
    expect(safeUnbake(svg)).to.deep.include({ ok: true, text: JWS });
    expect(readSvgCredential(wrap('<openbadges:credential verify="a&amp;b&lt;&gt;&quot;&apos;&#x1F3C5;"/>'))).to.deep.equal({ ok: true, text: 'a&b<>"\'🏅' });
  });

  it('accepts entity-escaped JSON text content', () => {
    const svg = wrap('<openbadges:credential>{&quot;name&quot;: &quot;&lt;b&gt; &amp; &apos;c&apos; &#233;&quot;}</openbadges:credential>');
    expect(safeUnbake(svg)).to.deep.include({ ok: true, text: `{"name": "<b> & 'c' é"}` });
  });

  it('an unknown entity or a bare "&" in the credential is invalid-image', () => {
    expectFailure(safeUnbake(wrap('<openbadges:credential>{"a": "&nbsp;"}</openbadges:credential>')), 'invalid-image', /&nbsp;/);
    expectFailure(safeUnbake(wrap('<openbadges:credential verify="a&b"/>')), 'invalid-image', /bare "&"/);
    expectFailure(safeUnbake(wrap('<openbadges:credential verify="&#0;"/>')), 'invalid-image');
  });

  it('accepts another prefix, or the default namespace, bound to the Open Badges 3.0 namespace', () => {
    expect(safeUnbake(wrap(`<ob:credential xmlns:ob="${OB_NAMESPACE}" verify="${JWS}"/>`, ''))).to.deep.include({ ok: true, text: JWS });
    expect(safeUnbake(wrap(`<credential xmlns="${OB_NAMESPACE}">{"a":1}</credential>`, ''))).to.deep.include({ ok: true, text: '{"a":1}' });
    // a prefix binding ends with its element
    expectFailure(safeUnbake(wrap(`<g xmlns:ob="${OB_NAMESPACE}"/><ob:credential xmlns:ob="urn:other" verify="${JWS}"/>`)), 'no-baked-credential');
    expectFailure(safeUnbake(wrap(`<other:credential xmlns:other="urn:other" verify="${JWS}"/>`)), 'no-baked-credential');
  });

  it('a self-closing or empty element without verify is no-baked-credential', () => {
    expectFailure(safeUnbake(wrap('<openbadges:credential/>')), 'no-baked-credential', /empty/);
    expectFailure(safeUnbake(wrap('<openbadges:credential verify=""> <![CDATA[  ]]> </openbadges:credential>')), 'no-baked-credential', /empty/);
  });

  it('an element holding markup instead of JSON is invalid-image', () => {
    expectFailure(safeUnbake(wrap('<openbadges:credential><script>alert(1)</script></openbadges:credential>')), 'invalid-image', /other elements/);
  });

  it('malformed XML is invalid-image', () => {
    for (const bad of [
      wrap('<openbadges:credential verify="a.b.c">'),
      wrap('<g></openbadges:credential>'),
      wrap('<openbadges:credential verify=a.b.c/>'),
      wrap('<openbadges:credential verify="a.b.c"'),
      wrap('<!-- never closed'),
      wrap('<![CDATA[ never closed'),
      '<svg xmlns="http://www.w3.org/2000/svg"></svg><svg></svg>',
    ]) {
      expectFailure(safeUnbake(bad), 'invalid-image', /not well-formed/);
    }
  });

  it('text that is neither PNG nor SVG is invalid-image', () => {
    expectFailure(safeUnbake('{"@context": []}'), 'invalid-image', /neither a PNG nor an SVG/);
    expectFailure(safeUnbake('<html><svg></svg></html>'), 'invalid-image');
    expectFailure(safeUnbake(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'invalid-image');
    expectFailure(safeUnbake(null as unknown as string), 'invalid-image');
  });

  it('an SVG over the cap is too-large', () => {
    const baked = bakeSvg(SVG, credential);
    expectFailure(safeUnbake(baked, 100), 'too-large');
    expectFailure(safeUnbake(enc.encode(baked), 100), 'too-large');
    // the cap is in UTF-8 bytes, not characters
    const wide = bakeSvg(SVG, { name: '🏅'.repeat(100) });
    expectFailure(safeUnbake(wide, wide.length + 100), 'too-large');
  });

  describe('hostile 5 MB SVGs return a result', () => {
    const head = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB_NAMESPACE}">`;
    const fill = (fragment: string) => head + fragment.repeat(Math.ceil((5 * 1024 * 1024) / fragment.length));
    const cases: [string, string][] = [
      ['unclosed credential elements with unclosed CDATA', fill('<openbadges:credential><![CDATA[{"a":')],
      ['credential start tags without ">"', fill('<openbadges:credential ')],
      ['credential start tags without a name ending', fill('<openbadges:credential')],
      ['unclosed verify attributes', fill('<openbadges:credential verify="eyJ.')],
      ['nested, never-closed credential elements', fill('<openbadges:credential>')],
      ['nested, never-closed elements with namespace declarations', fill(`<g xmlns:ob="${OB_NAMESPACE}">`)],
      ['comment openers', fill('<!--<openbadges:credential>')],
      ['ampersands in a credential', `${head}<openbadges:credential>${'&'.repeat(5 * 1024 * 1024)}</openbadges:credential></svg>`],
      ['many closed credentials', `${fill('<openbadges:credential verify="a.b.c"/>')}</svg>`],
      ['a DOCTYPE that never ends', `<!DOCTYPE svg [${'['.repeat(5 * 1024 * 1024)}`],
    ];
    for (const [name, svg] of cases) {
      it(name, () => {
        const result = safeUnbake(svg);
        expect(result.ok).to.equal(false);
        expect(readSvgCredential(svg).ok).to.equal(false);
      });
    }
  });
});
