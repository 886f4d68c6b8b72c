/**
 * The fuzzing harness: generators (plain and structure-aware) for every parser the core owns, and a probe that runs
 * one input through a target, catching throws, timing it against a hang guard and tallying the figures. Shared by
 * fuzz.test.ts (Node and Chromium) and fuzz.node.test.ts (the heap check). Not a test file itself.
 */
import fc from 'fast-check';
import { VERDICTS, type VerificationResult } from '../../src/core/index.js';
import { PINNED_CONTEXT_URLS } from '../../src/core/contexts/urls.js';
import { env, inNode, PNG_SIGNATURE, pngChunk, scale, seedOf, writeReport } from '../support/mutate.js';
import { base64url } from '../support/issuer.js';

export { inNode, scale, seedOf };

/** One input taking longer than this is reported as a hang (hang detection, not a speed assertion). */
export const HANG_GUARD_MS = Number(env('FUZZ_HANG_GUARD_MS') ?? 5_000);

/** The base seed: FUZZ_SEED when set (`npm run fuzz` sets a random one and prints it), else fixed. */
export const SEED = (() => {
  const s = env('FUZZ_SEED');
  return s !== undefined && /^\d+$/.test(s) ? Number(s) >>> 0 : 20_260_601;
})();

/** Runs per target: `base` in Node under `npm test`, fewer in a browser, times FUZZ_SCALE under `npm run fuzz`. */
export function runs(base: number): number {
  return Math.max(10, Math.round((inNode ? base : base / 4) * scale()));
}

// ---------------------------------------------------------------------------------------------------------------
// Figures

export interface TargetStats {
  tried: number;
  /** Inputs that came back `verified` (only targets that verify), else null. */
  verified: number | null;
  threw: number;
  overGuard: number;
  maxMs: number;
  medianMs: number;
  /** verifyCredential targets: how far inputs got (the first failed or indeterminate check). */
  reasons?: Record<string, number>;
  /** The first few failures, for the report. */
  failures: string[];
}

const durations = new Map<string, number[]>();
const stats = new Map<string, TargetStats>();

export function statsOf(target: string, verifies = false): TargetStats {
  let s = stats.get(target);
  if (!s) {
    s = { tried: 0, verified: verifies ? 0 : null, threw: 0, overGuard: 0, maxMs: 0, medianMs: 0, ...(verifies ? { reasons: {} } : {}), failures: [] };
    stats.set(target, s);
    durations.set(target, []);
  }
  return s;
}

