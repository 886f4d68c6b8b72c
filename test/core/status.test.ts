/** The status check: revocation and suspension through status lists, the shared cache, and every fault. */
import { expect } from 'chai';
import { StatusListCache, verifyCredential } from '../../src/core/index.js';
import type { VerificationResult } from '../../src/core/result.js';
import { decodeEncodedList, readStatus } from '../../src/core/status/bitstring.js';
import { NOW, badge, base64url, encodedList, fakeFetch, gzip, makeKey, signDataIntegrity, statusEntry, statusListCredential, type TestKey } from '../support/issuer.js';

const status = (r: VerificationResult) => {
  const c = r.checks.find((x) => x.id === 'status')!;
  return `${c.outcome}:${c.code}`;
};

describe('status check', function () {
  this.timeout(60_000);
  const LIST = 'https://status.example.edu/lists/1';
  const SUSPENSIONS = 'https://status.example.edu/lists/suspensions';
  let key: TestKey;
  let list: Record<string, unknown>;
  let suspensions: Record<string, unknown>;
  const verify = (vc: unknown, documents: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    verifyCredential(vc, { now: NOW, fetch: fakeFetch(documents), statusCache: new StatusListCache(), ...extra });
  const issue = (entries: unknown, overrides: Record<string, unknown> = {}) => signDataIntegrity(badge(key.controller, { credentialStatus: entries, ...overrides }), key);

  before(async () => {
    key = await makeKey(31);
    list = await statusListCredential(key, LIST, { set: [3, 131_071] });
    suspensions = await statusListCredential(key, SUSPENSIONS, { purpose: 'suspension', set: [9] });
  });

  it('passes a credential whose entry is not set', async () => {
    const result = await verify(await issue(statusEntry(LIST, 4)), { [LIST]: list });
    expect([result.verdict, status(result)]).to.deep.equal(['verified', 'passed:ok']);
  });

  it('fails a revoked credential and names the entry', async () => {
    const result = await verify(await issue(statusEntry(LIST, 3)), { [LIST]: list });
    expect([result.verdict, status(result)]).to.deep.equal(['failed', 'failed:revoked']);
    const check = result.checks.find((c) => c.id === 'status')!;
    expect(check.message).to.contain(`entry 3 of ${LIST}`);
    expect((check.details?.entries as { index: number; purpose: string; state: string }[])[0]).to.include({ index: 3, purpose: 'revocation', state: 'revoked' });
  });

  it('reads the last entry of the list (bit order: most significant bit first)', async () => {
    expect(status(await verify(await issue(statusEntry(LIST, 131_071)), { [LIST]: list }))).to.equal('failed:revoked');
  });

  it('reports suspension apart from revocation', async () => {
    const result = await verify(await issue(statusEntry(SUSPENSIONS, 9, 'suspension')), { [SUSPENSIONS]: suspensions });
    expect(status(result)).to.equal('failed:suspended');
  });

  it('checks every entry, not just the first', async () => {
    const entries = [statusEntry(LIST, 4), statusEntry(SUSPENSIONS, 9, 'suspension')];
    const result = await verify(await issue(entries), { [LIST]: list, [SUSPENSIONS]: suspensions });
    expect(status(result)).to.equal('failed:suspended');
    expect((result.checks[3]!.details?.entries as unknown[]).length).to.equal(2);
  });

  it('reports both an expired and a revoked credential', async () => {
    const result = await verify(await issue(statusEntry(LIST, 3), { validUntil: '2026-02-01T00:00:00Z' }), { [LIST]: list });
    expect(result.checks[2]).to.include({ outcome: 'failed', code: 'expired' });
    expect(status(result)).to.equal('failed:revoked');
  });

  it('accepts a StatusList2021Entry', async () => {
    const url = 'https://status.example.edu/2021';
    const sl2021 = await signDataIntegrity(
      {
        '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/vc/status-list/2021/v1'],
        id: url,
        type: ['VerifiableCredential', 'StatusList2021Credential'],
        issuer: key.controller,
        issuanceDate: '2026-01-01T00:00:00Z',
        credentialSubject: { id: `${url}#list`, type: 'StatusList2021', statusPurpose: 'revocation', encodedList: (await encodedList([5])).slice(1) },
      },
      key,
    );
    const entry = { id: `${url}#5`, type: 'StatusList2021Entry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: url };
    const v1 = badge(key.controller, {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://w3id.org/vc/status-list/2021/v1'],
      issuanceDate: '2026-01-15T09:00:00Z',
      credentialStatus: entry,
    });
    delete v1.validFrom;
    const vc = await signDataIntegrity(v1, key);
    expect(status(await verify(vc, { [url]: sl2021 }))).to.equal('failed:revoked');
  });

  describe('faults: never revoked, never verified', () => {
    const cases: [string, () => Promise<Record<string, unknown>>, string][] = [
      ['a 404', async () => ({}), 'indeterminate:status-list-unreachable'],
      ['a list whose proof was edited', async () => ({ [LIST]: { ...list, credentialSubject: { ...(list.credentialSubject as object), encodedList: await encodedList([]) } } }), 'indeterminate:status-list-invalid'],
      ['a list signed by a key of someone else', async () => ({ [LIST]: await statusListCredential(await makeKey(32), LIST, { overrides: { issuer: key.controller } }) }), 'indeterminate:status-list-invalid'],
      ['a list of the wrong purpose', async () => ({ [LIST]: suspensions }), 'indeterminate:status-list-invalid'],
      ['a list that is not a status list', async () => ({ [LIST]: await signDataIntegrity(badge(key.controller), key) }), 'indeterminate:status-list-invalid'],
      ['an expired list', async () => ({ [LIST]: await statusListCredential(key, LIST, { overrides: { validUntil: '2026-02-01T00:00:00Z' } }) }), 'indeterminate:status-list-invalid'],
      ['a list that is too short for the index', async () => ({ [LIST]: await statusListCredential(key, LIST, { encoded: await encodedList([], 0) }) }), 'indeterminate:status-entry-invalid'],
      ['an encodedList that is not gzip', async () => ({ [LIST]: await statusListCredential(key, LIST, { encoded: `u${base64url('not gzip at all, not at all')}` }) }), 'indeterminate:status-list-invalid'],
      ['a gzip bomb', async () => ({ [LIST]: await statusListCredential(key, LIST, { encoded: `u${base64url(await gzip(new Uint8Array(40 * 1024 * 1024)))}` }) }), 'indeterminate:status-list-invalid'],
    ];
    for (const [name, documents, expected] of cases) {
      it(`${name}: ${expected}`, async () => {
        const result = await verify(await issue(statusEntry(LIST, 4)), await documents());
        expect(status(result)).to.equal(expected);
        expect(result.verdict).to.equal('indeterminate');
      });
    }

    it('a 500, a timeout and a body that is not JSON: indeterminate', async () => {
      const vc = await issue(statusEntry(LIST, 4));
      const fetches: typeof fetch[] = [
        (async () => new Response('oops', { status: 500 })) as typeof fetch,
        ((_u: string, init?: RequestInit) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as typeof fetch,
        (async () => new Response('<html></html>', { status: 200 })) as typeof fetch,
      ];
      for (const fetch of fetches) {
        const result = await verifyCredential(vc, { now: NOW, fetch, timeoutMs: 100, statusCache: new StatusListCache() });
        expect(result.checks[3]!.outcome).to.equal('indeterminate');
        expect(result.verdict).to.equal('indeterminate');
      }
    });

    it('an entry with an index that is not a number, or no list URL: indeterminate', async () => {
      const bad = [{ ...statusEntry(LIST, 4), statusListIndex: 'x' }, { ...statusEntry(LIST, 4), statusListCredential: undefined }];
      for (const entry of bad) expect(status(await verify(await issue(entry), { [LIST]: list }))).to.equal('indeterminate:status-entry-invalid');
    });

    it('an unknown status type: indeterminate', async () => {
      const result = await verify(await issue({ id: 'https://x.example/s', type: 'https://vocab.example/FutureStatus' }), {});
      expect(status(result)).to.equal('indeterminate:status-unsupported');
    });
  });

  it('does not look up the status of a credential whose signature failed', async () => {
    const log: string[] = [];
    const vc = await issue(statusEntry(LIST, 3));
    vc.name = 'Edited';
    const result = await verifyCredential(vc, { now: NOW, fetch: fakeFetch({ [LIST]: list }, log), statusCache: new StatusListCache() });
    expect(status(result)).to.equal('skipped:not-run');
    expect(log).to.deep.equal([]);
  });

  it('fetches and verifies one list once for 100 credentials verified at the same time', async () => {
    const log: string[] = [];
    const cache = new StatusListCache();
    const credentials = await Promise.all(Array.from({ length: 100 }, (_, i) => issue(statusEntry(LIST, 100 + i), { id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` })));
    const fetch = fakeFetch({ [LIST]: list }, log);
    const results = await Promise.all(credentials.map((vc) => verifyCredential(vc, { now: NOW, fetch, statusCache: cache })));
    expect(results.every((r) => r.verdict === 'verified')).to.equal(true);
    expect(log).to.deep.equal([LIST]);
  });

  it('fetches again once the cached list has expired, and after a failure', async () => {
    const log: string[] = [];
    const cache = new StatusListCache({ ttlMs: 60_000 });
    const vc = await issue(statusEntry(LIST, 4));
    let now = Date.parse(NOW);
    const options = { now: () => new Date(now), statusCache: cache };
    await verifyCredential(vc, { ...options, fetch: fakeFetch({}, log) });
    await verifyCredential(vc, { ...options, fetch: fakeFetch({ [LIST]: list }, log) });
    await verifyCredential(vc, { ...options, fetch: fakeFetch({ [LIST]: list }, log) });
    expect(log).to.deep.equal([LIST, LIST]);
    now += 61_000;
    await verifyCredential(vc, { ...options, fetch: fakeFetch({ [LIST]: list }, log) });
    expect(log).to.deep.equal([LIST, LIST, LIST]);
    cache.clear();
    expect(cache.size).to.equal(0);
  });
});

describe('bitstring decoding', () => {
  it('reads bits most significant first, and multi-bit entries', () => {
    const bytes = Uint8Array.from([0b1000_0000, 0b0000_0001, 0b1100_0000]);
    expect([0, 1, 15, 16, 17].map((i) => readStatus(bytes, i, 1))).to.deep.equal([1, 0, 1, 1, 1]);
    expect(readStatus(bytes, 8, 2)).to.equal(3);
    expect(readStatus(bytes, 24, 1)).to.equal(undefined);
  });

  it('caps decompression (a gzip bomb costs at most the cap)', async () => {
    const bomb = `u${base64url(await gzip(new Uint8Array(4 * 1024 * 1024)))}`;
    const decoded = await decodeEncodedList(bomb, 1024 * 1024);
    expect(decoded).to.include({ ok: false, reason: 'too-large' });
  });
});
