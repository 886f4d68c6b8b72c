/**
 * verifyCredential: the whole pipeline, from whatever a page hands us to a plain result. Never throws, never hangs:
 * every request has a timeout and a size cap, and any unexpected error becomes a check that could not run.
 *
 * What only some credentials need is loaded with a dynamic `import()` when a credential needs it: the Data Integrity
 * signature check (and key resolution), VC-JWT, status lists (only for a credential with credentialStatus) and the
 * schema validator (only with credentialSchema). A module that cannot be loaded makes its check indeterminate.
 */
import { ABORTED_MESSAGE, CHECK_IDS, verdictOf, type Check, type CheckId, type VerificationResult } from './result.js';
import { loadInput, type CredentialInput } from './load/input.js';
import { isObject, type JsonObject } from './load/json.js';
import { checkFormat } from './checks/format.js';
import type { SignatureOutcome } from './checks/signature.js';
import { checkValidity, parseDateTime } from './checks/validity.js';
import { noSchema, noStatus } from './checks/absent.js';
import { buildView, identifierOf } from './view.js';
import { errorText, type FetchLike, type NetOptions } from './net.js';
import type { StatusListCache } from './status/cache.js';
import type { DocumentCache } from './resolve/cache.js';
import { once } from './util/once.js';

export interface VerifyOptions {
  /** The fetch used for every request (credential, DID documents, key documents). Default: globalThis.fetch. */
  fetch?: FetchLike;
  /** The clock: a Date, an ISO date-time, or a function returning the current time. Default: the current time. */
  now?: Date | string | (() => Date);
  /** Cancels verification; the result then says so. */
  signal?: AbortSignal;
  /** Extra JSON-LD contexts to trust, by URL (never fetched). */
  contexts?: Record<string, object>;
  /** Milliseconds a request may take. Default 10 000. */
  timeoutMs?: number;
  /** Bytes a fetched document or a baked image may have. Default 5 MB. */
  maxBytes?: number;
  /** Clock skew allowed on the validity window, in milliseconds. Default 5 minutes. */
  clockSkewMs?: number;
  /** Where status lists are kept between verifications. Default: one cache shared by the whole page. */
  statusCache?: StatusListCache;
  /** Where DID documents, controller documents and key sets are kept between verifications that use the same fetch. Default: one cache shared by the whole page. */
  documentCache?: DocumentCache;
  /** Called as each step starts (`load`, then the check ids), so a page can show progress. Errors it throws are ignored. */
  onProgress?: (step: ProgressStep) => void;
}

export type ProgressStep = 'load' | CheckId;

export const DEFAULTS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, clockSkewMs: 5 * 60_000, maxDepth: 64 } as const;

export async function verifyCredential(input: CredentialInput | unknown, options: VerifyOptions = {}): Promise<VerificationResult> {
  try {
    return await run(input, options, { depth: 0, isStatusList: false });
  } catch (error) {
    // Nothing below is expected to throw; this keeps the promise of a result if something does.
    return finish([{ id: 'format', outcome: 'indeterminate', code: 'internal-error', message: `Verification could not run: ${errorText(error)}.` }]);
  }
}

interface Mode {
  /** How deep inside a CLR transcript or an endorsement this credential sits. */
  depth: number;
  /** The input is a status list fetched for another credential; its own status is not looked up. */
  isStatusList: boolean;
}

/** Nested credentials and endorsements are followed this deep, and this many at each level. */
const MAX_DEPTH = 2;
const MAX_NESTED = 100;

