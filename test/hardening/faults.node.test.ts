/**
 * Network fault matrix: every request the core makes, under every fault a network can throw at it, through a real
 * HTTP server (test/support/faulty-fetch.ts). The rule it holds the core to:
 *
 * - a credential that cannot be loaded fails, with a code that says why (http-error, fetch-failed, timeout,
 *   too-large, unrecognised-input, insecure-url);
 * - a DID document, controller document, issuer profile, JWK set or status list that cannot be had leaves the
 *   credential `indeterminate` ("could not check"): never verified, and no check failed (not forged, not revoked).
 *
 * Content types: a credential and a status list prove themselves by their own proofs, so they are recognised by
 * their content whatever they are served as (a JSON credential served as text/html, or without a content type,
 * still verifies). A key document (DID document, controller document, issuer profile, JWK set) is trusted because
 * of where it is served, so it must be served as JSON (application/json or application/*+json); any other type,
 * or none, leaves the credential indeterminate. See isJsonMediaType in src/core/resolve/keys.ts.
 *
 * The whole matrix is printed as one table; the test fails on any wrong cell.
 */
import { expect } from 'chai';
import { DocumentCache, StatusListCache, verifyCredential } from '../../src/core/index.js';
import type { CheckId, VerificationResult } from '../../src/core/result.js';
import { FAULTS, FaultyNetwork, type Fault } from '../support/faulty-fetch.js';
import { NOW, badge, controllerDocument, makeJoseKey, makeKey, signDataIntegrity, signJwt, statusEntry, statusListCredential } from '../support/issuer.js';

/**
 * The timeout for the cells whose fault is silence or a dripping body (they wait it out, so it is short); every
 * other cell gets a generous one, so that on a busy machine a healthy request, or reading 5 MB before the cap cuts
 * a 50 MB body off, never turns into a timeout.
 */
const TIMEOUT_MS = 400;
const GENEROUS_MS = 10_000;
const SLOW: readonly Fault[] = ['no answer', 'slow drip'];

const DID = 'did:web:badges.example.edu';
const DID_URL = 'https://badges.example.edu/.well-known/did.json';
const CREDENTIAL_URL = 'https://badges.example.edu/credentials/data-viz';
const LIST_URL = 'https://status.example.edu/lists/1';
const CONTROLLER = 'https://example.edu/issuers/7';
const PROFILE = 'https://school.example/issuers/1';
const JWKS_ISSUER = 'https://jwt.example.org/issuer';
const JWKS_URL = 'https://jwt.example.org/keys.json';

type Row = 'credential' | 'DID document' | 'status list' | 'controller document' | 'issuer profile' | 'JWK set';

interface RowSpec {
  row: Row;
  /** What verifyCredential is given. */
  input: () => unknown;
  /** The URL that misbehaves. */
  url: string;
  /** The check that reports this request. */
  check: CheckId;
}

interface Expected {
  verdict: VerificationResult['verdict'];
  code: string;
  /** What the check's message must say. */
  message?: RegExp;
}

/** What each fault must produce for each request. */
function expected(row: Row, fault: Fault): Expected {
  const message: Partial<Record<Fault, RegExp>> = {
    '404': /HTTP 404/,
    '500': /HTTP 500/,
    'connection error': /Could not fetch .*fetch failed \(.+\)/,
    'no answer': new RegExp(`within ${TIMEOUT_MS} ms`),
    'slow drip': new RegExp(`within ${TIMEOUT_MS} ms`),
    '50 MB, declared': /larger than the 5 MB cap/,
    '50 MB, chunked': /larger than the 5 MB cap/,
    'wrong type': /served as text\/html, not as JSON/,
    'no type': /served without a content type, not as JSON/,
    'not JSON': row === 'credential' ? /markup, but not an SVG badge/ : row === 'status list' ? /status list .* did not verify/ : /did not answer with a JSON document/,
    'redirect to http': /redirected to http:\/\/.*which is not https/,
    'redirect loop': /redirect count exceeded/,
  };
  const verified: Expected = { verdict: 'verified', code: 'ok' };
  if (fault === 'none') return verified;
  const self = (f: Fault) => f === 'wrong type' || f === 'no type';
  if (row === 'credential') {
    if (self(fault)) return verified;
    const code: Record<string, string> = {
      '404': 'http-error',
      '500': 'http-error',
      'connection error': 'fetch-failed',
      'no answer': 'timeout',
      'slow drip': 'timeout',
      '50 MB, declared': 'too-large',
      '50 MB, chunked': 'too-large',
      'not JSON': 'unrecognised-input',
      'redirect to http': 'insecure-url',
      'redirect loop': 'fetch-failed',
    };
    return { verdict: 'failed', code: code[fault]!, message: message[fault] };
  }
  if (row === 'status list') {
    if (self(fault)) return verified;
    return { verdict: 'indeterminate', code: fault === 'not JSON' ? 'status-list-invalid' : 'status-list-unreachable', message: message[fault] };
  }
  return { verdict: 'indeterminate', code: 'key-unreachable', message: message[fault] };
}

