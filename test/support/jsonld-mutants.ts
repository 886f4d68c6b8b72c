/**
 * JSON-LD inputs for the differential test of the jsonld patch: credentials of several shapes made here, and
 * deterministic (seeded) mutants of any document, edited at every node. Runs in Node and in the browser.
 *
 * Mutants are meant to reach every branch of context processing and expansion that safe-mode canonicalization can
 * take: renamed and undefined terms, dropped, reordered and nullified contexts, unknown context URLs, relative IRIs,
 * bad language tags, nested and unknown types, inline contexts with type- and property-scoped contexts (including
 * defects inside scoped contexts, which are reported while the scoped context is validated), protected-term
 * redefinitions, @vocab/@base/@propagate/@import/@version, @json, @list, @graph and language values.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Input {
  /** Where the input came from and what was edited. */
  name: string;
  doc: JsonObject;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const copy = <T extends Json>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const CLR = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const ED2020 = 'https://w3id.org/security/suites/ed25519-2020/v1';
const DI = 'https://w3id.org/security/data-integrity/v2';
/**
 * A context the differential test serves as static (like the pinned ones) whose type- and property-scoped contexts
 * are only valid while an @vocab is in effect: where a document removes @vocab, applying them raises a
 * 'relative @vocab reference' event (directly, or while a nested scoped context is validated). Context processing
 * results for static contexts are memoised by the patch; these make the memo's recorded events matter.
 */
export const TEST_CONTEXT_URL = 'https://contexts.example.org/scoped-defects/v1';
export const TEST_CONTEXTS: Readonly<Record<string, object>> = {
  [TEST_CONTEXT_URL]: {
    '@context': {
      '@version': 1.1,
      // In effect while the scoped contexts below are validated (at definition); documents may remove it after.
      '@vocab': 'https://example.org/vocab#',
      DefectVocab: { '@id': 'https://example.org/vocab#DefectVocab', '@context': { '@vocab': 'relative/' } },
      DefectNestedVocab: {
        '@id': 'https://example.org/vocab#DefectNestedVocab',
        '@context': { inner: { '@id': 'https://example.org/vocab#inner', '@context': { '@vocab': 'relative/' } } },
      },
      CleanScoped: {
        '@id': 'https://example.org/vocab#CleanScoped',
        '@context': {
          note: 'https://example.org/vocab#note',
          detail: { '@id': 'https://example.org/vocab#detail', '@context': { deep: 'https://example.org/vocab#deep' } },
        },
      },
      vocabProp: { '@id': 'https://example.org/vocab#vocabProp', '@context': { '@vocab': 'relative/' } },
      note: 'https://example.org/vocab#note',
    },
  },
};

const ISSUER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const VM = `${ISSUER}#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK`;

function dataIntegrityProof(n: number): JsonObject {
  return {
    type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: `2026-01-15T09:00:0${n}Z`,
    verificationMethod: VM, proofPurpose: 'assertionMethod',
    proofValue: 'z5C5b1uzYr6A4d5xV6cXX3Y9HfEfKpS7V8mTE2Gq9nQh4oLrWdZ2c3Kf8vU1sJ7aB6eR9tY4uI2oP5lK8jH3gF1d',
  };
}

function ed25519Proof(): JsonObject {
  return {
    type: 'Ed25519Signature2020', created: '2026-01-15T09:00:00Z', verificationMethod: VM,
    proofPurpose: 'assertionMethod',
    proofValue: 'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKods5D2UbRNEKBTQTy',
  };
}

