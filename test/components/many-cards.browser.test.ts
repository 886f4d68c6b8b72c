/**
 * 1,000 <vb-badge-card> elements on one page (Chromium): three did:web issuers, two status lists each, one counting
 * offline fetch. Every card settles to the state its badge calls for; each status list and each DID document is
 * requested once; the page-wide caches stay within their limits (and, with more lists and documents than their
 * limits, never grow past them); removing the cards leaves none of them referenced (WeakRefs cleared after a full
 * garbage collection through the DevTools protocol: the `heap` command in web-test-runner.config.mjs).
 *
 * Figures (heap before, with the cards, after removing them; cache sizes; requests) are printed. No timing is
 * asserted.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { VbBadgeCard } from '../../src/components/badge-card/badge-card.js';
import { configure, type VerifierConfig } from '../../src/components/shared/config.js';
import * as core from '../../src/core/index.js';
import { StatusListCache } from '../../src/core/index.js';
import { NOW, badge, controllerDocument, fakeFetch, makeKey, signDataIntegrity, signJwt, statusEntry, statusListCredential, type TestKey } from '../support/issuer.js';
import multikeyToJwk from '../support/multikey-jwk.js';

if (!customElements.get('vb-badge-card')) customElements.define('vb-badge-card', VbBadgeCard);

const CARDS = 1_000;
/** Data Integrity badges signed per issuer (cards reuse them, as clones); the other cards get a VC-JWT each. */
const DI_PER_ISSUER = 8;
const DI_CARDS = 120;
/** The status entry every issuer revokes. */
const REVOKED_INDEX = 7;
const SETTLED = ['verified', 'failed', 'indeterminate'];

interface Issuer {
  did: string;
  key: TestKey;
  privateKey: CryptoKey;
  docUrl: string;
  lists: string[];
}

/** The bounded document cache of the core, when the core has one (`DocumentCache`, `documentCache` option). */
type DocumentCacheLike = { size: number; maxEntries: number; bytes?: number; maxBytes?: number };
const DocumentCacheClass = (core as unknown as Record<string, unknown>).DocumentCache as
  | (new (options?: { maxEntries?: number }) => DocumentCacheLike)
  | undefined;