async function run(input: unknown, options: VerifyOptions, mode: Mode): Promise<VerificationResult> {
  const { isStatusList } = mode;
  const now = clock(options.now);
  if (!now) return finish([{ id: 'format', outcome: 'indeterminate', code: 'internal-error', message: 'options.now is not a valid date.' }]);
  const fetch = options.fetch ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined);
  const net: NetOptions = {
    fetch: fetch ?? (() => Promise.reject(new Error('no fetch is available'))),
    signal: options.signal,
    timeoutMs: positive(options.timeoutMs, DEFAULTS.timeoutMs),
    maxBytes: positive(options.maxBytes, DEFAULTS.maxBytes),
  };
  const extraContexts = new Map(Object.entries(options.contexts ?? {}).filter(([url, ctx]) => typeof url === 'string' && ctx && typeof ctx === 'object'));

  const progress = (step: ProgressStep) => {
    if (mode.depth > 0 || mode.isStatusList) return;
    try {
      options.onProgress?.(step);
    } catch {
      // A page's progress handler cannot break verification.
    }
  };
  progress('load');
  const loaded = await loadInput(input, { net, maxChars: net.maxBytes, maxDepth: DEFAULTS.maxDepth });
  if (!loaded.ok) return finish([{ id: 'format', outcome: loaded.code === 'aborted' || loaded.code === 'unsupported-input' ? 'indeterminate' : 'failed', code: loaded.code, message: loaded.message }]);
  const credential = loaded.credential;

  progress('format');
  const format = checkFormat(credential, new Set(extraContexts.keys()));
  if (!format.facts) return finish([format.check], credential);
  const { facts } = format;

  progress('signature');
  // The modules of the later checks load while the signature is checked (on a cold page, their chunks arrive
  // alongside). Only the library's own code: no URL the credential names is requested before its signature holds.
  if (credential.credentialStatus !== undefined && !isStatusList) modules.status().catch(() => undefined);
  if (credential.credentialSchema !== undefined) modules.schema().catch(() => undefined);
  const resolve = { net, documents: new Map(), cache: options.documentCache, now: now.getTime(), partition: options.fetch ?? globalThis.fetch };
  const jwt = loaded.source.jwt;
  const signature: SignatureOutcome = jwt
    ? await modules
        .jwt()
        // A module that does not load (here or later, as jose for an unusual token) leaves the check not run.
        .then(({ checkJwtSignature }) => checkJwtSignature(jwt, credential, facts.issuerId, resolve))
        .catch((error: unknown) => ({ check: notLoaded('signature', 'The JWT', error) }))
    : await modules
        .signature()
        .then(({ checkSignature }) => checkSignature(credential, facts.issuerId, resolve, extraContexts))
        .catch((error: unknown) => ({ check: notLoaded('signature', 'The proof', error) }));
  if (options.signal?.aborted) return finish([format.check, { id: 'signature', outcome: 'indeterminate', code: 'aborted', message: ABORTED_MESSAGE }], credential);
  const checks: Check[] = [signature.malformed ?? format.check, signature.check];
  progress('validity');
  checks.push(checkValidity(credential, facts.version, now, positive(options.clockSkewMs, DEFAULTS.clockSkewMs), jwt?.claims));
  progress('status');
  checks.push(await statusCheck(credential, facts.issuerId, signature.check, { net, now, options, isStatusList }));
  progress('schema');
  checks.push(
    credential.credentialSchema === undefined
      ? noSchema()
      : await modules.schema().then(
          ({ checkSchema }) => checkSchema(credential),
          (error: unknown) => notLoaded('schema', 'The schema', error),
        ),
  );
  const verifiedIdentifier = signature.signer ? identifierOf(signature.signer) : undefined;
  const result = finish(checks, credential, buildView(credential, verifiedIdentifier));
  if (mode.depth >= MAX_DEPTH || isStatusList) return result;
  const inner: Mode = { depth: mode.depth + 1, isStatusList: false };
  const [nested, endorsements] = await Promise.all([
    facts.types.includes('ClrCredential') ? Promise.all(nestedCredentials(credential).map((c) => run(c, options, inner))) : undefined,
    Promise.all(endorsementsOf(credential).map((c) => run(c, options, inner))),
  ]);
  if (endorsements.length) result.endorsements = endorsements;
  if (nested) {
    const count = (v: VerificationResult['verdict']) => nested.filter((n) => n.verdict === v).length;
    result.nested = nested;
    result.nestedSummary = { total: nested.length, verified: count('verified'), failed: count('failed'), indeterminate: count('indeterminate') };
    result.verdict = nested.reduce((worst, n) => worse(worst, n.verdict), result.verdict);
  }
  return result;
}

