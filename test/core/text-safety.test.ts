/**
 * Self-asserted issuer names: direction controls, invisible characters and look-alike scripts are removed or
 * flagged (core/text-safety.ts), and the view model carries the flags. Runs in Node and in Chromium.
 */
import { expect } from 'chai';
import { NAME_FLAGS, safeName } from '../../src/core/text-safety.js';
import { buildView, identifierOf } from '../../src/core/view.js';
import { badge } from '../support/issuer.js';

const NAME = 'Example University';
const cp = (n: number) => String.fromCodePoint(n);

describe('text safety: self-asserted names', () => {
  it('leaves an ordinary name alone, in any script', () => {
    for (const name of [NAME, 'Universidad de Málaga', 'Αριστοτέλειο Πανεπιστήμιο', 'Московский университет', 'جامعة القاهرة', 'האוניברסיטה העברית', '東京大学', 'Université Côte d’Azur', 'ETH Zürich – D-INFK']) {
      const safe = safeName(name);
      expect(safe.flags, name).to.deep.equal([]);
      expect(safe.text).to.equal(name);
      expect(safe.isolated).to.equal(`\u2068${name}\u2069`);
    }
  });

  it('keeps scripts apart across words (Latin and Greek in one name is not a look-alike)', () => {
    expect(safeName('Institute of Ελληνικά Studies').flags).to.deep.equal([]);
    expect(safeName('МГУ Moscow').flags).to.deep.equal([]);
  });

  const bidi = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c];
  for (const code of bidi) {
    it(`removes and flags the direction control U+${code.toString(16).toUpperCase().padStart(4, '0')}`, () => {
      const safe = safeName(`Example ${cp(code)}University${cp(code)}`);
      expect(safe.flags).to.deep.equal(['bidi-control']);
      expect(safe.text).to.equal(NAME);
    });
  }

  it('undoes a right-to-left override: the name reads as it is stored', () => {
    // Shown with the override, "Example \u202Eytisrevinu" reads "Example university".
    const safe = safeName('Example \u202Eytisrevinu\u202C');
    expect(safe.text).to.equal('Example ytisrevinu');
    expect(safe.flags).to.deep.equal(['bidi-control']);
  });

  const invisible = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x2062, 0x180e, 0x3164, 0xe0041];
  for (const code of invisible) {
    it(`removes and flags the invisible U+${code.toString(16).toUpperCase().padStart(4, '0')} in a Latin name`, () => {
      const safe = safeName(`Exam${cp(code)}ple University${cp(code)}`);
      expect(safe.flags).to.deep.equal(['invisible']);
      expect(safe.text).to.equal(NAME);
    });
  }

  it('keeps ZWNJ and ZWJ where they are spelling: Persian, Devanagari, emoji sequences', () => {
    for (const name of ['دانشگاه\u200Cها', 'क्\u200Dष', 'Team 👩\u200D💻']) {
      const safe = safeName(name);
      expect(safe.flags, name).to.deep.equal([]);
      expect(safe.text).to.equal(name);
    }
    // Beside a Latin letter, or at an edge, the same joiner only hides.
    expect(safeName('Exa\u200Cmple').flags).to.deep.equal(['invisible']);
    expect(safeName('\u200Dدانشگاه').flags).to.deep.equal(['invisible']);
  });

  it('flags control characters and shows them as one space; newlines and tabs are plain whitespace', () => {
    expect(safeName('Example\u0007University')).to.include({ text: NAME });
    expect(safeName('Example\u0007University').flags).to.deep.equal(['control']);
    expect(safeName('Example\u0085University').flags).to.deep.equal([]);
    expect(safeName('Example\u2028University').flags).to.deep.equal(['control']);
    const spaced = safeName('  Example\n\t  University \u00A0');
    expect(spaced.text).to.equal(NAME);
    expect(spaced.flags).to.deep.equal([]);
  });

  it('flags a word mixing Latin, Cyrillic or Greek look-alikes', () => {
    const cases: [string, string][] = [
      ['Ex\u0430mple University', 'Latin with a Cyrillic а'],
      ['\u0415xample University', 'Cyrillic Е leading a Latin word'],
      ['Example Univ\u0435rsity', 'Cyrillic е inside'],
      ['Examp\u03BFle University', 'Greek ο inside'],
      ['Сбербанк России', 'all Cyrillic: not flagged'],
    ];
    for (const [name, what] of cases.slice(0, 4)) {
      const safe = safeName(name);
      expect(safe.flags, what).to.deep.equal(['mixed-script']);
      // Look-alikes cannot be removed: shown as they are, flagged.
      expect(safe.text, what).to.equal(name);
    }
    expect(safeName(cases[4]![0]).flags).to.deep.equal([]);
  });

  it('reports every flag at once, in a fixed order', () => {
    const safe = safeName('\u202EEx\u0430mple\u200B Uni\u0001versity');
    expect(safe.flags).to.deep.equal(['bidi-control', 'invisible', 'control', 'mixed-script']);
    expect(safe.flags).to.deep.equal(NAME_FLAGS.filter((f) => safe.flags.includes(f)));
    expect(safe.text).to.equal('Ex\u0430mple Uni versity');
  });

  it('never throws, whatever it is given', () => {
    for (const value of [undefined, null, 42, {}, [], '', '\u202E', '\u200B\u200B', '\uD800', 'a'.repeat(100_000)]) {
      const safe = safeName(value);
      expect(safe.text).to.be.a('string');
      expect(safe.flags).to.be.an('array');
    }
    expect(safeName('\u202E\u200B').text).to.equal('');
  });

  describe('in the view model', () => {
    const issuer = (name: unknown, id = 'did:web:example.edu') => ({ id, type: ['Profile'], name });

    it('an ordinary issuer name has no flags', () => {
      const view = buildView(badge('did:web:example.edu') as never);
      expect(view.issuer.name).to.equal('Example Institute of Technology');
      expect(view.issuer).not.to.have.property('nameFlags');
    });

    it('a hostile issuer name is shown cleaned and flagged, beside the verified identifier', () => {
      const view = buildView(badge('did:web:example.edu', { issuer: issuer('Ex\u0430mple \u202EUniversity\u200B') }) as never, 'did:web:example.edu');
      expect(view.issuer.name).to.equal('Ex\u0430mple University');
      expect(view.issuer.nameFlags).to.deep.equal(['bidi-control', 'invisible', 'mixed-script']);
      expect(view.issuer.verifiedIdentifier).to.equal('did:web:example.edu');
    });

    it('a name made only of hidden characters is no name (flagged)', () => {
      const view = buildView(badge('did:web:example.edu', { issuer: issuer('\u200B\u202E\u2066') }) as never);
      expect(view.issuer).not.to.have.property('name');
      expect(view.issuer.nameFlags).to.deep.equal(['bidi-control', 'invisible']);
    });

    it('the domain of an https issuer is its punycode hostname', () => {
      expect(identifierOf('https://ex\u0430mple.edu/issuer')).to.equal('xn--exmple-4nf.edu');
      expect(identifierOf('https://bücher.example/profile')).to.equal('xn--bcher-kva.example');
      expect(identifierOf('did:web:example.edu#key-1')).to.equal('did:web:example.edu');
    });
  });
});