function achievement(n: number): JsonObject {
  return {
    id: `https://example.edu/achievements/${n}`,
    type: ['Achievement'],
    name: `Achievement ${n}`,
    description: 'Designs clear charts and dashboards from real data.',
    criteria: { narrative: 'Built three dashboards reviewed by a panel.' },
    image: { id: `https://example.edu/badges/${n}.png`, type: 'Image', caption: 'badge' },
    achievementType: 'Certificate',
    creator: { id: ISSUER, type: ['Profile'], name: 'Example Institute of Technology' },
    alignment: [
      {
        type: ['Alignment'], targetName: 'Data Scientists', targetCode: '15-2051.00', targetFramework: 'O*NET-SOC',
        targetUrl: 'https://www.onetonline.org/link/summary/15-2051.00', targetType: 'ext:ONetOccupation',
      },
      {
        type: ['Alignment'], targetName: 'Create data visualizations', targetCode: '4.A.3.b.6',
        targetUrl: 'https://www.onetonline.org/find/descriptor/result/4.A.3.b.6',
      },
    ],
    resultDescription: [
      {
        id: `urn:uuid:0000000${n}-86e8-4eaf-b8c6-ded74e8fd41c`, type: ['ResultDescription'], name: 'Final grade',
        resultType: 'RubricCriterionLevel', allowedValue: ['Pass', 'Merit', 'Distinction'],
        rubricCriterionLevel: [
          { id: `urn:uuid:1000000${n}-86e8-4eaf-b8c6-ded74e8fd41c`, type: ['RubricCriterionLevel'], name: 'Distinction', points: '3' },
        ],
      },
    ],
    tag: ['data', 'visualization'],
    humanCode: `DVP-${n}`,
    fieldOfStudy: 'Information Science',
    creditsAvailable: 3.5,
  };
}

