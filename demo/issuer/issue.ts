/**
 * The demo issuer, run by `npm start` before the pages are served: it creates keys and issues realistic Open Badges
 * 3.0 credentials into demo/public/issued/ (served by the dev server; nothing leaves the machine):
 * - in every proof format the core verifies: Data Integrity eddsa-rdfc-2022, Ed25519Signature2020, ecdsa-rdfc-2019,
 *   VC-JWT (EdDSA and ES256), and baked PNG and SVG copies;
 * - a status list with a revoked badge, a suspension list with a suspended badge, an expired badge, a tampered
 *   badge, a badge whose status list cannot be reached, and a CLR 2.0 transcript;
 * - index.json, describing each badge and the state the verifier should show.
 *
 * Usage: tsx demo/issuer/issue.ts [--origin http://127.0.0.1:5173] [--out demo/public/issued]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importJWK } from 'jose';
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { bakePng, bakeSvg } from '../../src/core/index.js';
import {
  documentLoader,
  makeJoseKey,
  makeKey,
  signDataIntegrity,
  signEd25519Signature2020,
  signJwt,
  statusEntry,
  statusListCredential,
  type TestKey,
} from '../../test/support/issuer.js';
import multikeyToJwk from '../../test/support/multikey-jwk.js';
import { badgePng, badgeSvg, pngDataUrl } from './images.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const origin = arg('--origin', `http://127.0.0.1:${Number(process.env.PORT) || 5173}`).replace(/\/$/, '');
const out = resolve(root, arg('--out', 'demo/public/issued'));
const base = `${origin}/issued`;

/** Dates relative to today, so the demo shows the same states whatever the machine's clock says. */
const DAY = 24 * 60 * 60 * 1000;
const daysFromNow = (days: number) => new Date(Math.floor((Date.now() + days * DAY) / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const OB = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
const ONET = (code: string) => `https://www.onetonline.org/link/summary/${code}`;

interface Skill {
  name: string;
  code: string;
  framework: string;
}

interface BadgeSpec {
  slug: string;
  name: string;
  description: string;
  criteria: string;
  skills: Skill[];
  color: [number, number, number];
  recipient: string;
}

const occupation = (name: string, code: string): Skill => ({ name, code, framework: 'O*NET-SOC 2019' });
const skill = (name: string, code: string): Skill => ({ name, code, framework: 'O*NET Skills' });

const SPECS: Record<string, BadgeSpec> = {
  dataViz: {
    slug: 'data-visualization',
    name: 'Data Visualization Practitioner',
    description: 'Turns real data into clear, honest charts and dashboards.',
    criteria: 'Built **three dashboards** from public data sets, each reviewed by a panel:\n\n- a time series with annotations\n- a geographic comparison\n- an interactive KPI board',
    skills: [occupation('Data Scientists', '15-2051.00'), skill('Critical Thinking', '2.A.2.a'), skill('Mathematics', '2.A.1.e')],
    color: [5, 80, 174],
    recipient: 'Ada Lovelace',
  },
  conflict: {
    slug: 'conflict-resolution',
    name: 'Conflict Resolution',
    description: 'Mediates disagreements in teams and reaches lasting agreements.',
    criteria: 'Completed 12 hours of mediation practice and two observed sessions.',
    skills: [skill('Negotiation', '2.B.1.d'), skill('Social Perceptiveness', '2.B.1.a'), occupation('Mediators', '23-1022.00')],
    color: [17, 99, 41],
    recipient: 'Ada Lovelace',
  },
  cloud: {
    slug: 'cloud-architecture',
    name: 'Cloud Architecture',
    description: 'Designs resilient, secure systems on public cloud platforms.',
    criteria: 'Designed and defended a multi-region architecture with cost and failure analysis.',
    skills: [occupation('Computer Network Architects', '15-1241.00'), skill('Systems Analysis', '2.B.4.g')],
    color: [130, 80, 223],
    recipient: 'Grace Hopper',
  },
  security: {
    slug: 'cybersecurity-fundamentals',
    name: 'Cybersecurity Fundamentals',
    description: 'Identifies common threats and applies basic defences.',
    criteria: 'Passed the practical assessment (threat modelling, patching, incident report).',
    skills: [occupation('Information Security Analysts', '15-1212.00'), skill('Troubleshooting', '2.B.3.j')],
    color: [164, 14, 38],
    recipient: 'Grace Hopper',
  },
  pm: {
    slug: 'project-management',
    name: 'Project Management Foundations',
    description: 'Plans, tracks and closes small projects on time.',
    criteria: 'Ran a six-week project with a public plan, weekly status reports and a retrospective.',
    skills: [occupation('Project Management Specialists', '13-1082.00'), skill('Time Management', '2.B.5.a')],
    color: [125, 78, 0],
    recipient: 'Katherine Johnson',
  },
  service: {
    slug: 'customer-service',
    name: 'Customer Service Excellence',
    description: 'Resolves customer requests with care and accuracy.',
    criteria: 'Handled 200 support requests with a satisfaction score above 90%.',
    skills: [occupation('Customer Service Representatives', '43-4051.00'), skill('Service Orientation', '2.B.1.f')],
    color: [0, 109, 119],
    recipient: 'Katherine Johnson',
  },
  ml: {
    slug: 'machine-learning',
    name: 'Machine Learning Engineer',
    description: 'Trains, evaluates and deploys machine learning models.',
    criteria: 'Shipped a model with documented evaluation and monitoring.',
    skills: [occupation('Data Scientists', '15-2051.00'), skill('Programming', '2.B.3.e')],
    color: [88, 96, 105],
    recipient: 'Grace Hopper',
  },
  writing: {
    slug: 'technical-writing',
    name: 'Technical Writing',
    description: 'Writes clear documentation for technical and general readers.',
    criteria: 'Published a user guide and an API reference, both reviewed by readers.',
    skills: [occupation('Technical Writers', '27-3042.00'), skill('Writing', '2.A.1.d')],
    color: [191, 57, 0],
    recipient: 'Ada Lovelace',
  },
  analytics: {
    slug: 'business-analytics',
    name: 'Business Analytics',
    description: 'Answers business questions with data.',
    criteria: 'Delivered an analysis that changed a team decision, with a written recommendation.',
    skills: [occupation('Management Analysts', '13-1111.00'), skill('Judgment and Decision Making', '2.B.4.e')],
    color: [27, 124, 131],
    recipient: 'Katherine Johnson',
  },
};

function credential(spec: BadgeSpec, issuer: { id: string; name: string; url: string }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const png = badgePng(spec.color);
  return {
    '@context': OB,
    id: `${base}/badges/${spec.slug}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: spec.name,
    issuer: { id: issuer.id, type: ['Profile'], name: issuer.name, url: issuer.url },
    validFrom: daysFromNow(-60),
    credentialSubject: {
      id: `did:example:${spec.recipient.toLowerCase().replace(/\s+/g, '-')}`,
      type: ['AchievementSubject'],
      name: spec.recipient,
      achievement: {
        id: `${base}/achievements/${spec.slug}`,
        type: ['Achievement'],
        name: spec.name,
        description: spec.description,
        criteria: { narrative: spec.criteria },
        image: { id: pngDataUrl(png), type: 'Image' },
        alignment: spec.skills.map((s) => ({ type: ['Alignment'], targetName: s.name, targetCode: s.code, targetFramework: s.framework, targetUrl: ONET(s.code) })),
      },
    },
    ...extra,
  };
}

interface Entry {
  slug: string;
  title: string;
  file: string;
  format: string;
  issuer: string;
  expected: 'verified' | 'revoked' | 'suspended' | 'expired' | 'tampered' | 'indeterminate';
  note: string;
}

async function signEcdsa(vc: Record<string, unknown>, keyPair: { signer(): unknown }): Promise<Record<string, unknown>> {
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: ecdsaRdfc2019 });
  return jsigs.sign(structuredClone(vc), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader });
}

async function main(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  for (const dir of ['badges', 'status', 'images']) mkdirSync(join(out, dir), { recursive: true });
  const write = (path: string, data: string | Uint8Array) => writeFileSync(join(out, path), data);
  const json = (path: string, value: unknown) => write(path, `${JSON.stringify(value, null, 2)}\n`);

  // Keys: Northwind (Ed25519 did:key), Harbor City College (P-256 did:key), Summit Academy (did:jwk, ES256).
  const northwindKey: TestKey = await makeKey(Math.floor(Math.random() * 200) + 1);
  const northwind = { id: northwindKey.controller, name: 'Northwind Institute of Technology', url: 'https://northwind.example.edu' };
  const p256 = await EcdsaMultikey.generate({ curve: 'P-256' });
  const harborDid = `did:key:${p256.publicKeyMultibase}`;
  const harborKey = await EcdsaMultikey.from({
    ...(await p256.export({ publicKey: true, secretKey: true, includeContext: true })),
    id: `${harborDid}#${p256.publicKeyMultibase}`,
    controller: harborDid,
  });
  const harbor = { id: harborDid, name: 'Harbor City College', url: 'https://harbor-city.example.edu' };
  const summitJose = await makeJoseKey('ES256');
  const summitDid = `did:jwk:${Buffer.from(JSON.stringify(summitJose.publicJwk)).toString('base64url')}`;
  const summit = { id: summitDid, name: 'Summit Academy', url: 'https://summit.example.org' };
  const exported = (await northwindKey.keyPair.export({ publicKey: true, secretKey: true, includeContext: true })) as Record<string, string>;
  const northwindJose = { alg: 'EdDSA', privateKey: (await importJWK(multikeyToJwk(exported), 'EdDSA')) as CryptoKey };

  // Status lists (http on 127.0.0.1 is allowed, as browsers treat loopback as secure).
  const revocations = `${base}/status/revocation.json`;
  const suspensions = `${base}/status/suspension.json`;
  const missingList = `${base}/status/missing.json`;
  json('status/revocation.json', await statusListCredential(northwindKey, revocations, { set: [3] }));
  json('status/suspension.json', await statusListCredential(northwindKey, suspensions, { purpose: 'suspension', set: [4] }));

  const entries: Entry[] = [];
  const add = (entry: Entry, data: string | Uint8Array) => {
    write(entry.file, data);
    entries.push({ ...entry, file: `issued/${entry.file}` });
  };
  const S = SPECS;

  const dataViz = await signDataIntegrity(credential(S.dataViz!, northwind, { credentialStatus: statusEntry(revocations, 1) }), northwindKey);
  add({ slug: 'data-visualization', title: S.dataViz!.name, file: 'badges/data-visualization.json', format: 'Data Integrity (eddsa-rdfc-2022)', issuer: northwind.name, expected: 'verified', note: 'On the revocation list, not revoked.' }, JSON.stringify(dataViz, null, 2));

  const conflictUnsigned = credential(S.conflict!, northwind);
  (conflictUnsigned['@context'] as string[]).push('https://w3id.org/security/suites/ed25519-2020/v1');
  const conflict = await signEd25519Signature2020(conflictUnsigned, northwindKey);
  add({ slug: 'conflict-resolution', title: S.conflict!.name, file: 'badges/conflict-resolution.json', format: 'Ed25519Signature2020', issuer: northwind.name, expected: 'verified', note: 'The older Ed25519 proof suite.' }, JSON.stringify(conflict, null, 2));

  const cloudJwt = await signJwt(credential(S.cloud!, northwind), northwindJose, { kid: northwindKey.id });
  add({ slug: 'cloud-architecture', title: S.cloud!.name, file: 'badges/cloud-architecture.jwt', format: 'VC-JWT (EdDSA)', issuer: northwind.name, expected: 'verified', note: 'A compact JWS whose kid is the issuer\'s did:key.' }, cloudJwt);

  const analyticsJwt = await signJwt(credential(S.analytics!, summit), summitJose, { kid: `${summitDid}#0` });
  add({ slug: 'business-analytics', title: S.analytics!.name, file: 'badges/business-analytics.jwt', format: 'VC-JWT (ES256, did:jwk)', issuer: summit.name, expected: 'verified', note: 'ES256 with a did:jwk issuer.' }, analyticsJwt);

  const writing = await signEcdsa(credential(S.writing!, harbor), harborKey);
  add({ slug: 'technical-writing', title: S.writing!.name, file: 'badges/technical-writing.json', format: 'Data Integrity (ecdsa-rdfc-2019, P-256)', issuer: harbor.name, expected: 'verified', note: 'An ECDSA P-256 issuer.' }, JSON.stringify(writing, null, 2));

  const security = await signDataIntegrity(credential(S.security!, northwind, { credentialStatus: statusEntry(revocations, 3) }), northwindKey);
  add({ slug: 'cybersecurity-fundamentals', title: S.security!.name, file: 'badges/cybersecurity-fundamentals.json', format: 'Data Integrity (eddsa-rdfc-2022)', issuer: northwind.name, expected: 'revoked', note: 'Entry 3 of the revocation list is set.' }, JSON.stringify(security, null, 2));

  const pm = await signDataIntegrity(credential(S.pm!, northwind, { credentialStatus: statusEntry(suspensions, 4, 'suspension') }), northwindKey);
  add({ slug: 'project-management', title: S.pm!.name, file: 'badges/project-management.json', format: 'Data Integrity (eddsa-rdfc-2022)', issuer: northwind.name, expected: 'suspended', note: 'Entry 4 of the suspension list is set.' }, JSON.stringify(pm, null, 2));

  const service = await signDataIntegrity(credential(S.service!, northwind, { validFrom: daysFromNow(-730), validUntil: daysFromNow(-365) }), northwindKey);
  add({ slug: 'customer-service', title: S.service!.name, file: 'badges/customer-service.json', format: 'Data Integrity (eddsa-rdfc-2022)', issuer: northwind.name, expected: 'expired', note: 'Its validity ended a year ago.' }, JSON.stringify(service, null, 2));

  const ml = await signDataIntegrity(credential(S.ml!, northwind), northwindKey);
  const tampered = structuredClone(ml) as Record<string, any>;
  tampered.credentialSubject.achievement.name = 'Chief AI Officer';
  tampered.name = 'Chief AI Officer';
  add({ slug: 'machine-learning-tampered', title: 'Chief AI Officer (tampered)', file: 'badges/machine-learning-tampered.json', format: 'Data Integrity (eddsa-rdfc-2022)', issuer: northwind.name, expected: 'tampered', note: 'The name was edited after signing: the signature no longer matches.' }, JSON.stringify(tampered, null, 2));

  const offline = await signDataIntegrity(credential({ ...S.ml!, slug: 'machine-learning' }, northwind, { credentialStatus: statusEntry(missingList, 5) }), northwindKey);
  add({ slug: 'machine-learning', title: S.ml!.name, file: 'badges/machine-learning.json', format: 'Data Integrity (eddsa-rdfc-2022)', issuer: northwind.name, expected: 'indeterminate', note: 'Its status list cannot be fetched: revocation could not be checked.' }, JSON.stringify(offline, null, 2));

  // Baked copies: the data visualization badge in a PNG, the cloud architecture JWT in an SVG.
  add({ slug: 'data-visualization-png', title: `${S.dataViz!.name} (baked PNG)`, file: 'badges/data-visualization.png', format: 'Baked PNG (Data Integrity)', issuer: northwind.name, expected: 'verified', note: 'The credential travels inside the image.' }, bakePng(badgePng(S.dataViz!.color), dataViz));
  add({ slug: 'cloud-architecture-svg', title: `${S.cloud!.name} (baked SVG)`, file: 'badges/cloud-architecture.svg', format: 'Baked SVG (VC-JWT)', issuer: northwind.name, expected: 'verified', note: 'A JWT in the SVG\'s openbadges:credential element.' }, bakeSvg(badgeSvg(S.cloud!.name, '#8250df'), cloudJwt));
  const tamperedPng = bakePng(badgePng(S.ml!.color), tampered);
  add({ slug: 'machine-learning-tampered-png', title: 'Chief AI Officer (tampered, baked PNG)', file: 'badges/machine-learning-tampered.png', format: 'Baked PNG (Data Integrity)', issuer: northwind.name, expected: 'tampered', note: 'A tampered credential baked into an image still fails.' }, tamperedPng);

  // A CLR 2.0 transcript of Ada Lovelace's learning.
  const clr = await signDataIntegrity(
    {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `${base}/badges/transcript-ada-lovelace`,
      type: ['VerifiableCredential', 'ClrCredential'],
      name: 'Transcript: Ada Lovelace',
      issuer: { id: northwind.id, type: ['Profile'], name: northwind.name, url: northwind.url },
      validFrom: daysFromNow(-30),
      credentialSubject: {
        id: 'did:example:ada-lovelace',
        type: ['ClrSubject'],
        verifiableCredential: [dataViz, conflict, writing],
        achievement: [S.dataViz!, S.conflict!, S.writing!].map((s) => ({ id: `${base}/achievements/${s.slug}`, type: ['Achievement'], name: s.name, criteria: { narrative: s.criteria } })),
        association: [{ type: 'Association', associationType: 'isRelatedTo', sourceId: `${base}/achievements/data-visualization`, targetId: `${base}/achievements/technical-writing` }],
      },
    },
    northwindKey,
  );
  add({ slug: 'transcript-ada-lovelace', title: 'Transcript: Ada Lovelace', file: 'badges/transcript-ada-lovelace.json', format: 'CLR 2.0 (Data Integrity)', issuer: northwind.name, expected: 'verified', note: 'Three nested badges, each verified.' }, JSON.stringify(clr, null, 2));

  // Candidates for the job board: who holds which badge.
  const candidates = [
    { name: 'Ada Lovelace', role: 'Data Analyst', badges: ['data-visualization', 'conflict-resolution', 'technical-writing'] },
    { name: 'Grace Hopper', role: 'Cloud Engineer', badges: ['cloud-architecture', 'cybersecurity-fundamentals', 'machine-learning-tampered'] },
    { name: 'Katherine Johnson', role: 'Project Lead', badges: ['project-management', 'customer-service', 'business-analytics', 'machine-learning'] },
  ].map((c) => ({ ...c, badges: c.badges.map((slug) => entries.find((e) => e.slug === slug)!.file) }));

  json('index.json', { origin, issuedAt: new Date().toISOString(), issuers: [northwind, harbor, summit], badges: entries, candidates });
  console.log(`demo issuer: ${entries.length} badges for ${origin} in ${out}`);
}

main().catch((error) => {
  console.error('demo issuer failed:', error);
  process.exit(1);
});
