/**
 * Fuzzing with fast-check over every parser the core owns (PNG chunks, SVG extraction, unbake, compact JWS, status
 * lists, input sniffing, JSON with the depth cap, dates) and over verifyCredential itself, with plain and
 * structure-aware inputs. Properties: nothing throws out of them, each input returns within the hang guard, and a
 * random input never verifies. Each parser also keeps its own contract (codes, caps, ranges).
 *
 * Fixed seeds under `npm test` (reproducible); `npm run fuzz` sets FUZZ_SCALE and a random FUZZ_SEED (printed). The
 * figures are printed at the end and written to test-output/hardening/fuzz-report.json (Node).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { CODES, StatusListCache, unbake, verifyCredential } from '../../src/core/index.js';
import { readPngCredential } from '../../src/core/load/png.js';
import { looksLikeSvg, readSvgCredential, decodeXml } from '../../src/core/load/svg.js';
import { COMPACT_JWS, decodeJwt } from '../../src/core/load/jwt.js';
import { fromObject, isObject, parseJson } from '../../src/core/load/json.js';
import { loadInput } from '../../src/core/load/input.js';
import { decodeEncodedList, readStatus } from '../../src/core/status/bitstring.js';
import { parseDateTime } from '../../src/core/checks/validity.js';
import { NOW, base64url, gzip } from '../support/issuer.js';
import {
  HANG_GUARD_MS,
  SEED,
  anything,
  base64urlText,
  bytes,
  credentialLike,
  deepJsonText,
  json,
  jwtLike,
  pngLike,
  probe,
  runs,
  seedOf,
  svgLike,
  text,
  wellFormedUnverified,
  writeFuzzReport,
  printFuzzReport,
} from './fuzz-harness.js';

const UNBAKE_CODES = ['invalid-image', 'no-baked-credential', 'several-baked-credentials', 'too-large', 'internal-error'];
const MAX_DEPTH = 64;

/** Runs a property with this target's seed; fast-check reports (and shrinks) the first failing input. */
async function fuzz<T>(target: string, arb: fc.Arbitrary<T>, numRuns: number, predicate: (input: T) => Promise<boolean>): Promise<void> {
  await fc.assert(fc.asyncProperty(arb, predicate), { seed: seedOf(target, SEED), numRuns });
}

/** A fetch serving `body` for every URL (or a 404 when there is none). */
function serving(body: Uint8Array | undefined): typeof fetch {
  return (async () => (body ? new Response(body as BufferSource, { status: 200, headers: { 'content-type': 'application/json' } }) : new Response('not found', { status: 404 }))) as typeof fetch;
}

const verifyOptions = (body?: Uint8Array) => ({ now: NOW, fetch: serving(body), statusCache: new StatusListCache(), timeoutMs: 2_000 });

/** Nesting depth of a JSON value, without recursion. */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v && typeof v === 'object') {
      max = Math.max(max, d + 1);
      for (const child of Object.values(v)) stack.push([child, d + 1]);
    }
  }
  return max;
}

const failedWith = (codes: readonly string[]) => (r: { ok: boolean; code?: string; message?: string }) =>
  r.ok ? undefined : !codes.includes(r.code!) ? `unexpected code ${r.code}` : typeof r.message !== 'string' || !r.message ? 'no message' : undefined;