function openBadge(n: number, extra: JsonObject = {}): JsonObject {
  return {
    '@context': [V2, OB],
    id: `urn:uuid:6c7d6f2e-5b0d-4c3e-9d0a-2a8c1f3b9e0${n}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `Badge ${n}`,
    description: 'Awarded for completing the data visualization practicum.',
    issuer: {
      id: ISSUER, type: ['Profile'], name: 'Example Institute of Technology', url: 'https://example.edu',
      email: 'badges@example.edu',
      image: { id: 'https://example.edu/logo.png', type: 'Image' },
      address: { type: ['Address'], addressCountry: 'US', addressLocality: 'Springfield', postalCode: '12345' },
    },
    validFrom: '2026-01-15T09:00:00Z',
    validUntil: '2030-01-15T09:00:00Z',
    credentialSubject: {
      id: 'did:example:learner-42',
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', hashed: false, identityHash: 'learner42@example.edu', identityType: 'emailAddress' }],
      achievement: achievement(n),
      result: [
        { type: ['Result'], resultDescription: `urn:uuid:0000000${n}-86e8-4eaf-b8c6-ded74e8fd41c`, achievedLevel: `urn:uuid:1000000${n}-86e8-4eaf-b8c6-ded74e8fd41c`, status: 'Completed' },
      ],
    },
    evidence: [{ id: 'https://example.edu/evidence/42', type: ['Evidence'], name: 'Capstone', genre: 'Dashboard' }],
    credentialSchema: [{ id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: 'JsonSchema' }],
    credentialStatus: { id: 'https://example.edu/status/1#94567', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '94567', statusListCredential: 'https://example.edu/status/1' },
    ...extra,
  };
}

/** Credentials and related documents of several shapes (all valid in safe mode with the pinned contexts). */
export function generatedDocuments(): Input[] {
  const docs: Input[] = [];
  const add = (name: string, doc: JsonObject) => docs.push({ name: `generated: ${name}`, doc });

  add('OB 3.0 badge, unsigned', openBadge(1));
  add('OB 3.0 badge, Data Integrity proof', openBadge(2, { proof: dataIntegrityProof(1) }));
  add('OB 3.0 badge, Ed25519Signature2020 proof', { ...openBadge(3), '@context': [V2, OB, ED2020], proof: ed25519Proof() });
  add('OB 3.0 badge, two proofs', { ...openBadge(4), '@context': [V2, OB, ED2020], proof: [dataIntegrityProof(2), ed25519Proof()] });
  add('OB 3.0 badge on VC 1.1', {
    ...openBadge(5), '@context': [V1, OB], validFrom: null, validUntil: null, credentialStatus: null, credentialSchema: null,
    issuanceDate: '2026-01-15T09:00:00Z', expirationDate: '2030-01-15T09:00:00Z',
  } as JsonObject);
  add('endorsement', {
    '@context': [V2, OB],
    id: 'urn:uuid:9c7d6f2e-5b0d-4c3e-9d0a-2a8c1f3b9e01',
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: 'Endorsement of the data visualization badge',
    issuer: { id: 'https://employer.example.com', type: ['Profile'], name: 'Employer' },
    validFrom: '2026-02-01T00:00:00Z',
    credentialSubject: {
      id: 'https://example.edu/achievements/1', type: ['EndorsementSubject'],
      endorsementComment: 'Graduates of this program are ready for junior analyst roles.',
    },
    proof: dataIntegrityProof(3),
  });
  add('achievement with an endorsement inside', openBadge(6, {
    credentialSubject: {
      id: 'did:example:learner-42', type: ['AchievementSubject'],
      achievement: {
        ...achievement(6),
        endorsement: [{
          '@context': [V2, OB], id: 'urn:uuid:7c7d6f2e-5b0d-4c3e-9d0a-2a8c1f3b9e01',
          type: ['VerifiableCredential', 'EndorsementCredential'], name: 'Nested endorsement',
          issuer: { id: 'https://employer.example.com', type: ['Profile'] }, validFrom: '2026-02-01T00:00:00Z',
          credentialSubject: { id: 'https://example.edu/achievements/6', type: ['EndorsementSubject'], endorsementComment: 'Good.' },
          proof: dataIntegrityProof(4),
        }],
      },
    },
  }));
  add('CLR 2.0 with three nested credentials', {
    '@context': [V2, CLR, OB],
    id: 'urn:uuid:5c7d6f2e-5b0d-4c3e-9d0a-2a8c1f3b9e01',
    type: ['VerifiableCredential', 'ClrCredential'],
    name: 'Transcript',
    issuer: { id: ISSUER, type: ['Profile'], name: 'Example Institute of Technology' },
    validFrom: '2026-03-01T00:00:00Z',
    partial: false,
    credentialSubject: {
      id: 'did:example:learner-42', type: ['ClrSubject'],
      verifiableCredential: [1, 2, 3].map((n) => openBadge(n, { proof: dataIntegrityProof(n) })),
      achievement: [achievement(1), achievement(2)],
      association: [{ type: 'Association', associationType: 'isParentOf', sourceId: 'https://example.edu/achievements/1', targetId: 'https://example.edu/achievements/2' }],
    },
    proof: dataIntegrityProof(5),
  });
  add('language and direction values', openBadge(7, {
    name: [{ '@value': 'Data Visualization', '@language': 'en' }, { '@value': 'Visualización de datos', '@language': 'es', '@direction': 'ltr' }],
    description: { '@value': 'عرض البيانات', '@language': 'ar', '@direction': 'rtl' },
  }));
  add('language map from an inline context', {
    '@context': [V2, OB, { nameMap: { '@id': 'https://schema.org/name', '@container': '@language' } }],
    id: 'urn:uuid:4c7d6f2e-5b0d-4c3e-9d0a-2a8c1f3b9e01',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: ISSUER, type: ['Profile'] },
    validFrom: '2026-01-15T09:00:00Z',
    nameMap: { en: 'Data Visualization', fr: 'Visualisation de données', 'zh-Hant': '資料視覺化' },
    credentialSubject: { id: 'did:example:learner-42', type: ['AchievementSubject'], achievement: achievement(8) },
  });
  add('@json value (JsonSchemaCredential)', {
    '@context': [V2],
    id: 'https://example.com/schemas/email-credential-schema.json',
    type: ['VerifiableCredential', 'JsonSchemaCredential'],
    issuer: 'https://example.com/issuers/14',
    validFrom: '2026-01-01T00:00:00Z',
    credentialSchema: { id: 'https://www.w3.org/ns/credentials/json-schema/v2.json', type: 'JsonSchema', digestSRI: 'sha384-S57yQDg1MTzF56Oi9DbSQ14u7jBy0RDdx0YbeV7shwhCS88G8SCXeFq82PafhCrW' },
    credentialSubject: {
      id: 'https://example.com/schemas/email.json', type: 'JsonSchema',
      jsonSchema: { $schema: 'https://json-schema.org/draft/2020-12/schema', name: 'EmailCredential', type: 'object', properties: { credentialSubject: { type: 'object', properties: { emailAddress: { type: 'string', format: 'email' } }, required: ['emailAddress'] } } },
    },
  });
  add('status list credential', {
    '@context': [V2],
    id: 'https://example.edu/status/1', type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: ISSUER, validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { id: 'https://example.edu/status/1#list', type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA' },
    proof: dataIntegrityProof(6),
  });
  add('presentation with a credential', {
    '@context': [V2, OB],
    type: ['VerifiablePresentation'],
    holder: 'did:example:learner-42',
    verifiableCredential: [openBadge(9, { proof: dataIntegrityProof(7) })],
  });
  add('controller document', {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: ISSUER,
    verificationMethod: [{ id: VM, type: 'Multikey', controller: ISSUER, publicKeyMultibase: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }],
    assertionMethod: [VM], authentication: [VM],
  });
  add('proof configuration (Data Integrity v2 context)', { '@context': [DI], ...dataIntegrityProof(8), proofValue: null } as JsonObject);
  return docs.map(({ name, doc }) => ({ name, doc: dropNulls(doc) }));
}

/** Removes properties whose value is null (used above to delete fields from a spread). */
function dropNulls(doc: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== null)) as JsonObject;
}

/** The document without its proof, and each proof as a proof configuration (no proofValue/jws, the document's @context). */
export function unsignedAndProofConfigurations(doc: JsonObject): { unsigned?: JsonObject; configs: JsonObject[] } {
  if (!('proof' in doc)) return { configs: [] };
  const { proof, ...unsigned } = doc;
  const proofs = Array.isArray(proof) ? proof : [proof];
  const configs: JsonObject[] = [];
  for (const p of proofs) {
    if (!isObject(p)) continue;
    const { proofValue: _a, jws: _b, signatureValue: _c, ...rest } = p;
    configs.push({ '@context': doc['@context'] ?? null, ...rest });
  }
  return { unsigned: unsigned as JsonObject, configs };
}

type Path = (string | number)[];

/** Every node of a document (objects, arrays and scalar values), with its path; @context values are not entered. */
function nodes(doc: Json, path: Path = [], out: { path: Path; value: Json }[] = []): { path: Path; value: Json }[] {
  out.push({ path, value: doc });
  if (Array.isArray(doc)) doc.forEach((v, i) => nodes(v, [...path, i], out));
  else if (isObject(doc)) for (const [k, v] of Object.entries(doc)) if (k !== '@context') nodes(v, [...path, k], out);
  return out;
}

function at(doc: Json, path: Path): Json {
  let v: Json = doc;
  for (const p of path) v = (v as Record<string | number, Json>)[p]!;
  return v;
}

function setAt(doc: JsonObject, path: Path, value: Json | undefined): void {
  if (path.length === 0) throw new Error('cannot replace the root');
  const parent = at(doc, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else parent[key] = value;
}

/** Renames a key keeping the order of the other keys. */
function renameKey(obj: JsonObject, from: string, to: string): void {
  const entries = Object.entries(obj).map(([k, v]) => [k === from ? to : k, v] as const);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) obj[k] = v;
}

const KNOWN_TERMS = ['name', 'description', 'id', 'type', 'url', 'image', 'narrative', 'achievement', 'issuer',
  'validFrom', 'creator', 'alignment', 'targetUrl', 'result', 'credentialSubject', 'evidence', 'proof', 'endorsement',
  'identifier', 'criteria', 'tag', 'email', 'verificationMethod', 'holder', 'verifiableCredential'];
const TYPES = ['Achievement', 'Profile', 'Image', 'Alignment', 'Result', 'ResultDescription', 'Evidence',
  'EndorsementSubject', 'EndorsementCredential', 'AchievementSubject', 'Address', 'IdentityObject', 'ClrSubject',
  'ClrCredential', 'JsonSchema', 'DataIntegrityProof', 'Ed25519Signature2020', 'Multikey', 'BitstringStatusListEntry',
  'VerifiableCredential', 'VerifiablePresentation', 'OpenBadgeCredential', 'UnknownType', 'Criteria',
  'RubricCriterionLevel', 'GeoCoordinates', 'Related'];
const BAD_LANGUAGE_TAGS = ['not a tag', 'en_US!', '12345678901', '', 'x-'];
const CONTEXT_URLS = [V1, V2, OB, CLR, ED2020, DI, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
  'https://w3id.org/security/multikey/v1', 'https://www.w3.org/ns/did/v1', 'https://www.w3.org/ns/credentials/undefined-terms/v2'];

/** One edit: its name and a function that applies it to the node at `path` of a copy (false: not applicable). */
type Edit = (doc: JsonObject, path: Path, rand: () => number) => string | false;

const objectEdits: Record<string, Edit> = {
  'rename a key to an undefined term': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    const keys = Object.keys(obj).filter((k) => k !== '@context');
    if (!keys.length) return false;
    const key = pick(rand, keys);
    renameKey(obj, key, `${key.replace(/^@/, '')}Unknown`);
    return key;
  },
  'rename a key to another term': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    const keys = Object.keys(obj).filter((k) => k !== '@context');
    if (!keys.length) return false;
    const key = pick(rand, keys);
    const to = pick(rand, KNOWN_TERMS.filter((t) => !(t in obj)));
    renameKey(obj, key, to);
    return `${key}→${to}`;
  },
  'add an undefined term': (doc, path) => {
    (at(doc, path) as JsonObject).undefinedTerm = 'a value';
    return 'undefinedTerm';
  },
  'add a nested type': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    const type = pick(rand, TYPES);
    const current = obj.type ?? obj['@type'];
    obj.type = current === undefined ? type : [...(Array.isArray(current) ? current : [current]), type];
    return type;
  },
  'add a child node with types': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    const types = [pick(rand, TYPES), pick(rand, TYPES)];
    obj[pick(rand, ['image', 'creator', 'achievement', 'evidence', 'related', 'endorsement'])] = {
      id: 'https://example.org/child', type: types, name: 'child', description: 'nested',
    };
    return types.join('+');
  },
  'relative @id': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    const id = pick(rand, ['relative/path', '#fragment', '../up', 'no-scheme']);
    obj[obj['@id'] !== undefined ? '@id' : 'id'] = id;
    return id;
  },
  'blank node @id': (doc, path) => {
    (at(doc, path) as JsonObject).id = '_:b0';
    return '_:b0';
  },
  'relative @type': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    const type = pick(rand, ['relative/Type', 'lowercaseunknown', '#Type']);
    obj.type = [...(Array.isArray(obj.type) ? obj.type : obj.type === undefined ? [] : [obj.type]), type];
    return type;
  },
  'null @context': (doc, path) => {
    (at(doc, path) as JsonObject)['@context'] = null;
    return 'null';
  },
  'inline context defining a term': (doc, path) => {
    const obj = at(doc, path) as JsonObject;
    obj['@context'] = { localTerm: { '@id': 'https://example.org/vocab#localTerm' } };
    obj.localTerm = 'defined locally';
    return 'localTerm';
  },
  'inline context redefining a term': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    const term = pick(rand, ['name', 'description', 'id', 'type', 'achievement', 'url']);
    obj['@context'] = { [term]: term === 'id' || term === 'type' ? `@${term}` : `https://example.org/vocab#${term}` };
    return term;
  },
  'inline context with a scoped type': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    const propagate = rand() < 0.3;
    obj['@context'] = {
      LocalType: {
        '@id': 'https://example.org/vocab#LocalType',
        '@context': { ...(propagate ? { '@propagate': true } : {}), localProp: 'https://example.org/vocab#localProp' },
      },
    };
    obj.type = [...(Array.isArray(obj.type) ? obj.type : obj.type === undefined ? [] : [obj.type]), 'LocalType'];
    obj.localProp = { name: 'inside', localProp: 'nested' };
    return propagate ? 'propagating' : 'non-propagating';
  },
  'inline context with a property-scoped context': (doc, path) => {
    const obj = at(doc, path) as JsonObject;
    obj['@context'] = {
      scoped: { '@id': 'https://example.org/vocab#scoped', '@context': { inner: 'https://example.org/vocab#inner', '@propagate': false } },
    };
    obj.scoped = { inner: 'x', child: { inner: 'y' } };
    return 'scoped';
  },
  'inline context with a defect in a scoped context': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    const defect = pick(rand, [
      { '@reservedLooking': 'https://example.org/x' },
      { '@language': 'not a tag' },
      { '@vocab': 'relative/' },
      { term: { '@reverse': '@reservedLooking' } },
      { term: { '@id': '@reservedLooking' } },
    ] as JsonObject[]);
    const asType = rand() < 0.5;
    obj['@context'] = { Scoped: { '@id': 'https://example.org/vocab#Scoped', '@context': defect } };
    if (asType) obj.type = [...(Array.isArray(obj.type) ? obj.type : obj.type === undefined ? [] : [obj.type]), 'Scoped'];
    else obj.Scoped = { name: 'x' };
    return `${Object.keys(defect)[0]}${asType ? ' (type)' : ' (property)'}`;
  },
  'inline context with a defect': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    const defect = pick(rand, [
      { '@reservedLooking': 'https://example.org/x' },
      { '@language': pick(rand, BAD_LANGUAGE_TAGS) },
      { '@vocab': 'relative/' },
      { '@vocab': 'https://example.org/vocab#' },
      { '@base': 'https://example.org/base/' },
      { '@version': 1.1 },
      { '@version': 1.0 },
      { '@direction': 'sideways' },
      { term: { '@id': 'https://example.org/t', '@container': '@bogus' } },
      { term: { '@id': 'https://example.org/t', '@type': 'relative' } },
      { term: 17 },
      { '@import': 'https://w3id.org/security/multikey/v1' },
      { '@protected': true, name: 'https://example.org/vocab#name' },
    ] as JsonObject[]);
    obj['@context'] = defect;
    return Object.keys(defect).join(',');
  },
  'type or property from the static test context': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    const ctx = doc['@context'];
    const dropVocab = rand() < 0.7;
    doc['@context'] = [...(Array.isArray(ctx) ? ctx : ctx === undefined ? [] : [ctx]), TEST_CONTEXT_URL,
      ...(dropVocab ? [{ '@vocab': null }] : [])];
    const use = pick(rand, ['DefectVocab', 'DefectNestedVocab', 'CleanScoped', 'vocabProp']);
    if (use === 'vocabProp') obj.vocabProp = { note: 'x' };
    else {
      obj.type = [...(Array.isArray(obj.type) ? obj.type : obj.type === undefined ? [] : [obj.type]), use];
      if (use === 'DefectNestedVocab') obj.inner = { note: 'y' };
      if (use === 'CleanScoped') obj.detail = { deep: 'z' };
    }
    return `${use}${dropVocab ? ', @vocab removed' : ''}`;
  },
  'bad language tag value': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    const tag = pick(rand, BAD_LANGUAGE_TAGS);
    obj[pick(rand, ['name', 'description', 'narrative'])] = { '@value': 'text', '@language': tag };
    return tag;
  },
  '@json value': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    obj[pick(rand, ['name', 'description', 'jsonSchema'])] = { '@value': { b: [1, 2, { c: null }], a: 'x' }, '@type': '@json' };
    return 'json';
  },
  '@list value': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    const keys = Object.keys(obj).filter((k) => !k.startsWith('@') && k !== 'id' && k !== 'type');
    if (!keys.length) return false;
    const key = pick(rand, keys);
    obj[key] = { '@list': Array.isArray(obj[key]) ? obj[key] : [obj[key]!] };
    return key;
  },
  '@graph wrapper': (doc, path) => {
    if (path.length === 0) return false;
    const obj = at(doc, path) as JsonObject;
    setAt(doc, path, { '@graph': [obj] });
    return 'graph';
  },
  'empty object and null values': (doc, path, rand) => {
    const obj = at(doc, path) as JsonObject;
    const keys = Object.keys(obj).filter((k) => k !== '@context');
    if (!keys.length) return false;
    const key = pick(rand, keys);
    const value = pick(rand, [{}, null, [], [null], { '@value': null }, { '@id': null }] as Json[]);
    obj[key] = value;
    return `${key}=${JSON.stringify(value)}`;
  },
  'remove the node': (doc, path) => {
    if (path.length === 0) return false;
    setAt(doc, path, undefined);
    return 'removed';
  },
};

