/**
 * The schema check over the public vectors (../shared/vectors, never copied into the project): every JSON credential
 * of the manifest that names a credentialSchema. Prints a table file -> outcome:code. A vector its source expects to
 * be valid must never fail the schema check. Also: the validator and the schema data stay out of the static import
 * graph of the check (they are loaded with a dynamic import()).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { checkSchema } from '../../src/core/checks/schema.js';
import type { Check } from '../../src/core/result.js';
import { isObject, type JsonObject } from '../../src/core/load/json.js';
import { hasVectors, loadManifest, readVector } from '../support/vectors.js';

/**
 * What the schema check says about each vector that names a credentialSchema, as observed. A change here is a
 * change of behaviour: look at it before updating the table.
 */
const OBSERVED: Record<string, string> = {
  '1edtech/ob-spec-examples/01-sample-openbadgecredential-file-contents.di.json': 'passed:ok',
  '1edtech/ob-spec-examples/03-complete-openbadgecredential.di.json': 'passed:ok',
  '1edtech/ob-spec-examples/04-sample-endorsementcredential.di.json': 'passed:ok',
  '1edtech/ob-spec-examples/07-skill-assertion-case.di.json': 'passed:ok',
  '1edtech/ob-spec-examples/08-skill-assertion-credential-registry.di.json': 'passed:ok',
  '1edtech/ob-impl-guide/clr-ldp-test-vector.signed.json': 'skipped:schema-unsupported',
  '1edtech/dcpv/ob30/simple-err-proof-method.json': 'passed:ok',
  '1edtech/dcpv/ob30/complete.json': 'passed:ok',
  '1edtech/dcpv/ob30/complete_v1.json': 'skipped:schema-unsupported',
  '1edtech/dcpv/ob30/endorsement-valid.json': 'passed:ok',
  '1edtech/dcpv/ob30/endorsement-err-schema-status-refresh.json': 'skipped:schema-unsupported',
  '1edtech/dcpv/clr20/simple.json': 'skipped:schema-unsupported',
  '1edtech/dcpv/clr20/simple-noproof.json': 'skipped:schema-unsupported',
  '1edtech/dcpv/clr20/simple_old_safesigned.json': 'skipped:schema-unsupported',
  'dcc/vc-test-fixtures/v2/bothSignatureTypes/didkey/legacy-noStatus-notExpired-endorsement-withSchema.json': 'passed:ok',
  'dcc/vc-test-fixtures/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-notExpired-withSchema.json': 'skipped:schema-unsupported',
  'dcc/verifier-core/eddsa/v2/safeModeBreaker.json': 'skipped:no-schema',
  // Credentials carried inside them (CLR transcripts and endorsements), which verifyCredential checks too.
  '1edtech/ob-spec-examples/03-complete-openbadgecredential.di.json > endorsement[0]': 'passed:ok',
  '1edtech/ob-spec-examples/03-complete-openbadgecredential.di.json > issuer.endorsement[0]': 'passed:ok',
  '1edtech/ob-spec-examples/03-complete-openbadgecredential.di.json > credentialSubject[0].achievement.endorsement[0]': 'passed:ok',
  // Passes only because single `type` values are read as one-element lists (JSON-LD compaction); the plain-JSON
  // schema taken literally would fail this credential of a vector expected valid.
  '1edtech/ob-impl-guide/clr-ldp-test-vector.signed.json > credentialSubject[0].verifiableCredential[0]': 'passed:ok',
  '1edtech/dcpv/ob30/complete.json > endorsement[0]': 'passed:ok',
  '1edtech/dcpv/ob30/complete.json > issuer.endorsement[0]': 'passed:ok',
  '1edtech/dcpv/ob30/complete.json > credentialSubject[0].achievement.endorsement[0]': 'passed:ok',
  '1edtech/dcpv/ob30/complete_v1.json > endorsement[0]': 'skipped:schema-unsupported',
  '1edtech/dcpv/ob30/complete_v1.json > issuer.endorsement[0]': 'skipped:schema-unsupported',
  '1edtech/dcpv/ob30/complete_v1.json > credentialSubject[0].achievement.endorsement[0]': 'skipped:schema-unsupported',
  '1edtech/dcpv/clr20/simple-noproof.json > credentialSubject[0].verifiableCredential[0]': 'skipped:schema-unsupported',
  '1edtech/dcpv/clr20/simple_old_safesigned.json > credentialSubject[0].verifiableCredential[0]': 'skipped:schema-unsupported',
};

