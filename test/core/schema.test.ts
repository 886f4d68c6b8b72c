/** The schema check, against the pinned Open Badges 3.0 JSON Schemas. Runs in Node and in Chromium (no node: APIs). */
import { expect } from 'chai';
import { checkSchema } from '../../src/core/checks/schema.js';
import type { Check } from '../../src/core/result.js';
import type { JsonObject } from '../../src/core/load/json.js';

const OB_SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema';
const ACHIEVEMENT_PURL = `${OB_SCHEMA}/json/ob_v3p0_achievementcredential_schema.json`;
const ACHIEVEMENT_ID = `${OB_SCHEMA}/json/ob_v3p0_achievementcredential-jsonschema1.json`;
const ACHIEVEMENT_SITE = `${OB_SCHEMA}/achievementcredential.json`;
const ENDORSEMENT_PURL = `${OB_SCHEMA}/json/ob_v3p0_endorsementcredential_schema.json`;
const VALIDATOR = '1EdTechJsonSchemaValidator2019';
const UNKNOWN = 'https://schemas.example/never-fetched.json';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A minimal AchievementCredential that satisfies the schema's required properties, naming the purl schema. */
function achievementCredential(): Json {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:6f1b4a5e-0c2d-4f57-9a0e-2b9c7d3e8a11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'Example issuer' },
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: 'urn:uuid:0d7e3c9a-5b1f-4e2a-8c6d-9f0a1b2c3d4e',
        type: ['Achievement'],
        name: 'Schema test',
        description: 'An achievement used to test the schema check.',
        criteria: { narrative: 'Pass the test.' },
      },
    },
    credentialSchema: [{ id: ACHIEVEMENT_PURL, type: VALIDATOR }],
    proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: 'did:example:issuer#key-1', proofValue: 'z58DAdFfa9' }],
  };
}

function endorsementCredential(): Json {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: 'Endorsement',
    issuer: { id: 'did:example:endorser', type: ['Profile'] },
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:issuer', type: ['EndorsementSubject'], endorsementComment: 'Good.' },
    credentialSchema: [{ id: ENDORSEMENT_PURL, type: VALIDATOR }],
  };
}

const edit = (change: (c: Json) => void, base: () => Json = achievementCredential) => () => {
  const c = base();
  change(c);
  return c;
};

/** Runs the check with a fetch that must never be called; restores the real one afterwards. */
async function run(credential: unknown): Promise<{ check: Check; fetches: number }> {
  const realFetch = globalThis.fetch;
  let fetches = 0;
  globalThis.fetch = (() => {
    fetches++;
    throw new Error('the schema check must never fetch');
  }) as typeof fetch;
  try {
    return { check: await checkSchema(credential as JsonObject), fetches };
  } finally {
    globalThis.fetch = realFetch;
  }
}

interface Case {
  name: string;
  credential: () => unknown;
  outcome: Check['outcome'];
  code: Check['code'];
  /** Text the message must contain. */
  says?: string[];
  /** instanceLocation of some reported error. */
  at?: string;
}

