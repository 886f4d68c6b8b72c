/**
 * Mutation tests: from each valid signed credential (Data Integrity, Ed25519Signature2020, VC-JWT EdDSA and ES256,
 * baked PNG and SVG, a CLR with nested credentials), seeded edits that change what it says; none may verify.
 *
 * `npm test` runs a bounded number per fixture kind (fewer in Chromium); `npm run fuzz` raises FUZZ_SCALE for the
 * full run and sets a random FUZZ_SEED (printed). The figures are printed at the end and written to
 * test-output/hardening/mutation-report.json (Node).
 */
import { expect } from 'chai';
import {
  MUTATION_KINDS,
  count,
  emptyTally,
  inNode,
  mutants,
  mutationWorld,
  reasonOf,
  renameThroughJsonLd,
  rng,
  runSeed,
  scale,
  seedOf,
  verifyCredential,
  writeReport,
  type MutationWorld,
  type Tally,
} from '../support/mutate.js';
import { fixtures } from '../support/fixtures.js';

const PER_KIND = Math.max(1, Math.round((inNode ? 100 : 30) * scale()));
const SEED = runSeed(20_260_601);
/** Operators that add a term the contexts define: such a mutant must reach the signature check, not fail as JSON-LD. */
const DEFINED = /(^|:)add-defined-property$/;
const JSON_LD_KINDS = new Set(['data-integrity', 'ed25519-signature-2020', 'baked-png', 'baked-svg', 'clr']);

interface KindReport extends Tally {
  description: string;
  ms: number;
  examples: Record<string, string>;
}

