/**
 * A set of signed badges in every state an element shows, issued at run time with fixed test keys, and the
 * documents an offline fetch serves for them. Used by element tests and stories (Node and browsers).
 */
import {
  NOW,
  badge,
  controllerDocument,
  fakeFetch,
  makeKey,
  signDataIntegrity,
  statusEntry,
  statusListCredential,
} from './issuer.js';

export { NOW };

export const STATUS_LIST = 'https://badges.example.edu/status/1';
export const SUSPENSION_LIST = 'https://badges.example.edu/status/suspensions';
export const WEB_ISSUER = 'did:web:badges.example.edu';
const WEB_DID_DOC = 'https://badges.example.edu/.well-known/did.json';

export interface Fixtures {
  verified: Record<string, unknown>;
  revoked: Record<string, unknown>;
  suspended: Record<string, unknown>;
  expired: Record<string, unknown>;
  tampered: Record<string, unknown>;
  /** Its issuer's DID document cannot be fetched: "could not check". */
  unreachable: Record<string, unknown>;
  /** Text fields full of markup and script, and javascript: links. */
  hostile: Record<string, unknown>;
  clr: Record<string, unknown>;
  /** URL -> document, for the offline fetch. */
  documents: Record<string, unknown>;
  fetch: typeof fetch;
}

let cached: Promise<Fixtures> | undefined;

/** The fixtures, made once per page or process. */
export function fixtures(): Promise<Fixtures> {
  cached ??= make();
  return cached;
}

async function make(): Promise<Fixtures> {
  const web = await makeKey(61, WEB_ISSUER, 'key-1');
  const other = await makeKey(62);
  const skills = (list: [string, string, string][]) =>
    list.map(([targetName, targetCode, targetFramework]) => ({
      type: ['Alignment'],
      targetName,
      targetCode,
      targetFramework,
      targetUrl: `https://www.onetonline.org/link/summary/${targetCode}`,
    }));
  const issue = (name: string, overrides: Record<string, unknown> = {}, alignment = skills([['Data Scientists', '15-2051.00', 'O*NET-SOC']])) => {
    const credential = badge(WEB_ISSUER, { name, ...overrides });
    const subject = credential.credentialSubject as { achievement: Record<string, unknown> };
    subject.achievement = { ...subject.achievement, name, alignment };
    return signDataIntegrity(credential, web);
  };

  const documents: Record<string, unknown> = {
    [WEB_DID_DOC]: controllerDocument(WEB_ISSUER, [web]),
    [STATUS_LIST]: await statusListCredential(web, STATUS_LIST, { set: [13] }),
    [SUSPENSION_LIST]: await statusListCredential(web, SUSPENSION_LIST, { purpose: 'suspension', set: [21] }),
  };
  const verified = await issue('Data Visualization Practitioner', { credentialStatus: statusEntry(STATUS_LIST, 12) });
  const revoked = await issue('Cloud Architecture', { credentialStatus: statusEntry(STATUS_LIST, 13) }, skills([['Cloud Architects', '15-1241.00', 'O*NET-SOC']]));
  const suspended = await issue('Conflict Resolution', { credentialStatus: statusEntry(SUSPENSION_LIST, 21, 'suspension') }, skills([['Conflict resolution', '2.B.1.e', 'O*NET Skills']]));
  const expired = await issue('Project Management Fundamentals', { validUntil: '2026-03-01T00:00:00Z' }, skills([['Project Management Specialists', '13-1082.00', 'O*NET-SOC']]));
  const tampered: Record<string, unknown> = { ...(await issue('Data Engineering')), name: 'Chief Data Officer' };
  (tampered.credentialSubject as { achievement: { name: string } }).achievement.name = 'Chief Data Officer';
  const unreachableKey = await makeKey(63, 'did:web:offline.example.org', 'key-1');
  const unreachableBadge = badge('did:web:offline.example.org', { name: 'Offline Issuer Badge' });
  const unreachable = await signDataIntegrity(unreachableBadge, unreachableKey);
  const hostileBadge = badge(other.controller, {
    name: '<img src=x onerror="window.__pwned=1">Hacked',
    description: '<script>window.__pwned=1</script>',
    issuer: { id: other.controller, type: ['Profile'], name: '<b onmouseover="window.__pwned=1">Evil</b>', url: 'javascript:window.__pwned=1', image: 'javascript:window.__pwned=1' },
  });
  const hostileSubject = hostileBadge.credentialSubject as { achievement: Record<string, unknown> };
  hostileSubject.achievement = {
    ...hostileSubject.achievement,
    name: '<svg onload="window.__pwned=1">',
    description: '<iframe src="javascript:window.__pwned=1"></iframe>',
    criteria: { narrative: '[click](javascript:window.__pwned=1) <a href="javascript:window.__pwned=1">x</a> **bold**' },
    image: { id: 'javascript:window.__pwned=1', type: 'Image' },
    alignment: [{ type: ['Alignment'], targetName: '<img src=x onerror=window.__pwned=1>', targetUrl: 'javascript:window.__pwned=1' }],
  };
  const hostile = await signDataIntegrity(hostileBadge, other);
  const clrCredential = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    type: ['VerifiableCredential', 'ClrCredential'],
    name: 'Transcript: Data Analytics Certificate',
    issuer: { id: WEB_ISSUER, type: ['Profile'], name: 'Example Institute of Technology' },
    validFrom: '2026-02-01T00:00:00Z',
    credentialSubject: {
      id: 'did:example:learner-42',
      type: ['ClrSubject'],
      verifiableCredential: [verified, expired, tampered],
      achievement: [{ id: 'urn:uuid:a1', type: ['Achievement'], name: 'Data Analytics Certificate', criteria: { narrative: 'Three courses.' } }],
    },
  };
  const clr = await signDataIntegrity(clrCredential, web);
  return { verified, revoked, suspended, expired, tampered, unreachable, hostile, clr, documents, fetch: fakeFetch(documents) };
}