export function allStats(): Record<string, TargetStats> {
  const out: Record<string, TargetStats> = {};
  for (const [name, s] of stats) {
    const d = [...durations.get(name)!].sort((a, b) => a - b);
    s.medianMs = d.length ? round(d[Math.floor(d.length / 2)]!) : 0;
    s.maxMs = d.length ? round(d[d.length - 1]!) : 0;
    out[name] = s;
  }
  return out;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function describeInput(input: unknown): string {
  try {
    if (input instanceof Uint8Array) return `bytes(${input.length}): ${Array.from(input.subarray(0, 48), (b) => b.toString(16).padStart(2, '0')).join('')}`;
    const text = typeof input === 'string' ? JSON.stringify(input) : JSON.stringify(input) ?? String(input);
    return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
  } catch {
    return Object.prototype.toString.call(input);
  }
}

/** Heap figures of the Node-only memory check, when it ran in this process. */
export const memory: { figures?: Record<string, number | string> } = {};

export interface FuzzReport {
  seed: number;
  scale: number;
  runtime: 'node' | 'browser';
  hangGuardMs: number;
  targets: Record<string, TargetStats>;
  memory: Record<string, number | string> | null;
}

/** The figures so far; printed as a table unless `print` is false. */
export function printFuzzReport(print = true): FuzzReport {
  const report: FuzzReport = { seed: SEED, scale: scale(), runtime: inNode ? 'node' : 'browser', hangGuardMs: HANG_GUARD_MS, targets: allStats(), memory: memory.figures ?? null };
  if (print) {
    const col = (v: unknown, n: number) => String(v).padStart(n);
    const lines = [
      '',
      `Fuzz run: seed ${report.seed}, scale ${report.scale} (${report.runtime}), hang guard ${HANG_GUARD_MS} ms`,
      `  ${'target'.padEnd(46)} ${col('tried', 7)} ${col('verified', 9)} ${col('threw', 6)} ${col('>guard', 7)} ${col('median ms', 10)} ${col('max ms', 9)}`,
      ...Object.entries(report.targets).map(
        ([name, s]) => `  ${name.padEnd(46)} ${col(s.tried, 7)} ${col(s.verified ?? '-', 9)} ${col(s.threw, 6)} ${col(s.overGuard, 7)} ${col(s.medianMs, 10)} ${col(s.maxMs, 9)}`,
      ),
    ];
    const t = Object.values(report.targets);
    lines.push(`  ${'total'.padEnd(46)} ${col(t.reduce((n, s) => n + s.tried, 0), 7)} ${col(t.reduce((n, s) => n + (s.verified ?? 0), 0), 9)} ${col(t.reduce((n, s) => n + s.threw, 0), 6)} ${col(t.reduce((n, s) => n + s.overGuard, 0), 7)}`);
    if (report.memory) lines.push(`  heap: ${Object.entries(report.memory).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    for (const [name, s] of Object.entries(report.targets)) for (const f of s.failures) lines.push(`  FAILURE ${name}: ${f}`);
    console.log(lines.join('\n'));
  }
  return report;
}

export function writeFuzzReport(): Promise<string | undefined> {
  return writeReport('fuzz-report.json', printFuzzReport(false));
}

const HANG = Symbol('hang');

/**
 * Runs `fn(input)` for a target: a throw, a rejection, a run past the hang guard, or a check `ok` returning a
 * message all count against the target and make the property fail (with that message). Returns true when all is well.
 */
export async function probe<T>(
  target: string,
  input: unknown,
  fn: () => T | Promise<T>,
  ok: (value: T) => string | undefined = () => undefined,
  verifies = false,
): Promise<boolean> {
  const s = statsOf(target, verifies);
  s.tried++;
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let value: T | typeof HANG;
  try {
    const result = fn();
    value = result instanceof Promise
      ? await Promise.race([result, new Promise<typeof HANG>((resolve) => (timer = setTimeout(() => resolve(HANG), HANG_GUARD_MS)))])
      : result;
  } catch (error) {
    s.threw++;
    return failure(s, `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} on ${describeInput(input)}`);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
  const ms = performance.now() - started;
  durations.get(target)!.push(ms);
  if (value === HANG || ms > HANG_GUARD_MS) {
    s.overGuard++;
    return failure(s, `took more than ${HANG_GUARD_MS} ms (${Math.round(ms)} ms) on ${describeInput(input)}`);
  }
  if (verifies) {
    const result = value as unknown as VerificationResult;
    if (result?.verdict === 'verified') s.verified!++;
    const bad = result?.checks?.find((c) => c.outcome === 'failed') ?? result?.checks?.find((c) => c.outcome === 'indeterminate');
    const reason = bad ? `${bad.id}:${bad.code}` : String(result?.verdict);
    s.reasons![reason] = (s.reasons![reason] ?? 0) + 1;
  }
  const problem = ok(value);
  return problem ? failure(s, `${problem} on ${describeInput(input)}`) : true;
}

function failure(s: TargetStats, message: string): false {
  if (s.failures.length < 5) s.failures.push(message);
  return false;
}

/** The promise of the core's verifyCredential kept: a well-formed result, never `verified` for a random input. */
export function wellFormedUnverified(result: VerificationResult): string | undefined {
  if (!result || typeof result !== 'object') return 'resolved with no result';
  if (!VERDICTS.includes(result.verdict)) return `an unknown verdict ${String(result.verdict)}`;
  if (!Array.isArray(result.checks) || result.checks.length !== 5) return 'a result without its five checks';
  if (result.verdict === 'verified') return 'a random input verified';
  try {
    JSON.stringify(result);
  } catch {
    return 'a result that is not plain JSON data';
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

/** A real Ed25519 did:key (the well-known example key): credentials naming it reach the signature check itself. */
const REAL_DID_KEY = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

const enc = new TextEncoder();
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');

export const bytes = (maxLength = 512) => fc.uint8Array({ maxLength });
export const text = (maxLength = 256) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength: Math.min(maxLength, 64) }),
  );
export const base64urlText = (maxLength = 200) => fc.array(fc.constantFrom(...B64URL), { maxLength }).map((a) => a.join(''));

/** Small JSON values, nested a few levels. */
export const json = (maxDepth = 4) => fc.jsonValue({ maxDepth });

/** Deep nesting, past the depth cap, as text. */
export const deepJsonText = fc
  .tuple(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('[', '{"a":'), fc.boolean())
  .map(([n, open, close]) => {
    const closer = open === '[' ? ']' : '}';
    return open.repeat(n) + '1' + (close ? closer.repeat(n) : '');
  });

const urlish = fc.oneof(
  fc.constantFrom('https://issuer.example/', 'http://localhost/', 'http://evil.example/', 'data:,x', 'javascript:alert(1)', 'ftp://x/'),
  fc.webUrl(),
);

/** A JWT-like string: three dot-separated base64url parts, some of them base64url JSON. */
export const jwtLike = fc
  .tuple(
    fc.oneof(base64urlText(60), json(2).map((v) => base64url(JSON.stringify(v))), { arbitrary: headerObject().map((h) => base64url(JSON.stringify(h))), weight: 4 }),
    fc.oneof(base64urlText(200), json(3).map((v) => base64url(JSON.stringify(v))), { arbitrary: credentialLike().map((c) => base64url(JSON.stringify(c))), weight: 4 }),
    fc.oneof(base64urlText(120), base64urlText(86), fc.constant('')),
    fc.constantFrom('.', '.', '.', '.', '.', '.', '..', ' .', ''),
  )
  .map(([h, p, s, dot]) => `${h}${dot}${p}.${s}`);

function headerObject() {
  return fc.record(
    {
      alg: fc.constantFrom('EdDSA', 'ES256', 'ES384', 'RS256', 'HS256', 'none', 'Ed25519', ''),
      typ: fc.constantFrom('JWT', 'vc+jwt', 'vc+ld+json+jwt'),
      kid: fc.oneof(didKeyish(), fc.constantFrom('#0', 'key-1', 'https://issuer.example/keys#1'), fc.string({ maxLength: 20 })),
      jwk: fc.record({ kty: fc.constantFrom('OKP', 'EC', 'RSA', 'oct'), crv: fc.constantFrom('Ed25519', 'P-256', 'X25519'), x: base64urlText(44), y: base64urlText(44) }, { requiredKeys: [] }),
      crit: fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  );
}

function didKeyish() {
  return fc.oneof(
    fc.tuple(fc.constantFrom('did:key:z6Mk', 'did:key:zDn', 'did:key:z', 'did:jwk:', 'did:web:', 'did:example:'), base64urlText(50)).map(([a, b]) => `${a}${b}`),
    fc.constantFrom(REAL_DID_KEY, `${REAL_DID_KEY}#${REAL_DID_KEY.slice(8)}`),
  );
}

/** An object shaped like a credential, with random parts and a random proof. */
export function credentialLike() {
  const contexts = fc.array(fc.oneof(fc.constantFrom(...PINNED_CONTEXT_URLS), fc.string({ maxLength: 30 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 2 })), {
    minLength: 1,
    maxLength: 4,
  });
  const v2 = contexts.map((c) => ['https://www.w3.org/ns/credentials/v2', ...c]);
  const proof = fc.record(
    {
      type: fc.constantFrom('DataIntegrityProof', 'Ed25519Signature2020', 'JsonWebSignature2020', 'x'),
      cryptosuite: fc.constantFrom('eddsa-rdfc-2022', 'eddsa-2022', 'ecdsa-rdfc-2019', 'ecdsa-sd-2023', 'eddsa-jcs-2022', 'ecdsa-jcs-2019', 'bbs-2023'),
      proofPurpose: fc.constantFrom('assertionMethod', 'authentication'),
      verificationMethod: fc.oneof(didKeyish(), urlish, fc.record({ id: didKeyish() })),
      created: fc.constantFrom('2026-01-01T00:00:00Z', 'yesterday'),
      proofValue: fc.oneof(base64urlText(90).map((s) => `z${s}`), base64urlText(90).map((s) => `u${s}`), fc.string({ maxLength: 10 })),
      previousProof: fc.string({ maxLength: 10 }),
    },
    { requiredKeys: ['type'] },
  );
  const OB = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
  const realProof = fc.record({
    type: fc.constant('DataIntegrityProof'),
    cryptosuite: fc.constantFrom('eddsa-rdfc-2022', 'eddsa-jcs-2022'),
    proofPurpose: fc.constant('assertionMethod'),
    verificationMethod: fc.constant(`${REAL_DID_KEY}#${REAL_DID_KEY.slice(8)}`),
    created: fc.constant('2026-01-01T00:00:00Z'),
    proofValue: fc.oneof(fc.array(fc.constantFrom(...'123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'), { minLength: 80, maxLength: 90 }).map((a) => `z${a.join('')}`), fc.string({ maxLength: 10 })),
  });
  const nearlyValid = fc
    .record({
      name: fc.string({ maxLength: 30 }),
      achievementName: fc.string({ maxLength: 30 }),
      validFrom: fc.constantFrom('2026-01-01T00:00:00Z', '2099-01-01T00:00:00Z', '2026-01-01T00:00:00'),
      proof: fc.oneof({ arbitrary: realProof, weight: 4 }, fc.array(realProof, { minLength: 2, maxLength: 2 })),
    })
    .map(({ name, achievementName, validFrom, proof }) => ({
      '@context': OB,
      id: 'urn:uuid:3a9a3b8c-1d3e-4d3f-9a59-2b2b5f0f6c11',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name,
      issuer: { id: REAL_DID_KEY, type: ['Profile'], name: 'Example' },
      validFrom,
      credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'https://example.edu/a', type: ['Achievement'], name: achievementName, criteria: { narrative: 'x' } } },
      proof,
    }));
  const loose = fc.record(
    {
      '@context': fc.oneof({ arbitrary: fc.constant(OB), weight: 6 }, { arbitrary: v2, weight: 2 }, { arbitrary: contexts, weight: 2 }),
      id: fc.oneof(fc.uuid().map((u) => `urn:uuid:${u}`), fc.string({ maxLength: 10 })),
      type: fc.oneof(
        { arbitrary: fc.constant(['VerifiableCredential', 'OpenBadgeCredential']), weight: 6 },
        fc.constant(['VerifiableCredential', 'ClrCredential']),
        fc.constant(['VerifiableCredential', 'BitstringStatusListCredential']),
        fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
      ),
      issuer: fc.oneof({ arbitrary: fc.constant(REAL_DID_KEY), weight: 4 }, didKeyish(), urlish, fc.record({ id: fc.oneof(didKeyish(), urlish), name: fc.string({ maxLength: 20 }) }, { requiredKeys: [] })),
      validFrom: fc.oneof(fc.constantFrom('2026-01-01T00:00:00Z', '2099-01-01T00:00:00Z', '2026-02-30T00:00:00Z'), fc.string({ maxLength: 25 })),
      validUntil: fc.constantFrom('2020-01-01T00:00:00Z', '2100-01-01T00:00:00Z', 'never'),
      credentialSubject: fc.oneof(
        {
          arbitrary: fc.record({ type: fc.constant(['AchievementSubject']), achievement: fc.record({ id: fc.constant('https://example.edu/a'), type: fc.constant(['Achievement']), name: fc.string({ maxLength: 20 }), criteria: fc.record({ narrative: fc.string({ maxLength: 20 }) }) }) }),
          weight: 4,
        },
        fc.record({ id: fc.string({ maxLength: 12 }), type: fc.constant(['AchievementSubject']), achievement: json(2), verifiableCredential: fc.array(json(2), { maxLength: 2 }) }, { requiredKeys: [] }),
        json(3),
      ),
      credentialStatus: fc.record(
        {
          type: fc.constantFrom('BitstringStatusListEntry', 'StatusList2021Entry', '1EdTechRevocationList', 'x'),
          statusPurpose: fc.constantFrom('revocation', 'suspension', 'message'),
          statusListIndex: fc.oneof(fc.string({ maxLength: 12 }), fc.integer()),
          statusListCredential: urlish,
        },
        { requiredKeys: [] },
      ),
      endorsement: fc.array(json(2), { maxLength: 2 }),
      proof: fc.oneof({ arbitrary: realProof, weight: 4 }, proof, fc.array(proof, { maxLength: 3 }), json(2)),
    },
    { requiredKeys: ['@context', 'type', 'issuer', 'credentialSubject'] },
  );
  return fc.oneof({ arbitrary: nearlyValid, weight: 1 }, { arbitrary: loose, weight: 2 });
}

