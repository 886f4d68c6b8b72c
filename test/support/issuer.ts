/**
 * Test issuer: makes signed Open Badges 3.0 credentials at test time with test keys, so the project's own tests
 * need no public vectors. Runs in Node and in the browser.
 */
import jsigs from 'jsonld-signatures';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { pinnedContexts } from '../../src/core/contexts/index.js';

export const NOW = '2026-06-01T12:00:00Z';

export interface TestKey {
  /** The controller: a did:key, a did:web, or an https URL. */
  controller: string;
  /** The verification method id. */
  id: string;
  publicKeyMultibase: string;
  keyPair: { signer(): unknown; export(o: object): Promise<object> };
}

/** A key pair from a fixed seed; `controller` defaults to the did:key of the key. */
export async function makeKey(seedByte: number, controller?: string, fragment?: string): Promise<TestKey> {
  const seed = new Uint8Array(32).fill(seedByte);
  const probe = await Ed25519Multikey.generate({ seed });
  const fingerprint = probe.publicKeyMultibase as string;
  const ctrl = controller ?? `did:key:${fingerprint}`;
  const id = `${ctrl}#${fragment ?? fingerprint}`;
  const keyPair = await Ed25519Multikey.generate({ seed, id, controller: ctrl });
  return { controller: ctrl, id, publicKeyMultibase: fingerprint, keyPair };
}

/** A DID or controller document listing `keys` under assertionMethod (or not, with `assertion: false`). */
export function controllerDocument(controller: string, keys: TestKey[], options: { assertion?: boolean } = {}): object {
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: controller,
    verificationMethod: keys.map((k) => ({ id: k.id, type: 'Multikey', controller, publicKeyMultibase: k.publicKeyMultibase })),
    assertionMethod: options.assertion === false ? [] : keys.map((k) => k.id),
    authentication: keys.map((k) => k.id),
  };
}

/** An unsigned Open Badges 3.0 credential issued by `issuer`, with skills aligned to O*NET. */
export function badge(issuer: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:6c7d6f2e-5b0d-4c3e-9d0a-2a8c1f3b9e01',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Data Visualization Practitioner',
    issuer: { id: issuer, type: ['Profile'], name: 'Example Institute of Technology', url: 'https://example.edu' },
    validFrom: '2026-01-15T09:00:00Z',
    credentialSubject: {
      id: 'did:example:learner-42',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://example.edu/achievements/data-viz',
        type: ['Achievement'],
        name: 'Data Visualization Practitioner',
        description: 'Designs clear charts and dashboards from real data.',
        criteria: { narrative: 'Built three dashboards reviewed by a panel.' },
        image: { id: 'https://example.edu/badges/data-viz.png', type: 'Image' },
        alignment: [
          {
            type: ['Alignment'],
            targetName: 'Data Scientists',
            targetCode: '15-2051.00',
            targetFramework: 'O*NET-SOC',
            targetUrl: 'https://www.onetonline.org/link/summary/15-2051.00',
          },
        ],
      },
    },
    ...overrides,
  };
}

export const documentLoader = async (url: string) => {
  const document = pinnedContexts().get(url);
  if (!document) throw new Error(`test issuer: context ${url} is not pinned`);
  return { contextUrl: null, documentUrl: url, document };
};

/** Signs with a Data Integrity eddsa-rdfc-2022 proof. */
export async function signDataIntegrity(credential: Record<string, unknown>, key: TestKey): Promise<Record<string, unknown>> {
  const suite = new DataIntegrityProof({ signer: key.keyPair.signer(), cryptosuite: eddsaRdfc2022 });
  return jsigs.sign(structuredClone(credential), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader });
}

/** Signs with an Ed25519Signature2020 proof (the credential must carry the suite context). */
export async function signEd25519Signature2020(credential: Record<string, unknown>, key: TestKey): Promise<Record<string, unknown>> {
  const exported = (await key.keyPair.export({ publicKey: true, secretKey: true, includeContext: true })) as Record<string, string>;
  const legacy = await Ed25519VerificationKey2020.from({
    id: key.id,
    controller: key.controller,
    publicKeyMultibase: exported.publicKeyMultibase,
    privateKeyMultibase: exported.secretKeyMultibase,
  });
  const suite = new Ed25519Signature2020({ key: legacy });
  return jsigs.sign(structuredClone(credential), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader });
}

/** A fetch that serves a fixed set of documents as JSON and 404s the rest; it records every URL asked. */
export function fakeFetch(documents: Record<string, unknown>, log: string[] = []): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    log.push(url);
    if (!(url in documents)) return new Response('not found', { status: 404 });
    return new Response(JSON.stringify(documents[url]), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

/** A JOSE key pair for VC-JWT tests (WebCrypto, in Node and in the browser). */
export async function makeJoseKey(alg: 'EdDSA' | 'ES256' | 'RS256') {
  const { generateKeyPair, exportJWK } = await import('jose');
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
  const jwk = await exportJWK(publicKey);
  return { alg, privateKey, publicJwk: jwk as Record<string, string> };
}

/** Signs a credential as a VC-JWT: the payload is the credential (VC 2.0 style) plus `claims`. */
export async function signJwt(
  payload: Record<string, unknown>,
  key: { alg: string; privateKey: CryptoKey },
  header: Record<string, unknown>,
): Promise<string> {
  const { CompactSign } = await import('jose');
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ typ: 'vc+jwt', ...header, alg: key.alg })
    .sign(key.privateKey);
}

export function base64url(value: string | Uint8Array): string {
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** gzip through CompressionStream (Node and browsers). */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BufferSource]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** An encodedList (multibase base64url of gzip) with the given entries set; `length` in entries (default 131072). */
export async function encodedList(set: number[], length = 131_072, statusSize = 1): Promise<string> {
  const bits = new Uint8Array(Math.ceil((length * statusSize) / 8));
  for (const index of set) {
    const bit = index * statusSize + statusSize - 1;
    bits[bit >> 3]! |= 0x80 >> (bit & 7);
  }
  return `u${base64url(await gzip(bits))}`;
}

/** A signed BitstringStatusListCredential of `key`'s controller. */
export async function statusListCredential(
  key: TestKey,
  url: string,
  options: { purpose?: string; set?: number[]; encoded?: string; overrides?: Record<string, unknown> } = {},
): Promise<Record<string, unknown>> {
  const list = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: key.controller,
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: options.purpose ?? 'revocation',
      encodedList: options.encoded ?? (await encodedList(options.set ?? [])),
    },
    ...options.overrides,
  };
  return signDataIntegrity(list, key);
}

/** A status entry pointing at entry `index` of the list at `url`. */
export function statusEntry(url: string, index: number, purpose = 'revocation'): Record<string, unknown> {
  return { id: `${url}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: url };
}