function worse(a: VerificationResult['verdict'], b: VerificationResult['verdict']): VerificationResult['verdict'] {
  return a === 'failed' || b === 'failed' ? 'failed' : a === 'indeterminate' || b === 'indeterminate' ? 'indeterminate' : 'verified';
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** CLR 2.0: the credentials of the transcript (objects, or compact JWS strings). */
function nestedCredentials(credential: JsonObject): unknown[] {
  return asList(credential.credentialSubject)
    .flatMap((s) => (isObject(s) ? asList(s.verifiableCredential) : []))
    .slice(0, MAX_NESTED);
}

/** Endorsements of the credential, of its achievement and of its issuer (objects, or JWTs in endorsementJwt). */
function endorsementsOf(credential: JsonObject): unknown[] {
  const holders: unknown[] = [credential, credential.issuer, ...asList(credential.credentialSubject).map((s) => (isObject(s) ? s.achievement : undefined))];
  return holders
    .filter(isObject)
    .flatMap((h) => [...asList(h.endorsement), ...asList(h.endorsementJwt)])
    .slice(0, MAX_NESTED);
}

async function statusCheck(
  credential: JsonObject,
  issuerId: string,
  signature: Check,
  ctx: { net: NetOptions; now: Date; options: VerifyOptions; isStatusList: boolean },
): Promise<Check> {
  const hasStatus = credential.credentialStatus !== undefined;
  if (hasStatus && ctx.isStatusList) return { id: 'status', outcome: 'skipped', code: 'not-run', message: 'The status of a status list is not looked up.' };
  // A forged credential's status URLs are the forger's choice: they are not fetched.
  if (hasStatus && signature.outcome === 'failed') {
    return { id: 'status', outcome: 'skipped', code: 'not-run', message: 'Not looked up: the signature check failed, so the status entries cannot be trusted.' };
  }
  if (!hasStatus) return noStatus();
  let status: typeof import('./checks/status.js');
  try {
    status = await modules.status();
  } catch (error) {
    return notLoaded('status', 'The status', error);
  }
  return status.checkStatus(credential, issuerId, {
    net: ctx.net,
    now: ctx.now,
    // Default (undefined): the cache shared by the whole page.
    cache: ctx.options.statusCache,
    verifyList: (bytes) => run(bytes, ctx.options, { depth: MAX_DEPTH, isStatusList: true }),
  });
}

/** The lazily loaded modules, each imported once (../util/once.ts). */
const modules = {
  jwt: once(() => import('./proofs/vc-jwt.js')),
  signature: once(() => import('./checks/signature.js')),
  schema: once(() => import('./checks/schema.js')),
  status: once(() => import('./checks/status.js')),
};

/** A check whose module could not be loaded (a lazily loaded chunk failed to arrive): it could not run. */
function notLoaded(id: CheckId, what: string, error: unknown): Check {
  return { id, outcome: 'indeterminate', code: 'internal-error', message: `${what} could not be checked: ${errorText(error)}.` };
}

/** Completes the list so every check id appears once, in order: checks that did not run say why. */
function finish(checks: Check[], credential?: JsonObject, view?: VerificationResult['view']): VerificationResult {
  const byId = new Map<CheckId, Check>(checks.map((c) => [c.id, c]));
  const all = CHECK_IDS.map(
    (id) => byId.get(id) ?? { id, outcome: 'skipped' as const, code: 'not-run' as const, message: 'Not run: an earlier check could not complete.' },
  );
  return {
    verdict: verdictOf(all),
    checks: all,
    ...(credential ? { credential } : {}),
    ...(view ? { view } : credential ? { view: safeView(credential) } : {}),
  };
}

function safeView(credential: JsonObject): VerificationResult['view'] {
  try {
    return buildView(credential);
  } catch {
    return undefined;
  }
}

function clock(now: VerifyOptions['now']): Date | undefined {
  const value = typeof now === 'function' ? now() : now === undefined ? new Date() : typeof now === 'string' ? new Date(parseDateTime(now) ?? Number.NaN) : now;
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : undefined;
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