/**
 * Bytes that start with the PNG signature, then chunks (random, or an openbadgecredential iTXt with random text),
 * mostly well-formed, sometimes with one corruption: a wrong CRC, an odd length field, a truncation.
 */
export const pngLike = fc
  .tuple(
    fc.array(
      fc.oneof(
        {
          // The credential chunk itself, well-formed, with any text.
          arbitrary: fc.oneof(text(120), jwtLike, credentialLike().map((c) => JSON.stringify(c))).map((t) => ({
            type: 'iTXt',
            data: concat(enc.encode('openbadgecredential'), new Uint8Array([0, 0, 0, 0, 0]), enc.encode(t)),
          })),
          weight: 1,
        },
        { arbitrary: fc.record({
        type: fc.oneof({ arbitrary: fc.constantFrom('IDAT', 'iTXt', 'iTXt', 'tEXt', 'zTXt', 'IEND', 'IHDR'), weight: 6 }, fc.stringMatching(/^[A-Za-z]{4}$/), fc.string({ unit: 'binary-ascii', minLength: 4, maxLength: 4 })),
        data: fc.oneof(
          bytes(64),
          {
            arbitrary: fc
              .tuple(fc.constantFrom('openbadgecredential', 'openbadgecredential', 'openbadges', 'OpenBadgeCredential', ''), fc.constantFrom(0, 0, 0, 1, 2), fc.oneof(text(120), jwtLike, json(3).map((v) => JSON.stringify(v)), credentialLike().map((c) => JSON.stringify(c))))
              .map(([k, flag, t]) => concat(enc.encode(k), new Uint8Array([0, flag, 0]), enc.encode('en\0\0'), enc.encode(t))),
            weight: 3,
          },
        ),
      }), weight: 2 },
      ),
      { maxLength: 5 },
    ),
    fc.oneof(
      { arbitrary: fc.constant({ mode: 'none' as const, at: 0, value: 0 }), weight: 6 },
      fc.record({ mode: fc.constantFrom('crc' as const, 'length' as const, 'cut' as const, 'no-ihdr' as const, 'no-iend' as const), at: fc.nat(), value: fc.constantFrom(0, 1, 13, 0x7fffffff, 0x80000000, 0xffffffff) }),
    ),
  )
  .map(([chunks, corruption]) => {
    const built = chunks.map((c) => pngChunk(c.type, c.data));
    if (corruption.mode !== 'no-ihdr') built.unshift(pngChunk('IHDR', new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])));
    if (corruption.mode !== 'no-iend') built.push(pngChunk('IEND', new Uint8Array()));
    const target = built.length ? built[corruption.at % built.length]! : undefined;
    if (target && corruption.mode === 'crc') target[target.length - 1]! ^= 1;
    if (target && corruption.mode === 'length') new DataView(target.buffer).setUint32(0, corruption.value >>> 0);
    const all = concat(PNG_SIGNATURE, ...built);
    return corruption.mode === 'cut' ? all.subarray(0, 8 + (corruption.at % Math.max(1, all.length - 8))) : all;
  });

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const xmlName = fc.oneof(
  fc.constantFrom('svg', 'g', 'rect', 'openbadges:credential', 'ob:credential', 'credential', 'openbadges:assertion', 'xmlns', 'xmlns:openbadges', 'xmlns:ob', 'verify', 'a:b:c'),
  fc.stringMatching(/^[A-Za-z_:][A-Za-z0-9_:.-]{0,8}$/),
);
const attrValue = fc.oneof(
  fc.constantFrom('https://purl.imsglobal.org/ob/v3p0', 'http://openbadges.org', 'http://www.w3.org/2000/svg', '&amp;&lt;&#x41;&#0;&unknown;', '&', ''),
  jwtLike,
  fc.string({ maxLength: 40 }),
);