async function until(test: () => boolean, what: string, ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (!test()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const heap = (gc = true) => executeServerCommand<{ usedSize: number; totalSize: number }, { gc: boolean }>('heap', { gc });
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function makeIssuers(count: number, listsEach: number, seed: number): Promise<{ issuers: Issuer[]; documents: Record<string, unknown> }> {
  const { importJWK } = await import('jose');
  const issuers: Issuer[] = [];
  const documents: Record<string, unknown> = {};
  for (let n = 1; n <= count; n++) {
    const host = `issuer${seed}-${n}.example`;
    const did = `did:web:${host}`;
    const key = await makeKey(seed + n, did, 'key-1');
    const exported = (await key.keyPair.export({ publicKey: true, secretKey: true, includeContext: true })) as Record<string, string>;
    const privateKey = (await importJWK(multikeyToJwk(exported), 'EdDSA')) as CryptoKey;
    const docUrl = `https://${host}/.well-known/did.json`;
    documents[docUrl] = controllerDocument(did, [key]);
    const lists: string[] = [];
    for (let l = 1; l <= listsEach; l++) {
      const url = `https://${host}/status/${l}`;
      documents[url] = await statusListCredential(key, url, { set: [REVOKED_INDEX] });
      lists.push(url);
    }
    issuers.push({ did, key, privateKey, docUrl, lists });
  }
  return { issuers, documents };
}

/** Credential `i` of the page: issuer, list and index follow from `i`; every 25th is revoked. */
function plan(i: number, issuers: Issuer[]): { issuer: Issuer; list: string; index: number; revoked: boolean } {
  const issuer = issuers[i % issuers.length]!;
  const list = issuer.lists[Math.floor(i / issuers.length) % issuer.lists.length]!;
  const revoked = i % 25 === 0;
  return { issuer, list, index: revoked ? REVOKED_INDEX : 100 + i, revoked };
}

async function jwtCredential(i: number, issuers: Issuer[]): Promise<{ credential: string; revoked: boolean }> {
  const { issuer, list, index, revoked } = plan(i, issuers);
  const payload = badge(issuer.did, {
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Badge ${i}`,
    credentialStatus: statusEntry(list, index),
  });
  return { credential: await signJwt(payload, { alg: 'EdDSA', privateKey: issuer.privateKey }, { kid: issuer.key.id }), revoked };
}

describe('1,000 cards on one page', function () {
  this.timeout(600_000);

  let issuers: Issuer[];
  let requests: string[];
  let statusCache: StatusListCache;
  let documentCache: DocumentCacheLike | undefined;
  let container: HTMLElement | undefined;
  let expected: string[];
  /** The largest cache sizes seen as cards settled. */
  const peak = { status: 0, documents: 0, documentBytes: 0 };
  const figures: Record<string, string> = {};
  let refs: WeakRef<VbBadgeCard>[] = [];
  let heapBefore = 0;
  let heapWithCards = 0;

  before(async () => {
    const made = await makeIssuers(3, 2, 90);
    issuers = made.issuers;
    requests = [];
    statusCache = new StatusListCache();
    documentCache = DocumentCacheClass ? new DocumentCacheClass() : undefined;
    configure({ fetch: fakeFetch(made.documents, requests), now: NOW, statusCache, ...(documentCache ? { documentCache } : {}) } as VerifierConfig);

    // Data Integrity badges: a few per issuer, signed once, handed to cards as clones.
    const signedDi: { credential: Record<string, unknown>; revoked: boolean }[] = [];
    for (let i = 0; i < issuers.length * DI_PER_ISSUER; i++) {
      const { issuer, list, index, revoked } = plan(i, issuers);
      const credential = badge(issuer.did, { name: `DI badge ${i}`, credentialStatus: statusEntry(list, index) });
      signedDi.push({ credential: await signDataIntegrity(credential, issuer.key), revoked });
    }
    const inputs: { credential: unknown; revoked: boolean }[] = [];
    for (let i = 0; i < CARDS; i++) {
      if (i % Math.floor(CARDS / DI_CARDS) === 0 && inputs.filter((x) => typeof x.credential !== 'string').length < DI_CARDS) {
        const di = signedDi[i % signedDi.length]!;
        inputs.push({ credential: structuredClone(di.credential), revoked: di.revoked });
      } else {
        inputs.push(await jwtCredential(i, issuers));
      }
    }
    expected = inputs.map((x) => (x.revoked ? 'failed' : 'verified'));

    const before = await heap();
    heapBefore = before.usedSize;
    figures.heapBefore = mb(before.usedSize);
    const root = document.createElement('div');
    container = root;
    document.body.append(root);
    const onEnd = () => {
      peak.status = Math.max(peak.status, statusCache.size);
      if (documentCache) {
        peak.documents = Math.max(peak.documents, documentCache.size);
        peak.documentBytes = Math.max(peak.documentBytes, documentCache.bytes ?? 0);
      }
    };
    root.addEventListener('vb-verify-end', onEnd);
    for (const { credential } of inputs) {
      const el = document.createElement('vb-badge-card');
      el.compact = true;
      el.credential = credential as VbBadgeCard['credential'];
      root.append(el);
    }
    inputs.length = 0;
    const cards = () => Array.from(root.querySelectorAll('vb-badge-card'));
    await until(() => cards().every((c) => SETTLED.includes(c.getAttribute('state') ?? '')), `${CARDS} cards to settle`, 540_000);
    const withCards = await heap();
    heapWithCards = withCards.usedSize;
    figures.heapWithCards = mb(withCards.usedSize);
  });

  after(() => {
    container?.remove();
    configure();
    console.log(
      `1,000 cards: heap ${figures.heapBefore} before, ${figures.heapWithCards} with the cards settled, ${figures.heapAfter ?? '?'} after removing them (each after a full GC); ` +
        `status-list cache ${statusCache?.size} (peak ${peak.status}, limit ${statusCache?.maxEntries}); ` +
        (documentCache ? `document cache ${documentCache.size} (peak ${peak.documents}, limit ${documentCache.maxEntries}; peak ${peak.documentBytes} bytes of ${documentCache.maxBytes}); ` : 'no document cache in the core; ') +
        `states: ${figures.states ?? '?'}; requests: ${figures.requests ?? '?'}; cards collected after removal: ${figures.collected ?? '?'}`,
    );
  });

  it('every card settles to the state its badge calls for', () => {
    const states = Array.from(container!.querySelectorAll('vb-badge-card')).map((c) => c.getAttribute('state'));
    expect(states).to.have.length(CARDS);
    const wrong = states.map((s, i) => [i, s, expected[i]] as const).filter(([, s, e]) => s !== e);
    expect(wrong, `cards in the wrong state: ${wrong.slice(0, 5).map(([i, s, e]) => `#${i} ${s} (expected ${e})`).join(', ')}`).to.deep.equal([]);
    const revoked = expected.filter((s) => s === 'failed').length;
    expect(revoked).to.be.greaterThan(0);
    expect(revoked).to.be.lessThan(CARDS);
    figures.states = `${CARDS - revoked} verified, ${revoked} revoked`;
  });

  it('one request per status list', () => {
    const counts = new Map<string, number>();
    for (const url of requests) counts.set(url, (counts.get(url) ?? 0) + 1);
    figures.requests = `${requests.length} in all (${[...counts].map(([u, c]) => `${new URL(u).host}${new URL(u).pathname} ×${c}`).join(', ')})`;
    const lists = issuers.flatMap((i) => i.lists);
    for (const list of lists) expect(counts.get(list), list).to.equal(1);
  });

  it('one request per DID document (the core\'s document cache)', function () {
    if (!documentCache) this.skip();
    const counts = new Map<string, number>();
    for (const url of requests) counts.set(url, (counts.get(url) ?? 0) + 1);
    for (const issuer of issuers) expect(counts.get(issuer.docUrl), issuer.docUrl).to.equal(1);
    expect(requests).to.have.length(issuers.length + issuers.flatMap((i) => i.lists).length);
  });

  it('the caches hold one entry per list and document, within their limits', () => {
    expect(statusCache.size).to.equal(6);
    expect(peak.status).to.be.at.most(statusCache.maxEntries);
    if (documentCache) {
      expect(documentCache.size).to.equal(3);
      expect(peak.documents).to.be.at.most(documentCache.maxEntries);
      if (documentCache.maxBytes !== undefined) expect(peak.documentBytes).to.be.at.most(documentCache.maxBytes);
    }
  });

  it('removing every card leaves none of them referenced', async () => {
    const root = container!;
    refs = Array.from(root.querySelectorAll('vb-badge-card')).map((c) => new WeakRef(c));
    root.remove();
    root.replaceChildren();
    container = undefined;
    // WeakRef targets stay alive until the current job ends, and disconnected cards settle their runs in a microtask.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await heap();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = await heap();
    figures.heapAfter = mb(after.usedSize);
    const alive = refs.filter((r) => r.deref() !== undefined).length;
    figures.collected = `${refs.length - alive} of ${refs.length}`;
    expect(alive, 'cards still reachable after removal and a full GC').to.equal(0);
    refs = [];
    // The heap gives back what the cards took (at least half of it; the caches keep their lists and documents).
    expect(heapWithCards).to.be.greaterThan(heapBefore);
    expect(after.usedSize, `heap ${mb(after.usedSize)} after removal; ${mb(heapBefore)} before, ${mb(heapWithCards)} with the cards`).to.be.lessThan(
      heapBefore + (heapWithCards - heapBefore) / 2,
    );
  });
});

describe('caches under more lists and documents than their limits', function () {
  this.timeout(300_000);

  it('never hold more than their limits, whatever the page verifies', async () => {
    const made = await makeIssuers(6, 3, 120);
    const requests: string[] = [];
    const statusCache = new StatusListCache({ maxEntries: 5 });
    const documentCache = DocumentCacheClass ? new DocumentCacheClass({ maxEntries: 2 }) : undefined;
    configure({ fetch: fakeFetch(made.documents, requests), now: NOW, statusCache, ...(documentCache ? { documentCache } : {}) } as VerifierConfig);
    const root = document.createElement('div');
    document.body.append(root);
    let peakStatus = 0;
    let peakDocuments = 0;
    root.addEventListener('vb-verify-end', () => {
      peakStatus = Math.max(peakStatus, statusCache.size);
      peakDocuments = Math.max(peakDocuments, documentCache?.size ?? 0);
    });
    // 6 issuers × 3 lists = 18 lists and 6 documents, 4 cards each list.
    const expected: string[] = [];
    for (let i = 0; i < 72; i++) {
      const { credential, revoked } = await jwtCredential(i, made.issuers);
      const el = document.createElement('vb-badge-card');
      el.compact = true;
      el.credential = credential;
      root.append(el);
      expected.push(revoked ? 'failed' : 'verified');
    }
    const cards = Array.from(root.querySelectorAll('vb-badge-card'));
    await until(() => cards.every((c) => SETTLED.includes(c.getAttribute('state') ?? '')), 'the cards to settle', 240_000);
    expect(cards.map((c) => c.getAttribute('state'))).to.deep.equal(expected);
    expect(peakStatus).to.be.at.most(5);
    expect(statusCache.size).to.be.at.most(5);
    if (documentCache) {
      expect(peakDocuments).to.be.at.most(2);
      expect(documentCache.size).to.be.at.most(2);
    }
    console.log(
      `bounded caches: 18 lists and 6 DID documents through a status-list cache of 5 (peak ${peakStatus}) and ` +
        `${documentCache ? `a document cache of 2 (peak ${peakDocuments})` : 'no document cache'}; ${requests.length} requests`,
    );
    root.remove();
    configure();
  });
});