const cases: Case[] = [
  { name: 'a minimal valid AchievementCredential naming the purl schema', credential: achievementCredential, outcome: 'passed', code: 'ok', says: ['AchievementCredential'] },
  { name: 'the same naming the schema $id', credential: edit((c) => (c.credentialSchema[0].id = ACHIEVEMENT_ID)), outcome: 'passed', code: 'ok' },
  { name: 'the same naming the schema at its purl file path', credential: edit((c) => (c.credentialSchema[0].id = ACHIEVEMENT_SITE)), outcome: 'passed', code: 'ok' },
  { name: 'a minimal valid EndorsementCredential', credential: endorsementCredential, outcome: 'passed', code: 'ok', says: ['EndorsementCredential'] },
  { name: 'without a proof (the schema does not require one)', credential: edit((c) => delete c.proof), outcome: 'passed', code: 'ok' },
  { name: 'the required validFrom removed', credential: edit((c) => delete c.validFrom), outcome: 'failed', code: 'schema-invalid', says: ['validFrom'], at: '#' },
  { name: 'the required issuer removed', credential: edit((c) => delete c.issuer), outcome: 'failed', code: 'schema-invalid', says: ['issuer'], at: '#' },
  { name: 'the achievement name a number', credential: edit((c) => (c.credentialSubject.achievement.name = 42)), outcome: 'failed', code: 'schema-invalid', says: ['#/credentialSubject/achievement/name'], at: '#/credentialSubject/achievement/name' },
  { name: 'the achievement criteria removed', credential: edit((c) => delete c.credentialSubject.achievement.criteria), outcome: 'failed', code: 'schema-invalid', says: ['criteria'], at: '#/credentialSubject/achievement' },
  { name: 'validFrom without a time zone', credential: edit((c) => (c.validFrom = '2026-01-01T00:00:00')), outcome: 'failed', code: 'schema-invalid', says: ['#/validFrom', 'date-time'], at: '#/validFrom' },
  { name: 'a VC 1.1 @context first', credential: edit((c) => (c['@context'][0] = 'https://www.w3.org/ns/credentials/v1')), outcome: 'failed', code: 'schema-invalid', at: '#/@context/0' },
  { name: 'no OpenBadgeCredential type', credential: edit((c) => (c.type = ['VerifiableCredential'])), outcome: 'failed', code: 'schema-invalid', at: '#/type' },
  { name: 'an endorsement checked against the achievement schema', credential: edit((c) => (c.credentialSchema[0].id = ACHIEVEMENT_PURL), endorsementCredential), outcome: 'failed', code: 'schema-invalid' },
  // JSON-LD compaction: a one-element list written as its single value is read as the list.
  { name: 'a single proof object (not a list)', credential: edit((c) => (c.proof = c.proof[0])), outcome: 'passed', code: 'ok', says: ['#/proof', 'one-element'] },
  { name: 'the subject type as a string', credential: edit((c) => (c.credentialSubject.type = 'AchievementSubject')), outcome: 'passed', code: 'ok', says: ['#/credentialSubject/type'] },
  { name: 'credentialSchema as a single object', credential: edit((c) => (c.credentialSchema = c.credentialSchema[0])), outcome: 'passed', code: 'ok', says: ['#/credentialSchema'] },
  { name: 'a single proof object still checked inside', credential: edit((c) => (c.proof = { proofPurpose: 'assertionMethod' })), outcome: 'failed', code: 'schema-invalid', says: ['type'], at: '#/proof/0' },
  { name: 'a null proof is not read as a list', credential: edit((c) => (c.proof = null)), outcome: 'failed', code: 'schema-invalid', at: '#/proof' },
  // Nothing that can be checked.
  { name: 'no credentialSchema', credential: edit((c) => delete c.credentialSchema), outcome: 'skipped', code: 'no-schema' },
  { name: 'an empty credentialSchema list', credential: edit((c) => (c.credentialSchema = [])), outcome: 'skipped', code: 'no-schema' },
  { name: 'an unknown schema URL', credential: edit((c) => (c.credentialSchema = [{ id: UNKNOWN, type: VALIDATOR }])), outcome: 'skipped', code: 'schema-unsupported', says: [UNKNOWN, 'never fetched'] },
  { name: 'the CLR schema (not pinned)', credential: edit((c) => (c.credentialSchema = [{ id: 'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json', type: VALIDATOR }])), outcome: 'skipped', code: 'schema-unsupported', says: ['clr_v2p0_clrcredential_schema.json'] },
  { name: 'a pinned URL with another validator type', credential: edit((c) => (c.credentialSchema = [{ id: ACHIEVEMENT_PURL, type: 'JsonSchema' }])), outcome: 'skipped', code: 'schema-unsupported', says: [ACHIEVEMENT_PURL, '"JsonSchema"'] },
  { name: 'a pinned URL without a type', credential: edit((c) => (c.credentialSchema = [{ id: ACHIEVEMENT_PURL }])), outcome: 'skipped', code: 'schema-unsupported', says: ['missing'] },
  { name: 'a VC 1.1 credential naming a pinned schema', credential: edit((c) => { c['@context'][0] = 'https://www.w3.org/2018/credentials/v1'; delete c.validFrom; c.issuanceDate = '2022-01-01T00:00:00Z'; }), outcome: 'skipped', code: 'schema-unsupported', says: ['VC 1.1'] },
  { name: 'the schema URL with different case', credential: edit((c) => (c.credentialSchema[0].id = ACHIEVEMENT_PURL.toUpperCase())), outcome: 'skipped', code: 'schema-unsupported' },
  // Some checked, some not: the outcome is that of the checked ones; the message says what was not checked.
  { name: 'a pinned and an unknown schema, valid', credential: edit((c) => c.credentialSchema.push({ id: UNKNOWN, type: VALIDATOR })), outcome: 'passed', code: 'ok', says: ['Not checked', UNKNOWN] },
  { name: 'a pinned and an unknown schema, invalid', credential: edit((c) => { c.credentialSchema.push({ id: UNKNOWN, type: VALIDATOR }); delete c.validFrom; }), outcome: 'failed', code: 'schema-invalid', says: ['validFrom', 'Not checked', UNKNOWN] },
  { name: 'two URLs of the same schema', credential: edit((c) => c.credentialSchema.push({ id: ACHIEVEMENT_ID, type: VALIDATOR })), outcome: 'passed', code: 'ok' },
  { name: 'an achievement and an endorsement schema', credential: edit((c) => c.credentialSchema.push({ id: ENDORSEMENT_PURL, type: VALIDATOR })), outcome: 'failed', code: 'schema-invalid', says: ['EndorsementCredential'] },
  // Hostile entries: never a throw, never a pass.
  { name: 'credentialSchema a number', credential: edit((c) => (c.credentialSchema = 42)), outcome: 'skipped', code: 'schema-unsupported' },
  { name: 'credentialSchema a string', credential: edit((c) => (c.credentialSchema = ACHIEVEMENT_PURL)), outcome: 'skipped', code: 'schema-unsupported' },
  { name: 'credentialSchema null', credential: edit((c) => (c.credentialSchema = null)), outcome: 'skipped', code: 'schema-unsupported' },
  { name: 'an entry id that is not a string', credential: edit((c) => (c.credentialSchema = [{ id: 5, type: VALIDATOR }, { id: { href: ACHIEVEMENT_PURL }, type: VALIDATOR }, { id: [ACHIEVEMENT_PURL], type: VALIDATOR }])), outcome: 'skipped', code: 'schema-unsupported', says: ['not a URL string'] },
  { name: 'entries that are not objects', credential: edit((c) => (c.credentialSchema = [null, 7, 'x', [ACHIEVEMENT_PURL]])), outcome: 'skipped', code: 'schema-unsupported' },
  { name: 'an entry type that is a list', credential: edit((c) => (c.credentialSchema = [{ id: ACHIEVEMENT_PURL, type: [VALIDATOR] }])), outcome: 'skipped', code: 'schema-unsupported' },
  { name: 'prototype names as schema URLs', credential: edit((c) => (c.credentialSchema = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map((id) => ({ id, type: VALIDATOR })))), outcome: 'skipped', code: 'schema-unsupported' },
  { name: 'a thousand unknown entries', credential: edit((c) => (c.credentialSchema = Array.from({ length: 1000 }, (_, i) => ({ id: `${UNKNOWN}?${i}`, type: VALIDATOR })))), outcome: 'skipped', code: 'schema-unsupported', says: ['more'] },
  { name: 'the credential not an object', credential: () => null, outcome: 'indeterminate', code: 'internal-error' },
];