const SHORT: Record<VerificationResult['verdict'], string> = { verified: 'V', failed: 'F', indeterminate: 'I' };

describe('network fault matrix', function () {
  this.timeout(180_000);
  let network: FaultyNetwork;
  let rows: RowSpec[];

  before(async () => {
    network = await FaultyNetwork.start();

    // A did:web issuer: its DID document, a status list it signs, and a credential it signs, also served by URL.
    const webKey = await makeKey(41, DID, 'key-1');
    network.serve(DID_URL, controllerDocument(DID, [webKey]), 'application/did+json');
    network.serve(LIST_URL, await statusListCredential(webKey, LIST_URL, { set: [7] }), 'application/vc+ld+json');
    const credential = await signDataIntegrity(badge(DID, { credentialStatus: statusEntry(LIST_URL, 4) }), webKey);
    network.serve(CREDENTIAL_URL, credential, 'application/vc+ld+json');

    // An https issuer whose key is in its controller document.
    const controllerKey = await makeKey(42, CONTROLLER, 'key-1');
    network.serve(CONTROLLER, controllerDocument(CONTROLLER, [controllerKey]), 'application/ld+json');
    const byController = await signDataIntegrity(badge(CONTROLLER), controllerKey);

    // A VC-JWT whose plain kid names a key in the issuer's Open Badges profile.
    const profileKey = await makeJoseKey('ES256');
    network.serve(PROFILE, {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: PROFILE,
      type: ['Profile'],
      name: 'Example School',
      verificationMethod: [{ id: `${PROFILE}#key-1`, type: 'JsonWebKey', controller: PROFILE, publicKeyJwk: profileKey.publicJwk }],
      assertionMethod: [`${PROFILE}#key-1`],
    });
    const byProfile = await signJwt(badge(PROFILE), profileKey, { kid: 'key-1' });

    // A VC-JWT whose kid is an https JWK set on the issuer's origin.
    const jwksKey = await makeJoseKey('EdDSA');
    network.serve(JWKS_URL, { keys: [{ ...jwksKey.publicJwk, kid: 'k1' }] }, 'application/jwk-set+json');
    const byJwks = await signJwt(badge(JWKS_ISSUER), jwksKey, { kid: `${JWKS_URL}#k1` });

    rows = [
      { row: 'credential', input: () => CREDENTIAL_URL, url: CREDENTIAL_URL, check: 'format' },
      { row: 'DID document', input: () => credential, url: DID_URL, check: 'signature' },
      { row: 'status list', input: () => credential, url: LIST_URL, check: 'status' },
      { row: 'controller document', input: () => byController, url: CONTROLLER, check: 'signature' },
      { row: 'issuer profile', input: () => byProfile, url: PROFILE, check: 'signature' },
      { row: 'JWK set', input: () => byJwks, url: JWKS_URL, check: 'signature' },
    ];
  });

  after(async () => {
    await network?.close();
  });

  it('gives every request under every fault the right verdict (table printed)', async () => {
    const cells = new Map<string, string>();
    const wrong: string[] = [];
    for (const spec of rows) {
      for (const fault of FAULTS) {
        network.clearFaults();
        network.fault(spec.url, fault);
        const before = network.requests.length;
        const result = await verifyCredential(spec.input(), {
          now: NOW,
          fetch: network.fetch,
          timeoutMs: SLOW.includes(fault) ? TIMEOUT_MS : GENEROUS_MS,
          statusCache: new StatusListCache(),
          documentCache: new DocumentCache(),
        });
        const check = result.checks.find((c) => c.id === spec.check)!;
        const want = expected(spec.row, fault);
        const problems: string[] = [];
        if (result.verdict !== want.verdict) problems.push(`verdict ${result.verdict}, expected ${want.verdict}`);
        if (check.code !== want.code) problems.push(`${spec.check} code ${check.code}, expected ${want.code}`);
        if (want.message && !want.message.test(check.message)) problems.push(`message "${check.message}" does not match ${want.message}`);
        // A fault on a key, list or profile is never a reason to call the credential forged or revoked.
        if (spec.row !== 'credential' && fault !== 'none') {
          const failed = result.checks.filter((c) => c.outcome === 'failed');
          if (failed.length) problems.push(`checks failed: ${failed.map((c) => `${c.id}:${c.code}`).join(', ')}`);
        }
        if (!network.requests.slice(before).includes(spec.url)) problems.push(`${spec.url} was never requested`);
        const cell = `${SHORT[result.verdict]} ${check.code}`;
        cells.set(`${spec.row}|${fault}`, problems.length ? `${cell} !!` : cell);
        if (problems.length) wrong.push(`${spec.row} × ${fault}: ${problems.join('; ')}`);
      }
    }
    network.clearFaults();
    console.log(table(rows.map((r) => r.row), cells));
    expect(wrong, wrong.join('\n')).to.deep.equal([]);
  });

  it('follows a redirect that stays on https', async () => {
    const moved = 'https://cdn.example.edu/credentials/data-viz';
    network.clearFaults();
    network.serve(moved, await (await verifyCredential(CREDENTIAL_URL, { now: NOW, fetch: network.fetch, documentCache: new DocumentCache(), statusCache: new StatusListCache() })).credential);
    const old = 'https://badges.example.edu/credentials/old-address';
    network.redirect(old, moved);
    const before = network.requests.length;
    const result = await verifyCredential(old, { now: NOW, fetch: network.fetch, timeoutMs: GENEROUS_MS, documentCache: new DocumentCache(), statusCache: new StatusListCache() });
    expect(result.verdict).to.equal('verified');
    expect(network.requests.slice(before)).to.include.members([old, moved]);
  });

  it('ends at the timeout even when the fetch ignores the abort signal', async () => {
    const webKey = await makeKey(41, DID, 'key-1');
    const credential = await signDataIntegrity(badge(DID), webKey);
    // No answer at all, whatever the signal says.
    const silent = (() => new Promise<Response>(() => undefined)) as typeof fetch;
    // Headers at once, then a body that drips a byte every 20 ms and ignores cancellation.
    const dripping = (async () => {
      const body = new TextEncoder().encode(JSON.stringify(controllerDocument(DID, [webKey])));
      let at = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull: (controller) =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              try {
                if (at < body.length) controller.enqueue(body.subarray(at, ++at));
                else controller.close();
              } catch {
                // Cancelled by the reader meanwhile.
              }
              resolve();
            }, 20),
          ),
      });
      return new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    for (const [name, fetch] of [['silent', silent], ['dripping', dripping]] as const) {
      const byUrl = await verifyCredential(CREDENTIAL_URL, { now: NOW, fetch, timeoutMs: 150 });
      expect([name, byUrl.verdict, byUrl.checks[0]!.code]).to.deep.equal([name, 'failed', 'timeout']);
      const key = await verifyCredential(credential, { now: NOW, fetch, timeoutMs: 150, documentCache: new DocumentCache() });
      const signature = key.checks.find((c) => c.id === 'signature')!;
      expect([name, key.verdict, signature.code]).to.deep.equal([name, 'indeterminate', 'key-unreachable']);
      expect(signature.message).to.contain('within 150 ms');
    }
  });
});

/** Faults down, requests across: "V ok" verified, "F code" failed, "I code" indeterminate (could not check). */
function table(columns: string[], cells: Map<string, string>): string {
  const head = ['fault \\ request', ...columns];
  const body = FAULTS.map((fault) => [fault, ...columns.map((c) => cells.get(`${c}|${fault}`) ?? '-')]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    '',
    'Network fault matrix (V verified, F failed, I indeterminate = could not check; the code is the check that made the request)',
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
    '',
  ].join('\n');
}
