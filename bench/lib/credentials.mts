/**
 * The credentials the benchmarks verify, made at run time with the test issuer's fixed keys (test/support/issuer.ts):
 * a ~3 KB Open Badges 3.0 credential with a BitstringStatusListEntry, signed eddsa-rdfc-2022 and, separately,
 * Ed25519Signature2020; the same badge as a VC-JWT (EdDSA); a CLR 2.0 transcript with three nested badges; and the
 * status list they point at. Every issuer is a did:key or did:jwk, so no key is fetched; the status list is served
 * from memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { badge, base64url, makeJoseKey, makeKey, signDataIntegrity, signEd25519Signature2020, signJwt, statusEntry, statusListCredential } from '../../test/support/issuer.js';
import { loadPinnedContext } from '../../src/core/contexts/load.js';

export const STATUS_LIST = 'https://status.example.edu/lists/bench-1';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const CLR = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';

/** A badge with the fields real ones carry (~3 KB signed). */
export function richBadge(issuer: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = badge(issuer);
  const subject = base.credentialSubject as Record<string, unknown>;
  const achievement = subject.achievement as Record<string, unknown>;
  return {
    ...base,
    id: 'urn:uuid:3c8e2d5a-6b1f-4f7e-9a2c-8d4e6f0a1b23',
    description: 'Awarded for completing the data visualization practicum with distinction.',
    validUntil: '2030-01-15T09:00:00Z',
    issuer: {
      ...(base.issuer as object),
      email: 'badges@example.edu',
      description: 'A public institute of technology.',
      image: { id: 'https://example.edu/logo.png', type: 'Image', caption: 'Institute logo' },
    },
    credentialSubject: {
      ...subject,
      identifier: [{ type: 'IdentityObject', hashed: false, identityHash: 'learner42@example.edu', identityType: 'emailAddress' }],
      result: [{ type: ['Result'], resultDescription: 'urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c', value: 'Distinction' }],
      achievement: {
        ...achievement,
        achievementType: 'Certificate',
        creator: { id: issuer, type: ['Profile'], name: 'Example Institute of Technology' },
        tag: ['data', 'visualization', 'dashboards'],
        humanCode: 'DVP-101',
        fieldOfStudy: 'Information Science',
        alignment: [
          ...(achievement.alignment as object[]),
          {
            type: ['Alignment'], targetName: 'Create data visualizations', targetCode: '4.A.3.b.6',
            targetFramework: 'O*NET Work Activities', targetType: 'ext:ONetWorkActivity',
            targetUrl: 'https://www.onetonline.org/find/descriptor/result/4.A.3.b.6',
          },
        ],
        resultDescription: [{
          id: 'urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c', type: ['ResultDescription'], name: 'Final grade',
          resultType: 'LetterGrade', allowedValue: ['Pass', 'Merit', 'Distinction'],
        }],
      },
    },
    evidence: [{
      id: 'https://example.edu/evidence/42', type: ['Evidence'], name: 'Capstone dashboard',
      description: 'An interactive dashboard of regional labour statistics.', genre: 'Dashboard', audience: 'Employers',
    }],
    credentialStatus: statusEntry(STATUS_LIST, 42),
    ...overrides,
  };
}

export interface BenchCredentials {
  eddsa: Record<string, unknown>;
  ed25519Signature2020: Record<string, unknown>;
  jwt: string;
  clr: Record<string, unknown>;
  statusList: Record<string, unknown>;
  /** URL -> document served by the benchmarks' in-memory fetch. */
  documents: Record<string, unknown>;
}