const scalarEdits: Record<string, Edit> = {
  'relative IRI value': (doc, path, rand) => {
    const v = pick(rand, ['relative/value', 'urn-less', '#frag', '//host/path']);
    setAt(doc, path, v);
    return v;
  },
  'other scalar type': (doc, path, rand) => {
    const v = pick(rand, [42, 3.25, true, false, 1e21, -0.0] as Json[]);
    setAt(doc, path, v);
    return JSON.stringify(v);
  },
  'value object with a bad language tag': (doc, path, rand) => {
    const tag = pick(rand, BAD_LANGUAGE_TAGS);
    setAt(doc, path, { '@value': String(at(doc, path)), '@language': tag });
    return tag;
  },
  'typed value object': (doc, path, rand) => {
    const type = pick(rand, ['http://www.w3.org/2001/XMLSchema#dateTime', 'xsd:string', 'relativeDatatype', '@id', '_:blank']);
    setAt(doc, path, { '@value': String(at(doc, path)), '@type': type });
    return type;
  },
  'node reference': (doc, path) => {
    setAt(doc, path, { id: 'https://example.org/ref' });
    return 'ref';
  },
};

const arrayEdits: Record<string, Edit> = {
  'drop an element': (doc, path, rand) => {
    const arr = at(doc, path) as Json[];
    if (!arr.length) return false;
    arr.splice(Math.floor(rand() * arr.length), 1);
    return 'dropped';
  },
  'duplicate an element': (doc, path, rand) => {
    const arr = at(doc, path) as Json[];
    if (!arr.length) return false;
    arr.push(copy(pick(rand, arr)));
    return 'duplicated';
  },
  'nested array': (doc, path) => {
    const arr = at(doc, path) as Json[];
    setAt(doc, path, [arr]);
    return 'nested';
  },
};