describe('schema check', () => {
  for (const c of cases) {
    it(`${c.name}: ${c.outcome} (${c.code})`, async () => {
      const { check, fetches } = await run(c.credential());
      expect(check.id).to.equal('schema');
      expect([check.outcome, check.code], check.message).to.deep.equal([c.outcome, c.code]);
      expect(fetches, 'fetch calls').to.equal(0);
      expect(check.message).to.be.a('string').and.not.equal('');
      expect(check.message.length).to.be.at.most(900);
      for (const text of c.says ?? []) expect(check.message).to.contain(text);
      if (c.at !== undefined) {
        const errors = check.details?.errors as { instanceLocation: string }[];
        expect(errors.map((e) => e.instanceLocation), check.message).to.include(c.at);
      }
      // Results are plain JSON data.
      expect(JSON.parse(JSON.stringify(check))).to.deep.equal(check);
    });
  }

  it('reports the errors as a JSON list, capped at 10, and counts them all', async () => {
    const c = achievementCredential();
    c.credentialSubject.achievement = { id: 1, type: 2, name: 3, description: 4, criteria: 5, alignment: 'x', tag: 6, image: 7 };
    Object.assign(c, { name: 1, description: 2, validUntil: 'soon', awardedDate: 'later', evidence: 3, endorsement: 4 });
    const { check } = await run(c);
    expect(check.code).to.equal('schema-invalid');
    const errors = check.details?.errors as { schema: string; instanceLocation: string; keyword: string; keywordLocation: string; error: string }[];
    expect(errors).to.be.an('array').with.length(10);
    for (const e of errors) {
      expect(e.schema).to.equal('AchievementCredential');
      expect(e.instanceLocation).to.match(/^#/);
      expect(e.keywordLocation).to.match(/^#/);
      expect(e.error).to.be.a('string');
    }
    expect(check.details?.errorCount).to.be.above(10);
    expect(check.message).to.match(/\(\d+ errors in all\)/);
  });

  it('says where it read single values as lists', async () => {
    const c = achievementCredential();
    c.proof = c.proof[0];
    const { check } = await run(c);
    expect(check.details?.compacted).to.deep.equal(['#/proof']);
  });

  it('lists what was and was not checked', async () => {
    const c = achievementCredential();
    c.credentialSchema.push({ id: UNKNOWN, type: VALIDATOR }, { id: ACHIEVEMENT_PURL, type: 'JsonSchema' });
    const { check } = await run(c);
    expect(check.details?.checked).to.deep.equal([{ schema: 'AchievementCredential', ids: [ACHIEVEMENT_PURL], valid: true, errorCount: 0 }]);
    expect(check.details?.notChecked).to.have.length(2);
  });

  it('keeps control characters and long text out of the message', async () => {
    const c = achievementCredential();
    c.credentialSchema = [{ id: `https://x.example/${'a'.repeat(5000)}\u0000\n<script>`, type: VALIDATOR }];
    const { check } = await run(c);
    expect(check.outcome).to.equal('skipped');
    expect(check.message).to.not.match(/[\u0000-\u001f]/);
    expect(check.message.length).to.be.at.most(900);
  });

  it('does not change the credential it checks', async () => {
    const c = achievementCredential();
    c.proof = c.proof[0];
    c.credentialSubject.type = 'AchievementSubject';
    const before = JSON.stringify(c);
    await run(c);
    expect(JSON.stringify(c)).to.equal(before);
  });

  it('handles deep nesting without throwing', async () => {
    const c = achievementCredential();
    let node: Json = c.credentialSubject;
    for (let i = 0; i < 60; i++) node = node.extra = { type: ['Nested'] };
    const { check } = await run(c);
    expect(check.outcome).to.equal('passed');
  });

  it('gives the same answer when run again (cached validator)', async () => {
    const first = await run(edit((c) => delete c.validFrom)());
    const second = await run(edit((c) => delete c.validFrom)());
    expect(second.check).to.deep.equal(first.check);
    expect((await run(achievementCredential())).check.outcome).to.equal('passed');
  });
});

describe('pinned schemas', () => {
  it('map every URL to a schema of draft 2019-09 whose $id is one of its URLs', async () => {
    const { PINNED_SCHEMA_URLS, SCHEMA_DATA, SCHEMA_DRAFT, schemaForUrl } = await import('../../src/core/schemas/index.js');
    expect(SCHEMA_DRAFT).to.equal('2019-09');
    for (const [name, schema] of Object.entries(SCHEMA_DATA) as [string, { $schema: string; $id: string }][]) {
      expect(schema.$schema, name).to.equal('https://json-schema.org/draft/2019-09/schema#');
      expect(PINNED_SCHEMA_URLS.get(schema.$id), name).to.equal(name);
    }
    for (const [url, name] of PINNED_SCHEMA_URLS) {
      expect(url).to.match(/^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/schema\//);
      expect(schemaForUrl(url)).to.equal(SCHEMA_DATA[name]);
    }
    expect(schemaForUrl(UNKNOWN)).to.equal(undefined);
    expect(schemaForUrl('__proto__')).to.equal(undefined);
  });

  it('have only local references (nothing to fetch)', async () => {
    const { SCHEMA_DATA } = await import('../../src/core/schemas/index.js');
    for (const [name, schema] of Object.entries(SCHEMA_DATA)) {
      const refs = JSON.stringify(schema).match(/"\$(?:ref|recursiveRef)":"[^"]*"/g) ?? [];
      expect(refs.length, name).to.be.above(0);
      for (const ref of refs) expect(ref, name).to.match(/"#(\/|")/);
    }
  });
});
