/**
 * The pure parts of <vb-passport> (Node and Chromium): which shapes of list it reads, how a settled result is
 * counted, skill keys, the skills overview and sorting.
 */
import { expect } from 'chai';
import { entriesOf, itemsOf, MAX_BADGES } from '../../src/components/passport/sources.js';
import { compareText, skillKey, skillsOf, sortBadges, statusOf, summaryOf, type BadgeStatus } from '../../src/components/passport/model.js';
import type { BadgeView, Check, VerificationResult } from '../../src/core/index.js';

const BASE = 'https://passport.example/lists/me.json';
const credential = (name: string) => ({ type: ['VerifiableCredential', 'OpenBadgeCredential'], name, credentialSubject: { achievement: { name } } });

describe('passport sources', () => {
  const cases: [string, unknown, number | undefined][] = [
    ['an array', [credential('a'), credential('b')], 2],
    ['a presentation', { type: ['VerifiablePresentation'], verifiableCredential: [credential('a'), credential('b'), credential('c')] }, 3],
    ['a presentation with one credential', { type: 'VerifiablePresentation', verifiableCredential: credential('a') }, 1],
    ['a single credential', credential('a'), 1],
    ['a CLR transcript (itself, then each credential)', { type: ['VerifiableCredential', 'ClrCredential'], credentialSubject: { verifiableCredential: [credential('a'), credential('b')] } }, 3],
    ['a transcript inside an array', [credential('x'), { type: ['ClrCredential'], credentialSubject: { verifiableCredential: [credential('a')] } }], 3],
    ['an object that is none of these', { hello: 'world' }, undefined],
    ['a string', 'https://example.org/badge.json', undefined],
    ['null', null, undefined],
  ];
  for (const [name, value, count] of cases) {
    it(`reads ${name}`, () => {
      expect(entriesOf(value, BASE, 't')?.entries.length).to.equal(count);
    });
  }

  it('tells URLs (resolved against the list), JWTs and JSON text apart', () => {
    const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.c2ln';
    const { entries } = entriesOf(['https://b.example/1.json', '../b/2.json', jwt, '{"a":1}', { type: ['EnvelopedVerifiableCredential'], id: `data:application/vc+jwt,${jwt}` }], BASE, 't')!;
    expect(entries.map((e) => e.src ?? e.credential)).to.deep.equal(['https://b.example/1.json', 'https://passport.example/b/2.json', jwt, '{"a":1}', jwt]);
    expect(entries.map((e) => e.key)).to.deep.equal(['t.0', 't.1', 't.2', 't.3', 't.4']);
  });

  it('previews objects for sorting, without verifying them', () => {
    const [entry] = entriesOf([{ ...credential('Preview'), validFrom: '2026-01-01T00:00:00Z' }], BASE, 't')!.entries;
    expect(entry!.preview?.achievement?.name).to.equal('Preview');
    expect(entry!.preview?.issued).to.equal('2026-01-01T00:00:00Z');
    expect(entry!.preview?.issuer.verifiedIdentifier).to.equal(undefined);
  });

  it(`keeps at most ${MAX_BADGES} badges`, () => {
    const list = entriesOf(Array.from({ length: MAX_BADGES + 5 }, () => 'https://b.example/x'), BASE, 't')!;
    expect(list.entries).to.have.length(MAX_BADGES);
    expect(list.truncated).to.equal(true);
    expect(itemsOf([])).to.deep.equal([]);
  });
});