/** Edits of the document's top-level @context. */
const contextEdits: Record<string, (ctx: Json[], rand: () => number) => Json | undefined | string> = {
  'drop a context': (ctx, rand) => { ctx.splice(Math.floor(rand() * ctx.length), 1); return ctx; },
  'drop every context': () => undefined,
  'nullify a context': (ctx, rand) => { ctx[Math.floor(rand() * ctx.length)] = null; return ctx; },
  'prepend null': (ctx) => [null, ...ctx],
  'append null': (ctx) => [...ctx, null],
  'reverse the contexts': (ctx) => [...ctx].reverse(),
  'repeat a context': (ctx, rand) => [...ctx, pick(rand, ctx)],
  'add a pinned context': (ctx, rand) => [...ctx, pick(rand, CONTEXT_URLS)],
  'replace the base context': (ctx) => [ctx[0] === V1 ? V2 : V1, ...ctx.slice(1)],
  'add an unknown context URL': (ctx) => [...ctx, 'https://example.org/unknown-context.jsonld'],
  'add the static test context and remove @vocab': (ctx) => [...ctx, TEST_CONTEXT_URL, { '@vocab': null }],
  'add a relative context URL': (ctx) => [...ctx, 'context.jsonld'],
  'add an empty inline context': (ctx) => [...ctx, {}],
  'add an inline context with @vocab': (ctx) => [...ctx, { '@vocab': 'https://example.org/vocab#' }],
  'add an inline context with @version 1.1': (ctx) => [...ctx, { '@version': 1.1 }],
  'add an inline context redefining a protected term': (ctx) => [...ctx, { id: 'https://example.org/id', name: 'https://example.org/name' }],
  'add a context as a string, not an array': (ctx) => (ctx.length ? ctx[0]! : null),
  'add a non-context value': (ctx, rand) => [...ctx, pick(rand, [42, true, ['nested']] as Json[])],
};