describe('mutation: no edit of a signed credential verifies', function () {
  this.timeout(Math.max(120_000, PER_KIND * 2_000));
  let world: MutationWorld;
  const kinds: Record<string, KindReport> = {};
  const controls: { kind: string; name: string; verdict: string; reason: string }[] = [];

  before(async () => {
    world = await mutationWorld();
  });

  it('every original verifies (control)', async () => {
    for (const fixture of world.fixtures) {
      const result = await verifyCredential(fixture.original, world.options());
      expect(result.verdict, `${fixture.kind}: ${reasonOf(result)}`).to.equal('verified');
    }
    expect(world.fixtures.map((f) => f.kind)).to.deep.equal([...MUTATION_KINDS]);
  });

  it('key order and the order of JSON-LD sets are not edits: those inputs still verify (control)', async () => {
    for (const fixture of world.fixtures) {
      for (const control of await fixture.controls(rngFor(fixture.kind))) {
        const result = await verifyCredential(control.input, world.options());
        controls.push({ kind: fixture.kind, name: control.name, verdict: result.verdict, reason: reasonOf(result) });
      }
    }
    const wrong = controls.filter((c) => c.verdict !== 'verified');
    expect(wrong, JSON.stringify(wrong)).to.deep.equal([]);
    expect(controls.length).to.be.greaterThan(10);
  });

  it('an expired or revoked credential stays failed when its validUntil or credentialStatus moves to a key meaning the same in JSON-LD', async () => {
    const fx = await fixtures();
    const outcomes: string[] = [];
    for (const [name, credential, key] of [['expired', fx.expired, 'validUntil'], ['revoked', fx.revoked, 'credentialStatus']] as const) {
      for (const via of ['alias', 'iri'] as const) {
        const edit = renameThroughJsonLd(via, [key])(credential as never, rng(seedOf(`${name}:${via}`)));
        expect(edit?.note, `${name}: ${edit?.note}`).to.include(key);
        const result = await verifyCredential(edit!.doc, world.options());
        outcomes.push(`${name}, ${via}: ${result.verdict} (${reasonOf(result)})`);
      }
    }
    expect(outcomes.filter((o) => o.includes(': verified')), outcomes.join('; ')).to.deep.equal([]);
  });

  for (const kind of MUTATION_KINDS) {
    it(`no mutant of ${kind} verifies (${PER_KIND} mutants)`, async () => {
      const fixture = world.fixtures.find((f) => f.kind === kind)!;
      const report: KindReport = { ...emptyTally(), description: fixture.description, ms: 0, examples: {} };
      kinds[kind] = report;
      const verified: string[] = [];
      const notReachingSignature: string[] = [];
      const threw: string[] = [];
      const started = performance.now();
      for await (const m of mutants(fixture, PER_KIND, SEED)) {
        let result;
        try {
          result = await verifyCredential(m.input, world.options());
        } catch (error) {
          threw.push(`${m.operator} (${m.note}): ${String(error)}`);
          continue;
        }
        count(report, m.operator, result);
        report.examples[m.operator] ??= m.note;
        if (result.verdict === 'verified') verified.push(`${m.operator}: ${m.note}`);
        if (JSON_LD_KINDS.has(kind) && DEFINED.test(m.operator) && reasonOf(result) === 'format:invalid-jsonld') notReachingSignature.push(m.note);
      }
      report.ms = Math.round(performance.now() - started);
      expect(threw, 'verifyCredential threw').to.deep.equal([]);
      expect(verified, `mutants of ${kind} that verified`).to.deep.equal([]);
      // The generator's own check: an added defined term is valid JSON-LD, so only the signature can catch it.
      expect(notReachingSignature, 'defined terms rejected as invalid JSON-LD').to.deep.equal([]);
      // Every operator produced mutants, and nearly as many as asked (duplicates are skipped).
      expect(report.mutants).to.be.at.least(Math.floor(PER_KIND * 0.95));
      const used = Object.keys(report.byOperator);
      expect(Object.keys(fixture.operators).filter((op) => !used.includes(op) && PER_KIND >= Object.keys(fixture.operators).length)).to.deep.equal([]);
    });
  }

  after(async () => {
    const total = emptyTally();
    const byOperator: Record<string, Tally['byOperator'][string]> = {};
    for (const k of Object.values(kinds)) {
      total.mutants += k.mutants;
      total.verified += k.verified;
      total.failed += k.failed;
      total.indeterminate += k.indeterminate;
      for (const [code, n] of Object.entries(k.byCode)) total.byCode[code] = (total.byCode[code] ?? 0) + n;
      for (const [op, t] of Object.entries(k.byOperator)) {
        const name = op.replace(/^rebaked:/, '');
        const o = (byOperator[name] ??= { mutants: 0, verified: 0, failed: 0, indeterminate: 0 });
        o.mutants += t.mutants;
        o.verified += t.verified;
        o.failed += t.failed;
        o.indeterminate += t.indeterminate;
      }
    }
    const lines = [
      '',
      `Mutation run: seed ${SEED}, scale ${scale()}, ${PER_KIND} mutants per fixture kind (${inNode ? 'Node' : 'browser'})`,
      `  ${'fixture kind'.padEnd(24)} ${'mutants'.padStart(8)} ${'verified'.padStart(9)} ${'failed'.padStart(7)} ${'indeterm.'.padStart(10)} ${'ms'.padStart(8)}`,
      ...Object.entries(kinds).map(
        ([kind, k]) => `  ${kind.padEnd(24)} ${String(k.mutants).padStart(8)} ${String(k.verified).padStart(9)} ${String(k.failed).padStart(7)} ${String(k.indeterminate).padStart(10)} ${String(k.ms).padStart(8)}`,
      ),
      `  ${'total'.padEnd(24)} ${String(total.mutants).padStart(8)} ${String(total.verified).padStart(9)} ${String(total.failed).padStart(7)} ${String(total.indeterminate).padStart(10)}`,
      '  by operator (all kinds; rebaked edits counted with their operator):',
      ...Object.entries(byOperator)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([op, t]) => `    ${op.padEnd(34)} ${String(t.mutants).padStart(7)}  verified ${t.verified}, failed ${t.failed}, indeterminate ${t.indeterminate}`),
      '  by verdict reason (first failed or indeterminate check):',
      ...Object.entries(total.byCode)
        .sort(([, a], [, b]) => b - a)
        .map(([code, n]) => `    ${code.padEnd(40)} ${String(n).padStart(7)}`),
      `  controls (not edits) verified: ${controls.filter((c) => c.verdict === 'verified').length} of ${controls.length}`,
    ];
    console.log(lines.join('\n'));
    const file = await writeReport('mutation-report.json', {
      seed: SEED,
      scale: scale(),
      perKind: PER_KIND,
      runtime: inNode ? 'node' : 'browser',
      total: { mutants: total.mutants, verified: total.verified, failed: total.failed, indeterminate: total.indeterminate },
      byOperator,
      byReason: total.byCode,
      kinds,
      controls,
    });
    if (file) console.log(`  written to ${file}`);
  });
});

function rngFor(kind: string) {
  // Controls use their own stream, apart from the mutants'.
  return rng(seedOf(`control:${kind}`, SEED));
}