describe('passport model', () => {
  const result = (verdict: VerificationResult['verdict'], ...failed: [Check['id'], Check['code']][]): VerificationResult => ({
    verdict,
    checks: failed.map(([id, code]) => ({ id, code, outcome: 'failed', message: '' })),
  });

  it('counts a settled result as verified, expired, revoked, suspended, not valid or could not check', () => {
    expect(statusOf(undefined)).to.equal('verifying');
    expect(statusOf(result('verified'))).to.equal('verified');
    expect(statusOf(result('indeterminate'))).to.equal('indeterminate');
    expect(statusOf(result('failed', ['validity', 'expired']))).to.equal('expired');
    expect(statusOf(result('failed', ['status', 'revoked']))).to.equal('revoked');
    expect(statusOf(result('failed', ['status', 'suspended']))).to.equal('suspended');
    expect(statusOf(result('failed', ['validity', 'expired'], ['status', 'revoked']))).to.equal('revoked');
    expect(statusOf(result('failed', ['validity', 'not-yet-valid']))).to.equal('failed');
    expect(statusOf(result('failed', ['signature', 'invalid-signature']))).to.equal('failed');
    // A transcript failing through a nested credential only.
    expect(statusOf(result('failed'))).to.equal('failed');
  });

  it('writes the summary in a fixed order, leaving out zeros', () => {
    const statuses: BadgeStatus[] = ['verifying', 'indeterminate', ...Array<BadgeStatus>(12).fill('verified'), 'revoked', 'expired', 'verifying'];
    expect(summaryOf(statuses, 'en')).to.equal('12 verified · 1 expired · 1 revoked · 1 could not be checked · 2 verifying');
    expect(summaryOf([], 'en')).to.equal('');
  });

  it('keys a skill by framework, code and name, escaping the separator', () => {
    expect(skillKey({ targetName: 'Data Scientists', targetCode: '15-2051.00', targetFramework: 'O*NET-SOC' })).to.equal('O*NET-SOC|15-2051.00|Data Scientists');
    expect(skillKey({ targetName: 'a|b', targetFramework: '100%' })).to.equal('100%25||a%7Cb');
    expect(skillKey({ targetUrl: 'https://example.org' })).to.equal(undefined);
  });

  it('counts each skill once per verified badge and lists unbacked skills with 0, last', () => {
    const view = (...names: string[]): BadgeView => ({ kind: 'achievement', issuer: {}, alignments: names.map((targetName) => ({ targetName })), evidence: [], results: [], endorsementCount: 0 });
    const skills = skillsOf(
      [
        { status: 'verified', view: view('b', 'a', 'a') },
        { status: 'verified', view: view('b') },
        { status: 'revoked', view: view('b', 'z') },
        { status: 'verifying', view: view('never') },
      ],
    );
    expect(skills.map((s) => [s.name, s.count, s.badges])).to.deep.equal([
      ['b', 2, 3],
      ['a', 1, 1],
      ['z', 0, 1],
    ]);
  });

  it('sorts by date (newest first) or name, unknowns last, ties in list order', () => {
    const item = (index: number, name?: string, issued?: string) => ({ index, view: name || issued ? ({ achievement: { name }, issued } as BadgeView) : undefined });
    const items = [item(0, 'b', '2025-01-01'), item(1), item(2, 'a', '2026-01-01'), item(3, 'c', '2025-01-01')];
    expect(sortBadges(items, 'date', 'en').map((i) => i.index)).to.deep.equal([2, 0, 3, 1]);
    expect(sortBadges(items, 'name', 'en').map((i) => i.index)).to.deep.equal([2, 0, 3, 1]);
    expect(sortBadges([item(0, 'Z'), item(1, 'é'), item(2, 'e')], 'name', 'es').map((i) => i.index)).to.deep.equal([1, 2, 0]);
  });

  it('orders skill names without Intl: case and accents aside, numbers by value', () => {
    const sorted = (names: string[]) => [...names].sort(compareText);
    expect(sorted(['b', 'A', 'a', 'B'])).to.deep.equal(['A', 'a', 'b', 'B']);
    expect(sorted(['Zoología', 'Álgebra', 'arte', 'Ética'])).to.deep.equal(['Álgebra', 'arte', 'Ética', 'Zoología']);
    expect(sorted(['Level 10', 'Level 2', 'Level 1'])).to.deep.equal(['Level 1', 'Level 2', 'Level 10']);
    expect(sorted(['ab', 'a', 'abc', ''])).to.deep.equal(['', 'a', 'ab', 'abc']);
    expect(compareText('Data', 'data')).to.equal(0);
  });
});
