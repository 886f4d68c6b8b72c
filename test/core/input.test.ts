/** Reading inputs and fetching them: every bad input resolves to a clear result, nothing throws or hangs. */
import { expect } from 'chai';
import { verifyCredential } from '../../src/core/index.js';
import { isAllowedUrl } from '../../src/core/net.js';
import type { VerificationResult } from '../../src/core/result.js';

const format = (r: VerificationResult) => r.checks.find((c) => c.id === 'format')!;
const never = (() => new Promise(() => undefined)) as unknown as typeof fetch;

/** A fetch that answers only when aborted (as a real fetch does), so timeouts can be tested without a network. */
const hanging = ((_url: string, init?: RequestInit) =>
  new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;

function deepJson(levels: number): string {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

describe('input reading', () => {
  const table: [string, unknown, string, string][] = [
    ['malformed JSON text', '{"@context": [', 'failed', 'invalid-json'],
    ['a JSON array', '[1,2,3]', 'failed', 'not-a-credential'],
    ['a JSON object that is no credential', '{"hello": "world"}', 'failed', 'not-a-credential'],
    ['20,000 levels of nesting', deepJson(20_000), 'failed', 'too-deep'],
    ['plain prose', 'this is not a badge', 'failed', 'unrecognised-input'],
    ['a compact JWS that carries no credential', 'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.c2ln', 'failed', 'not-a-credential'],
    ['a truncated PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'failed', 'invalid-image'],
    ['an SVG without a credential', '<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'failed', 'no-baked-credential'],
    ['HTML', '<html><body>hi</body></html>', 'failed', 'unrecognised-input'],
    ['bytes that are not UTF-8', new Uint8Array([0xff, 0xfe, 0xfd]), 'failed', 'unrecognised-input'],
    ['null', null, 'failed', 'unrecognised-input'],
    ['a number', 42, 'failed', 'unrecognised-input'],
    ['an array object', [{}], 'failed', 'unrecognised-input'],
    ['a javascript: URL', 'javascript:alert(1)', 'failed', 'unrecognised-input'],
    ['an ftp URL', 'ftp://example.org/badge.json', 'failed', 'insecure-url'],
    ['a plain http URL', 'http://example.org/badge.json', 'failed', 'insecure-url'],
    ['text with a 40-letter "scheme" (no URL scheme is that long)', `${'a'.repeat(40)}://example.org/badge.json`, 'failed', 'unrecognised-input'],
  ];
  for (const [name, input, outcome, code] of table) {
    it(`${name}: ${outcome} (${code})`, async () => {
      const result = await verifyCredential(input, { fetch: never });
      expect([format(result).outcome, format(result).code]).to.deep.equal([outcome, code]);
      expect(result.verdict).to.not.equal('verified');
      expect(format(result).message).to.be.a('string').and.not.equal('');
    });
  }

  it('rejects an object with a cycle', async () => {
    const cyclic: Record<string, unknown> = { '@context': ['https://www.w3.org/ns/credentials/v2'] };
    cyclic.self = cyclic;
    const result = await verifyCredential(cyclic);
    expect(format(result).code).to.equal('not-json-data');
  });

  it('rejects an object nested 20,000 levels deep', async () => {
    const deep = JSON.parse(deepJson(5_000));
    let node = deep;
    for (let i = 0; i < 15_000; i++) node = node.a = { a: 1 };
    const result = await verifyCredential(deep);
    expect(format(result).outcome).to.equal('failed');
    expect(format(result).code).to.be.oneOf(['too-deep', 'not-json-data']);
  });

  it('allows http for localhost only', () => {
    expect(isAllowedUrl('http://localhost:5173/b.json')).to.equal(true);
    expect(isAllowedUrl('http://127.0.0.1/b.json')).to.equal(true);
    expect(isAllowedUrl('http://localhost.evil.example/b.json')).to.equal(false);
    expect(isAllowedUrl('https://user:pw@example.org/')).to.equal(false);
    expect(isAllowedUrl('https://example.org/b.json')).to.equal(true);
  });
});

describe('fetching a credential URL', () => {
  const url = 'https://badges.example.org/b/1';

  it('sends a plain GET with no credentials, no referrer and no custom headers', async () => {
    let seen: RequestInit | undefined;
    const fetch = (async (_u: string, init?: RequestInit) => {
      seen = init;
      return new Response('{}', { status: 200 });
    }) as typeof globalThis.fetch;
    await verifyCredential(url, { fetch });
    expect(seen).to.include({ method: 'GET', credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(seen?.headers).to.equal(undefined);
    expect(seen?.signal).to.be.instanceOf(AbortSignal);
  });

  const faults: [string, typeof fetch, string][] = [
    ['a 404', (async () => new Response('gone', { status: 404 })) as typeof fetch, 'http-error'],
    ['a 500', (async () => new Response('oops', { status: 500 })) as typeof fetch, 'http-error'],
    ['a connection error', (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch, 'fetch-failed'],
    ['a body that is not JSON', (async () => new Response('<html>hi</html>', { status: 200 })) as typeof fetch, 'unrecognised-input'],
    ['a declared 50 MB body', (async () => new Response('{}', { status: 200, headers: { 'content-length': String(50 * 1024 * 1024) } })) as typeof fetch, 'too-large'],
    ['a redirect to plain http', (async () => { const r = new Response('{}', { status: 200 }); Object.defineProperty(r, 'url', { value: 'http://evil.example/b' }); return r; }) as typeof fetch, 'insecure-url'],
  ];
  for (const [name, fetch, code] of faults) {
    it(`${name}: failed (${code})`, async () => {
      const result = await verifyCredential(url, { fetch });
      expect([result.verdict, format(result).code]).to.deep.equal(['failed', code]);
    });
  }

  it('stops reading a streamed 50 MB body at the size cap', async () => {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 50 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const result = await verifyCredential(url, { fetch: (async () => new Response(body, { status: 200 })) as typeof fetch, maxBytes: 1024 * 1024 });
    expect(format(result).code).to.equal('too-large');
    expect(sent).to.be.lessThan(2 * 1024 * 1024);
  });

  it('gives up after the timeout', async () => {
    const result = await verifyCredential(url, { fetch: hanging, timeoutMs: 50 });
    expect([result.verdict, format(result).code]).to.deep.equal(['failed', 'timeout']);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = verifyCredential(url, { fetch: hanging, signal: controller.signal });
    controller.abort();
    const result = await pending;
    expect([result.verdict, format(result).code]).to.deep.equal(['indeterminate', 'aborted']);
  });

  it('reads a credential served with any content type', async () => {
    const fetch = (async () => new Response('{"not":"a credential"}', { status: 200, headers: { 'content-type': 'text/plain' } })) as typeof globalThis.fetch;
    const result = await verifyCredential(new URL(url), { fetch });
    expect(format(result).code).to.equal('not-a-credential');
  });
});

describe('verifyCredential never throws', () => {
  const inputs: unknown[] = [undefined, '', ' ', '{}', '{"@context":"x"}', Symbol('s'), () => 1, new Date(), new Map(), BigInt(1), true, { toJSON() { throw new Error('boom'); } }, new ArrayBuffer(0), 'https://', 'https://[bad'];
  for (const input of inputs) {
    it(`resolves for ${typeof input === 'symbol' ? 'a symbol' : typeof input === 'function' ? 'a function' : typeof input === 'bigint' ? 'a BigInt' : JSON.stringify(String(input)).slice(0, 40)}`, async () => {
      const result = await verifyCredential(input, { fetch: (async () => new Response('', { status: 404 })) as typeof fetch });
      expect(result.verdict).to.be.oneOf(['failed', 'indeterminate']);
      expect(result.checks.map((c) => c.id)).to.deep.equal(['format', 'signature', 'validity', 'status', 'schema']);
      expect(() => JSON.stringify(result)).to.not.throw();
    });
  }

  it('rejects an invalid clock', async () => {
    const result = await verifyCredential('{}', { now: 'not a date' });
    expect(result.verdict).to.equal('indeterminate');
  });
});