describe('fuzzing the parsers and verifyCredential', function () {
  this.timeout(Math.max(120_000, 400 * runs(100)));

  after(async () => {
    printFuzzReport();
    const file = await writeFuzzReport();
    if (file) console.log(`  written to ${file}`);
  });

  describe('parsers', () => {
    it('PNG chunk reader: random bytes and PNG-shaped chunks', async () => {
      await fuzz('png', fc.oneof(bytes(1024), pngLike), runs(400), (input) =>
        probe('png: readPngCredential', input, () => readPngCredential(input, 4096), (r) =>
          r.ok ? (typeof r.text === 'string' ? undefined : 'no text') : failedWith(['invalid-image', 'no-baked-credential', 'too-large'])(r),
        ),
      );
    });

    it('SVG credential extraction: random text and SVG-shaped markup', async () => {
      await fuzz('svg', fc.oneof(text(512), svgLike), runs(400), (input) =>
        probe('svg: readSvgCredential', input, () => [looksLikeSvg(input), readSvgCredential(input), decodeXml(input)] as const, ([looks, r, decoded]) =>
          typeof looks !== 'boolean'
            ? 'looksLikeSvg did not answer a boolean'
            : typeof decoded !== 'string' && typeof decoded?.error !== 'string'
              ? 'decodeXml answered neither text nor an error'
              : r.ok
                ? typeof r.text === 'string' && r.text.trim() === r.text && r.text.length > 0 ? undefined : 'an empty or untrimmed credential text'
                : failedWith(['invalid-image', 'no-baked-credential', 'several-baked-credentials'])(r),
        ),
      );
    });

    it('unbake: bytes and text of anything image-like', async () => {
      const input = fc.oneof(bytes(1024), pngLike, svgLike, svgLike.map((s) => new TextEncoder().encode(s)), text(300), anything);
      await fuzz('unbake', fc.tuple(input, fc.constantFrom(undefined, 0, 64, 4096, -1, Number.NaN)), runs(400), ([value, cap]) =>
        probe('unbake', value, () => unbake(value as Uint8Array, cap), (r) =>
          r.ok ? (r.format === 'png' || r.format === 'svg') && typeof r.text === 'string' ? undefined : 'a success without format or text' : failedWith(UNBAKE_CODES)(r),
        ),
      );
    });

    it('compact JWS splitting and decoding: random text and three-part base64url strings', async () => {
      await fuzz('jws', fc.oneof(text(200), jwtLike), runs(400), (input) =>
        probe('jws: decodeJwt', input, () => decodeJwt(input, { maxChars: 100_000, maxDepth: MAX_DEPTH }), (r) =>
          r.ok
            ? COMPACT_JWS.test(r.jwt.token) && isObject(r.jwt.header) && isObject(r.jwt.claims) && isObject(r.credential) ? undefined : 'a decoded token that is not a compact JWS of objects'
            : failedWith(['invalid-jwt', 'too-large', 'too-deep'])(r),
        ),
      );
    });

    it('status list decoding: random text, base64url, and gzip of random bytes, with random caps and indexes', async () => {
      const encoded = fc.oneof(
        text(200).map((t) => ({ raw: t })),
        base64urlText(300).map((t) => ({ raw: `u${t}` })),
        fc.record({ bytes: bytes(2048), prefix: fc.constantFrom('u', '', 'z'), corrupt: fc.option(fc.nat(64), { freq: 3 }) }),
      );
      const arb = fc.tuple(encoded, fc.constantFrom(16, 256, 4096, 16 * 1024 * 1024), fc.oneof(fc.integer(), fc.nat(20_000), fc.double()), fc.constantFrom(1, 2, 4, 8, 0, -1, 3));
      await fuzz('status-list', arb, runs(300), async ([enc, cap, index, size]) => {
        let list: string;
        if ('raw' in enc) list = enc.raw;
        else {
          const gz = await gzip(enc.bytes);
          if (enc.corrupt !== null) gz[Math.min(gz.length - 1, enc.corrupt)]! ^= 0x5a;
          list = `${enc.prefix}${base64url(gz)}`;
        }
        return probe('status list: decodeEncodedList + readStatus', list, async () => {
          const decoded = await decodeEncodedList(list, cap);
          return { decoded, status: decoded.ok ? readStatus(decoded.bytes, index, size) : undefined };
        }, ({ decoded, status }) => {
          if (!decoded.ok) return decoded.reason === 'encoding' || decoded.reason === 'too-large' ? undefined : `unexpected reason ${decoded.reason}`;
          if (decoded.bytes.length > cap) return `decoded ${decoded.bytes.length} bytes past the ${cap} byte cap`;
          if (status === undefined) return undefined;
          return Number.isInteger(status) && status >= 0 && (size <= 0 || status < 2 ** size) ? undefined : `status ${status} out of range for ${size} bits`;
        });
      });
    });

    it('input sniffing: anything a page may pass, and URLs answered with random bytes', async () => {
      const input = fc.oneof(anything, text(200), bytes(512), pngLike, svgLike, jwtLike, fc.constantFrom('https://issuer.example/badge', 'http://evil.example/x', 'https://a b/'), credentialLike());
      await fuzz('input', fc.tuple(input, fc.option(fc.oneof(bytes(512), pngLike, svgLike.map((s) => new TextEncoder().encode(s)))), fc.boolean()), runs(300), ([value, body, asBlob]) => {
        const arg = asBlob && value instanceof Uint8Array && typeof Blob !== 'undefined' ? new Blob([value as BufferSource]) : value;
        const net = { fetch: serving(body ?? undefined), timeoutMs: 2_000, maxBytes: 1024 * 1024 };
        return probe('input sniffing: loadInput', arg, () => loadInput(arg, { net, maxChars: net.maxBytes, maxDepth: MAX_DEPTH }), (r) =>
          r.ok ? (isObject(r.credential) ? undefined : 'loaded something that is not an object') : r.code in CODES && typeof r.message === 'string' ? undefined : `unexpected code ${String(r.code)}`,
        );
      });
    });

    it('JSON reading with the depth cap: random JSON, text and nesting far past the cap', async () => {
      const arb = fc.tuple(fc.oneof(json(6).map((v) => JSON.stringify(v)), text(200), deepJsonText), fc.integer({ min: 1, max: 100 }));
      await fuzz('json', arb, runs(400), ([input, maxDepth]) =>
        probe('json: parseJson', input, () => parseJson(input, { maxChars: 1_000_000, maxDepth }), (r) =>
          r.ok ? (depthOf(r.value) <= maxDepth ? undefined : `depth ${depthOf(r.value)} past the cap ${maxDepth}`) : failedWith(['invalid-json', 'too-deep', 'too-large'])(r),
        ),
      );
      await fuzz('json-object', anything, runs(300), (input) =>
        probe('json: fromObject', input, () => fromObject(input, { maxChars: 1_000_000, maxDepth: MAX_DEPTH }), (r) =>
          r.ok ? undefined : failedWith(['not-json-data', 'invalid-json', 'too-deep', 'too-large'])(r),
        ),
      );
    });

    it('date parsing: random values and date-like strings; real dates read back exactly', async () => {
      const dateish = fc.stringMatching(/^-?\d{4,6}-\d{1,2}-\d{1,2}T\d{1,2}:\d{2}:\d{2}(\.\d{1,12})?(Z|[+-]\d{2}:\d{2})?$/);
      await fuzz('dates', fc.oneof(anything, text(50), dateish), runs(400), (input) =>
        probe('dates: parseDateTime', input, () => parseDateTime(input), (ms) => (ms === undefined || Number.isFinite(ms) ? undefined : `answered ${ms}`)),
      );
      const real = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
      await fuzz('dates-real', real, runs(300), (date) =>
        probe('dates: parseDateTime', date, () => [parseDateTime(date.toISOString()), parseDateTime(date.toISOString().replace('Z', '+00:00'))], ([a, b]) =>
          a === date.getTime() && b === date.getTime() ? undefined : `read ${date.toISOString()} as ${a} / ${b}`,
        ),
      );
    });
  });

  describe('verifyCredential', () => {
    const verifies = (target: string, input: unknown, body?: Uint8Array) =>
      probe(target, input, () => verifyCredential(input, verifyOptions(body)), wellFormedUnverified, true);

    it('arbitrary strings', async () => {
      await fuzz('verify-strings', fc.oneof(text(300), fc.constantFrom('https://issuer.example/vc', 'http://localhost/vc', ' {', '[]', 'null')), runs(150), (input) => verifies('verify: strings', input));
    });

    it('arbitrary bytes, ArrayBuffers and Blobs', async () => {
      await fuzz('verify-bytes', fc.tuple(bytes(1024), fc.constantFrom('bytes', 'buffer', 'blob')), runs(150), ([b, as]) =>
        verifies('verify: bytes', as === 'buffer' ? b.slice().buffer : as === 'blob' && typeof Blob !== 'undefined' ? new Blob([b as BufferSource]) : b),
      );
    });

    it('arbitrary values and objects', async () => {
      await fuzz('verify-objects', anything, runs(150), (input) => verifies('verify: objects', input));
    });

    it('PNG-shaped bytes (signature and random chunks, some carrying a credential chunk)', async () => {
      await fuzz('verify-png', pngLike, runs(150), (input) => verifies('verify: png-like', input));
    });

    it('SVG-shaped text (random attributes, CDATA, credential elements)', async () => {
      await fuzz('verify-svg', svgLike, runs(150), (input) => verifies('verify: svg-like', input));
    });

    it('JWT-like three-part strings', async () => {
      await fuzz('verify-jwt', jwtLike, runs(150), (input) => verifies('verify: jwt-like', input));
    });

    it('JSON with random and excessive nesting', async () => {
      await fuzz('verify-json', fc.oneof(json(8).map((v) => JSON.stringify(v)), deepJsonText), runs(150), (input) => verifies('verify: json', input));
    });

    it('credential-shaped objects with random contexts, issuers, subjects, statuses and proofs', async () => {
      await fuzz('verify-credential-like', fc.tuple(credentialLike(), fc.boolean()), runs(150), ([c, asText]) => verifies('verify: credential-like', asText ? JSON.stringify(c) : c));
    });

    it('URLs answered with random bodies', async () => {
      const body = fc.oneof(bytes(512), pngLike, svgLike.map((s) => new TextEncoder().encode(s)), jwtLike.map((s) => new TextEncoder().encode(s)), credentialLike().map((c) => new TextEncoder().encode(JSON.stringify(c))));
      await fuzz('verify-url', fc.tuple(fc.constantFrom('https://issuer.example/vc', 'https://issuer.example/vc.png'), body), runs(100), ([url, b]) => verifies('verify: url bodies', url, b));
    });

    it('random options', async () => {
      const options = fc.record(
        { now: fc.oneof(anything, fc.constant(() => { throw new Error('clock'); })), timeoutMs: anything, maxBytes: anything, clockSkewMs: anything, contexts: anything, onProgress: fc.constant(() => { throw new Error('progress'); }) },
        { requiredKeys: [] },
      );
      await fuzz('verify-options', fc.tuple(fc.oneof(jwtLike, credentialLike()), options), runs(100), ([input, opts]) =>
        probe('verify: options', { input, opts }, () => verifyCredential(input, { ...(opts as object), fetch: serving(undefined), statusCache: new StatusListCache() }), wellFormedUnverified, true),
      );
    });
  });

  describe('totals', () => {
    it(`reports no throw, no input over the ${HANG_GUARD_MS} ms hang guard and nothing verified`, () => {
      // The properties above already fail on the first such input; this states the totals.
      const { targets } = printFuzzReport(false);
      for (const [name, s] of Object.entries(targets)) {
        expect([s.threw, s.overGuard, s.verified ?? 0], `${name}: ${s.failures.join('; ')}`).to.deep.equal([0, 0, 0]);
        expect(s.tried, name).to.be.greaterThan(0);
      }
      expect(Object.keys(targets).length).to.be.at.least(19);
    });
  });
});