export async function makeBenchCredentials(): Promise<BenchCredentials> {
  const key = await makeKey(7);
  const statusList = await statusListCredential(key, STATUS_LIST, { set: [3] });
  const eddsa = await signDataIntegrity(richBadge(key.controller), key);
  // Ed25519Signature2020 is used with VC 1.1 credentials (its context and VC 2.0's both define the proof terms).
  const { validFrom, validUntil, ...v2 } = richBadge(key.controller);
  const ed25519Signature2020 = await signEd25519Signature2020(
    {
      ...v2,
      '@context': ['https://www.w3.org/2018/credentials/v1', OB, 'https://w3id.org/security/suites/ed25519-2020/v1', 'https://www.w3.org/ns/credentials/status/v1'],
      issuanceDate: validFrom,
      expirationDate: validUntil,
    },
    key,
  );
  const jose = await makeJoseKey('EdDSA');
  const did = `did:jwk:${base64url(JSON.stringify(jose.publicJwk))}`;
  const { credentialStatus: _status, ...jwtBadge } = richBadge(did);
  const jwt = await signJwt(jwtBadge, jose, { kid: `${did}#0` });
  const schools = [await makeKey(8), await makeKey(9), await makeKey(10)];
  const nested = await Promise.all(schools.map((school, i) => signDataIntegrity(richBadge(school.controller, { id: `urn:uuid:3c8e2d5a-6b1f-4f7e-9a2c-8d4e6f0a1b3${i}` }), school)));
  const clr = await signDataIntegrity(
    {
      '@context': ['https://www.w3.org/ns/credentials/v2', CLR, OB],
      id: 'urn:uuid:9c2d4f8e-1b7a-4e3c-8d5f-6a0b2c4e8f10',
      type: ['VerifiableCredential', 'ClrCredential'],
      name: 'Transcript of Learning',
      issuer: { id: key.controller, type: ['Profile'], name: 'Example Registrar' },
      validFrom: '2026-02-01T00:00:00Z',
      credentialSubject: {
        id: 'did:example:learner-42',
        type: ['ClrSubject'],
        verifiableCredential: nested,
        achievement: [
          { id: 'urn:uuid:a1', type: ['Achievement'], name: 'Data Visualization Practitioner', criteria: { narrative: 'x' } },
          { id: 'urn:uuid:a2', type: ['Achievement'], name: 'Conflict Resolution', criteria: { narrative: 'y' } },
        ],
        association: [{ type: 'Association', associationType: 'isParentOf', sourceId: 'urn:uuid:a1', targetId: 'urn:uuid:a2' }],
      },
    },
    key,
  );
  return { eddsa, ed25519Signature2020, jwt, clr, statusList, documents: { [STATUS_LIST]: statusList } };
}

/** A fetch that answers from `documents` (URL -> JSON document), 404 for anything else: the benchmarks run offline. */
export function memoryFetch(documents: Record<string, unknown>): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const doc = documents[url];
    return doc ? new Response(JSON.stringify(doc), { status: 200, headers: { 'content-type': 'application/json' } }) : new Response('not found', { status: 404 });
  }) as typeof fetch;
}

/** Median, 95th percentile, mean and count of a list of milliseconds. */
export function stats(samples: number[]): { median: number; p95: number; mean: number; runs: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), mean: sorted.reduce((s, x) => s + x, 0) / sorted.length, runs: sorted.length };
}

/** Which jsonld the run used: the installed lib/ compared with stock jsonld 9.0.0 (the `jsonld-stock` alias). */
export function jsonldState(root: string): string {
  const lib = (name: string) => path.join(root, 'node_modules', name, 'lib');
  const changed = fs.readdirSync(lib('jsonld-stock')).filter((f) => f.endsWith('.js') && fs.readFileSync(path.join(lib('jsonld'), f), 'utf8') !== fs.readFileSync(path.join(lib('jsonld-stock'), f), 'utf8'));
  const patch = fs.existsSync(path.join(root, 'patches/jsonld+9.0.0.patch')) ? 'patches/jsonld+9.0.0.patch present' : 'no patches/jsonld+9.0.0.patch';
  return changed.length ? `jsonld 9.0.0 with changes in lib/${changed.join(', lib/')} (${patch})` : `stock jsonld 9.0.0 (${patch})`;
}

/**
 * jsonld's options for turning a document into RDF as the eddsa-rdfc-2022 suite does (safe mode), with the pinned
 * contexts served as static.
 */
export const RDF_OPTIONS = {
  documentLoader: async (url: string) => ({ contextUrl: null, documentUrl: url, document: (await loadPinnedContext(url))!, tag: 'static' }),
  safe: true,
  base: null,
  rdfDirection: 'i18n-datatype',
  produceGeneralizedRdf: false,
} as const;

/** What a Data Integrity proof covers: the credential without its proof, and the proof's configuration. */
export function signedParts(credential: Record<string, unknown>): { unsigned: Record<string, unknown>; proofConfig: Record<string, unknown> } {
  const { proof, ...unsigned } = credential;
  const { proofValue: _proofValue, ...options } = proof as Record<string, unknown>;
  return { unsigned, proofConfig: { '@context': unsigned['@context'], ...options } };
}
