/**
 * The document cache: DID documents, controller documents and key sets fetched once per page (one in-flight
 * request for concurrent verifications), kept for a while, failures remembered only briefly, cancelled requests
 * never handed to another verification, and the cache bounded (LRU) by entries and bytes. Node and Chromium.
 */
import { expect } from 'chai';
import { DocumentCache, StatusListCache, verifyCredential } from '../../src/core/index.js';
import type { VerificationResult } from '../../src/core/result.js';
import { NOW, badge, controllerDocument, fakeFetch, makeKey, signDataIntegrity, statusEntry, statusListCredential, type TestKey } from '../support/issuer.js';

const T0 = Date.parse(NOW);
const at = (ms: number) => new Date(T0 + ms);
const sig = (r: VerificationResult) => {
  const c = r.checks.find((x) => x.id === 'signature')!;
  return `${c.outcome}:${c.code}`;
};
const count = (log: string[], url: string) => log.filter((u) => u === url).length;

describe('document cache', function () {
  this.timeout(120_000);
  const DID = 'did:web:cache.example.edu';
  const DID_URL = 'https://cache.example.edu/.well-known/did.json';
  const LIST_URL = 'https://cache.example.edu/status/1';
  let key: TestKey;
  let doc: object;

  before(async () => {
    key = await makeKey(51, DID, 'key-1');
    doc = controllerDocument(DID, [key]);
  });

  it('100 badges of one did:web issuer cost one DID-document request (and one status-list request)', async () => {
    const list = await statusListCredential(key, LIST_URL, { set: [99] });
    const badges = await Promise.all(
      Array.from({ length: 100 }, (_, i) => signDataIntegrity(badge(DID, { id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, credentialStatus: statusEntry(LIST_URL, i) }), key)),
    );
    const log: string[] = [];
    const options = { now: NOW, fetch: fakeFetch({ [DID_URL]: doc, [LIST_URL]: list }, log), documentCache: new DocumentCache(), statusCache: new StatusListCache() };
    // Half at once (one request in flight, shared), half one after another (answered from the cache).
    const results = await Promise.all(badges.slice(0, 50).map((b) => verifyCredential(b, options)));
    for (const b of badges.slice(50)) results.push(await verifyCredential(b, options));
    const verdicts = results.map((r) => r.verdict);
    expect(verdicts.filter((v) => v === 'verified').length).to.equal(99);
    expect(verdicts[99]).to.equal('failed'); // entry 99 is revoked: the cache did not hide the status of any badge
    expect(count(log, DID_URL)).to.equal(1);
    expect(count(log, LIST_URL)).to.equal(1);
    expect(log.length).to.equal(2);
    expect(options.documentCache.size).to.equal(1);
  });

  it('is shared by default between verifications that use the same fetch, and not across fetch functions', async () => {
    // An issuer no other test uses, since the default cache is page-wide.
    const did = `did:web:shared-${Math.random().toString(36).slice(2)}.example`;
    const url = `https://${did.slice('did:web:'.length)}/.well-known/did.json`;
    const sharedKey = await makeKey(52, did, 'key-1');
    const vc = await signDataIntegrity(badge(did), sharedKey);
    const log: string[] = [];
    const fetch = fakeFetch({ [url]: controllerDocument(did, [sharedKey]) }, log);
    expect((await verifyCredential(vc, { now: NOW, fetch })).verdict).to.equal('verified');
    expect((await verifyCredential(vc, { now: NOW, fetch })).verdict).to.equal('verified');
    expect(count(log, url)).to.equal(1);
    // Another fetch (another network, as far as the core knows) gets its own answer.
    const otherLog: string[] = [];
    const result = await verifyCredential(vc, { now: NOW, fetch: fakeFetch({}, otherLog) });
    expect([result.verdict, sig(result)]).to.deep.equal(['indeterminate', 'indeterminate:key-unreachable']);
    expect(otherLog).to.deep.equal([url]);
  });

  it('keeps a document for its time to live, then asks again', async () => {
    const vc = await signDataIntegrity(badge(DID), key);
    const documents: Record<string, unknown> = { [DID_URL]: doc };
    const log: string[] = [];
    const options = { fetch: fakeFetch(documents, log), documentCache: new DocumentCache({ ttlMs: 5 * 60_000 }) };
    expect((await verifyCredential(vc, { ...options, now: at(0) })).verdict).to.equal('verified');
    delete documents[DID_URL];
    expect((await verifyCredential(vc, { ...options, now: at(4 * 60_000) })).verdict).to.equal('verified');
    expect(count(log, DID_URL)).to.equal(1);
    const later = await verifyCredential(vc, { ...options, now: at(5 * 60_000 + 1) });
    expect(sig(later)).to.equal('indeterminate:key-unreachable');
    expect(count(log, DID_URL)).to.equal(2);
  });

  it('remembers a failure only briefly', async () => {
    const vc = await signDataIntegrity(badge(DID), key);
    const documents: Record<string, unknown> = {};
    const log: string[] = [];
    const timeoutMs = 1_000;
    const options = { fetch: fakeFetch(documents, log), timeoutMs, documentCache: new DocumentCache({ failureTtlMs: 10_000 }) };
    expect(sig(await verifyCredential(vc, { ...options, now: at(0) }))).to.equal('indeterminate:key-unreachable');
    // The issuer fixes its site; for a few seconds the failure stands (a dead host costs one request per window) ...
    documents[DID_URL] = doc;
    expect(sig(await verifyCredential(vc, { ...options, now: at(5_000) }))).to.equal('indeterminate:key-unreachable');
    expect(count(log, DID_URL)).to.equal(1);
    // ... and once the window (failureTtlMs after the request ended, at most failureTtlMs + timeoutMs) is over, it is asked again.
    expect((await verifyCredential(vc, { ...options, now: at(10_000 + timeoutMs + 1) })).verdict).to.equal('verified');
    expect(count(log, DID_URL)).to.equal(2);

    // failureTtlMs: 0 remembers no failure at all.
    const noMemory = { fetch: fakeFetch({}, log), documentCache: new DocumentCache({ failureTtlMs: 0 }) };
    log.length = 0;
    await verifyCredential(vc, { ...noMemory, now: at(0) });
    await verifyCredential(vc, { ...noMemory, now: at(1) });
    expect(count(log, DID_URL)).to.equal(2);
    expect(noMemory.documentCache.size).to.equal(0);
  });

  it('never hands a request cancelled by one verification to another', async () => {
    const vc = await signDataIntegrity(badge(DID), key);
    const cancel = new AbortController();
    let calls = 0;
    const fetch = ((input: string, init?: RequestInit) => {
      calls++;
      // The first request is the cancelled verification's: it is cancelled while in flight.
      if (calls === 1) setTimeout(() => cancel.abort(), 0);
      return new Promise<Response>((resolve, reject) => {
        const timer = setTimeout(() => resolve(new Response(JSON.stringify(doc), { status: 200, headers: { 'content-type': 'application/json' } })), 30);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('The operation was aborted.', 'AbortError'));
        });
      });
    }) as typeof globalThis.fetch;
    const documentCache = new DocumentCache();
    const [cancelled, other] = await Promise.all([
      verifyCredential(vc, { now: NOW, fetch, documentCache, signal: cancel.signal }),
      verifyCredential(vc, { now: NOW, fetch, documentCache }),
    ]);
    expect(cancelled.verdict).to.equal('indeterminate');
    expect(cancelled.checks.find((c) => c.id === 'signature')!.code).to.equal('aborted');
    expect(other.verdict).to.equal('verified');
    expect(calls).to.equal(2);
    // What is kept is the document, not the cancellation.
    expect((await verifyCredential(vc, { now: NOW, fetch, documentCache })).verdict).to.equal('verified');
    expect(calls).to.equal(2);
  });

  it('nor does the status-list cache hand a cancelled request to another verification', async () => {
    const listKey = await makeKey(53);
    const url = 'https://cache.example.edu/status/cancel';
    const list = await statusListCredential(listKey, url);
    const vc = await signDataIntegrity(badge(listKey.controller, { credentialStatus: statusEntry(url, 1) }), listKey);
    const cancel = new AbortController();
    let calls = 0;
    let firstRequest!: () => void;
    const requested = new Promise<void>((resolve) => (firstRequest = resolve));
    const fetch = ((_input: string, init?: RequestInit) => {
      if (++calls === 1) firstRequest();
      return new Promise<Response>((resolve, reject) => {
        const timer = setTimeout(() => resolve(new Response(JSON.stringify(list), { status: 200, headers: { 'content-type': 'application/json' } })), 30);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('The operation was aborted.', 'AbortError'));
        });
      });
    }) as typeof globalThis.fetch;
    // The order is made explicit: the verification to be cancelled asks for the list first; the other one joins that
    // request in flight (its cache lookup), and only then is the first one cancelled.
    class JoinedCache extends StatusListCache {
      lookups = 0;
      override get(...args: Parameters<StatusListCache['get']>) {
        const value = super.get(...args);
        if (++this.lookups === 2) queueMicrotask(() => cancel.abort());
        return value;
      }
    }
    const statusCache = new JoinedCache();
    const cancelled = verifyCredential(vc, { now: NOW, fetch, statusCache, signal: cancel.signal });
    await requested;
    const other = verifyCredential(vc, { now: NOW, fetch, statusCache });
    const [a, b] = await Promise.all([cancelled, other]);
    expect(statusCache.lookups).to.be.at.least(2);
    expect(a.verdict).to.equal('indeterminate');
    expect([b.verdict, b.checks.find((c) => c.id === 'status')!.code]).to.deep.equal(['verified', 'ok']);
    expect(calls).to.equal(2);
  });

  it('never exceeds its limits, and drops the least recently used first', async () => {
    const cache = new DocumentCache<string>({ maxEntries: 5, maxBytes: 1_000 });
    const partition = {};
    const loads: string[] = [];
    const get = (k: string, bytes = 100) =>
      cache.get(partition, k, T0, async () => {
        loads.push(k);
        return { value: k, keepMs: 60_000, bytes };
      });
    for (let i = 0; i < 200; i++) {
      expect(await get(`doc-${i}`, 100 + (i % 7) * 50)).to.equal(`doc-${i}`);
      expect(cache.size).to.be.at.most(5);
      expect(cache.bytes).to.be.at.most(1_000);
      // Keep doc-0 in use: it is never the least recently used, so it stays.
      await get('doc-0');
    }
    expect(count(loads, 'doc-0')).to.equal(1);
    expect(count(loads, 'doc-1')).to.equal(1);
    await get('doc-1');
    expect(count(loads, 'doc-1')).to.equal(2); // evicted long ago, so loaded again
    // A document larger than the whole budget is used, not kept.
    expect(await get('huge', 5_000)).to.equal('huge');
    await get('huge', 5_000);
    expect(count(loads, 'huge')).to.equal(2);
    expect(cache.bytes).to.be.at.most(1_000);
    cache.clear();
    expect([cache.size, cache.bytes]).to.deep.equal([0, 0]);
  });

  it('stays within its entry limit across many issuers', async () => {
    const documents: Record<string, unknown> = {};
    const credentials: Record<string, unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      const did = `did:web:issuer-${i}.cache.example`;
      const k = await makeKey(60 + i, did, 'key-1');
      documents[`https://issuer-${i}.cache.example/.well-known/did.json`] = controllerDocument(did, [k]);
      credentials.push(await signDataIntegrity(badge(did), k));
    }
    const log: string[] = [];
    const fetch = fakeFetch(documents, log);
    const documentCache = new DocumentCache({ maxEntries: 5 });
    for (const vc of credentials) {
      expect((await verifyCredential(vc, { now: NOW, fetch, documentCache })).verdict).to.equal('verified');
      expect(documentCache.size).to.be.at.most(5);
    }
    expect(log.length).to.equal(12);
    // The five most recent issuers are still kept; the first is not.
    for (const vc of credentials.slice(-5)) await verifyCredential(vc, { now: NOW, fetch, documentCache });
    expect(log.length).to.equal(12);
    await verifyCredential(credentials[0]!, { now: NOW, fetch, documentCache });
    expect(log.length).to.equal(13);
  });
});
