/**
 * The URLs of the pinned JSON-LD contexts. Only these (and contexts a caller passes in `options.contexts`) are ever
 * used; no context is fetched at run time. Kept apart from the data so the format check can run without loading it.
 */
export const CREDENTIALS_V1 = 'https://www.w3.org/2018/credentials/v1';
export const CREDENTIALS_V2 = 'https://www.w3.org/ns/credentials/v2';
export const DID_V1 = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';
export const ED25519_2020_V1 = 'https://w3id.org/security/suites/ed25519-2020/v1';

export const PINNED_CONTEXT_URLS: readonly string[] = [
  CREDENTIALS_V1,
  CREDENTIALS_V2,
  'https://www.w3.org/ns/credentials/undefined-terms/v2',
  'https://www.w3.org/ns/credentials/status/v1',
  'https://w3id.org/vc/status-list/2021/v1',
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
  'https://imsglobal.github.io/openbadges-specification/ob_v3p0.html',
  'https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json',
  'https://purl.imsglobal.org/spec/clr/v2p0/context.json',
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
  'https://w3id.org/security/data-integrity/v1',
  'https://w3id.org/security/data-integrity/v2',
  MULTIKEY_V1,
  ED25519_2020_V1,
  'https://w3id.org/security/v1',
  'https://w3id.org/security/v2',
  DID_V1,
  'https://w3id.org/dcc/v1',
];

/** The first @context entries a credential may start with, and the data-model version each stands for. */
export const BASE_CONTEXTS: Readonly<Record<string, 1 | 2>> = { [CREDENTIALS_V1]: 1, [CREDENTIALS_V2]: 2 };