/**
 * Vectors expected valid by their source that this check nevertheless fails, with the reason. None so far: every
 * vector expected valid passes or is skipped.
 */
const DEVIATIONS: Record<string, string> = {};

describe('schema check over the public vectors', function () {
  const rows: { file: string; expected: string; result: string; message: string }[] = [];

  before(function () {
    if (!hasVectors) {
      console.log('    schema vectors: ../shared/vectors not found, skipped');
      this.skip();
    }
  });

  after(() => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.file.length));
    console.log(`\n    ${'file'.padEnd(width)}  ${'expected'.padEnd(22)}  schema check`);
    for (const r of rows) console.log(`    ${r.file.padEnd(width)}  ${r.expected.padEnd(22)}  ${r.result}`);
    const notes = rows.filter((r) => r.result !== 'passed:ok' || /Not checked|one-element/.test(r.message));
    if (notes.length) console.log(`\n${notes.map((r) => `    ${r.file}: ${r.message}`).join('\n')}\n`);
  });

  it('never fails a vector expected valid, and says what it said before', async () => {
    const manifest = loadManifest();
    const credentials = manifest.files.filter((f) => f.kind === 'credential' && f.file.endsWith('.json'));
    for (const entry of credentials) {
      const json = JSON.parse(new TextDecoder().decode(readVector(entry.file))) as JsonObject;
      const expectedValid = entry.expected?.length === 1 && entry.expected[0] === 'valid';
      // The credential itself, then the credentials it carries (verifyCredential checks those too).
      for (const [label, credential] of [[entry.file, json] as const, ...carried(json).map(([path, c]) => [`${entry.file} > ${path}`, c] as const)]) {
        if (!isObject(credential) || !('credentialSchema' in credential)) continue;
        const check: Check = await checkSchema(credential);
        const result = `${check.outcome}:${check.code}`;
        rows.push({ file: label, expected: (entry.expected ?? []).join('+'), result, message: check.message });
        expect(check.id).to.equal('schema');
        if (expectedValid && !(label in DEVIATIONS)) {
          expect(check.outcome, `${label}: ${check.message}`).to.not.equal('failed');
          expect(check.outcome, `${label}: ${check.message}`).to.not.equal('indeterminate');
        }
        if (label in OBSERVED) expect(result, `${label}: ${check.message}`).to.equal(OBSERVED[label]);
      }
    }
    expect(rows.map((r) => r.file)).to.have.members(Object.keys(OBSERVED));
  });
});

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** CLR transcript credentials and endorsements (of the credential, its issuer and its achievement), with their paths. */
function carried(credential: JsonObject): [string, unknown][] {
  const out: [string, unknown][] = [];
  asList(credential.credentialSubject).forEach((s, i) => {
    if (isObject(s)) asList(s.verifiableCredential).forEach((c, j) => out.push([`credentialSubject[${i}].verifiableCredential[${j}]`, c]));
  });
  const holders: [string, unknown][] = [
    ['', credential],
    ['issuer.', credential.issuer],
    ...asList(credential.credentialSubject).map((s, i): [string, unknown] => [`credentialSubject[${i}].achievement.`, isObject(s) ? s.achievement : undefined]),
  ];
  for (const [prefix, holder] of holders) {
    if (isObject(holder)) asList(holder.endorsement).forEach((c, j) => out.push([`${prefix}endorsement[${j}]`, c]));
  }
  return out;
}

describe('schema check loading', () => {
  it('imports the validator and the schema data only dynamically', () => {
    const source = readFileSync(fileURLToPath(new URL('../../src/core/checks/schema.ts', import.meta.url)), 'utf8');
    const staticImports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gm)];
    for (const [statement, typeOnly, from] of staticImports) {
      if (typeOnly) continue;
      expect(from, statement).to.not.match(/@cfworker|schemas\/index|\.json$/);
    }
    expect(source).to.match(/await import\('\.\.\/schemas\/index\.js'\)/);
    const urls = readFileSync(fileURLToPath(new URL('../../src/core/schemas/urls.ts', import.meta.url)), 'utf8');
    expect(urls).to.not.match(/^import /m);
  });
});