/**
 * Mutants of `base`: every edit that applies at every node (plus every edit of the top-level @context), each with
 * its own deterministic random choices. `limit` keeps an evenly spread, seeded subset.
 */
export function mutantsOf(base: Input, seed: number, limit = Infinity): Input[] {
  const out: Input[] = [];
  const rand = prng(seed);
  const all = nodes(base.doc);
  const describe = (path: Path) => (path.length ? path.join('.') : '(root)');
  for (const { path, value } of all) {
    const edits = Array.isArray(value) ? arrayEdits : isObject(value) ? objectEdits : scalarEdits;
    if (path.length === 0 && !isObject(value)) continue;
    for (const [name, edit] of Object.entries(edits)) {
      const doc = copy(base.doc);
      const detail = edit(doc, path, rand);
      if (detail === false) continue;
      out.push({ name: `${base.name} | ${name} at ${describe(path)} (${detail})`, doc });
    }
  }
  const ctx = base.doc['@context'];
  const list = Array.isArray(ctx) ? ctx : ctx === undefined ? [] : [ctx];
  for (const [name, edit] of Object.entries(contextEdits)) {
    const doc = copy(base.doc);
    const result = edit(copy(list), rand);
    if (result === undefined) delete doc['@context'];
    else doc['@context'] = result as Json;
    out.push({ name: `${base.name} | ${name}`, doc });
  }
  if (out.length <= limit) return out;
  // A seeded, evenly spread subset: one mutant from each of `limit` equal strides.
  const step = out.length / limit;
  const chosen: Input[] = [];
  for (let j = 0; j < limit; j++) chosen.push(out[Math.min(out.length - 1, Math.floor((j + rand()) * step))]!);
  return chosen;
}