/** SVG-like markup: an svg root with random attributes, children, comments, CDATA and credential elements. */
export const svgLike = fc
  .letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string({ maxLength: 30 }).map((t) => t.replace(/[<&]/g, '')),
      fc.oneof(json(3).map((v) => JSON.stringify(v)), text(60), credentialLike().map((c) => JSON.stringify(c))).map((t) => `<![CDATA[${t}]]>`),
      fc.string({ maxLength: 20 }).map((t) => `<!--${t}-->`),
      fc.constantFrom('<![CDATA[', '<!--', '<?pi x?>', '<!DOCTYPE svg [<!ENTITY x "y">]>', '</svg>', '<', '&amp;', '&bogus;', ']]>'),
      fc
        .tuple(xmlName, fc.array(fc.tuple(xmlName, attrValue, fc.constantFrom('"', "'")), { maxLength: 4 }), fc.array(tie('node'), { maxLength: 4 }), fc.boolean())
        .map(([name, attrs, children, selfClosing]) => {
          const a = attrs.map(([n, v, q]) => ` ${n}=${q}${v.split(q).join('')}${q}`).join('');
          return selfClosing ? `<${name}${a}/>` : `<${name}${a}>${children.join('')}</${name}>`;
        }),
    ),
  }))
  .node.chain((inner) =>
    fc.tuple(fc.constantFrom('', '<?xml version="1.0"?>\n', '\uFEFF', '<!-- c -->'), fc.array(fc.tuple(xmlName, attrValue), { maxLength: 3 }), fc.option(fc.nat(300), { freq: 4 })).map(([prolog, attrs, cut]) => {
      const svg = `${prolog}<svg xmlns="http://www.w3.org/2000/svg"${attrs.map(([n, v]) => ` ${n}="${v.replace(/"/g, '')}"`).join('')}>${inner}</svg>`;
      return cut === null ? svg : svg.slice(0, cut);
    }),
  );

/** Anything a page might pass: values of every kind, typed arrays, objects with odd prototypes. */
export const anything = fc.anything({ maxDepth: 3, withTypedArray: true, withMap: true, withSet: true, withDate: true, withBigInt: true, withNullPrototype: true, withSparseArray: true });
