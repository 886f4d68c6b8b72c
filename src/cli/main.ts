/**
 * The `verifiable-badges` command line (Node only; the core never imports this module).
 *
 *   verifiable-badges verify <url-or-file> [--json] [--now <ISO date>]
 *
 * `main` takes its effects (output, fetch, file reading) as parameters so tests can call it directly; the `bin/`
 * script only wires it to the process.
 */
import {open, readFile as fsReadFile} from 'node:fs/promises';
import {parseArgs} from 'node:util';
import type {Check, Outcome, Verdict, VerificationResult} from '../core/result.js';
import {VERDICTS} from '../core/result.js';

export interface CliIo {
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  fetch?: typeof fetch;
  readFile?: (path: string) => Promise<Uint8Array>;
}

/** Exit codes (sysexits.h for the non-verdict ones). */
export const EXIT = {
  verified: 0,
  failed: 1,
  indeterminate: 2,
  usage: 64,
  /** The verifier could not be loaded or broke its never-throw contract: a bug, not a verdict. */
  software: 70,
} as const;

const PROG = 'verifiable-badges';

export const USAGE = `Usage: ${PROG} verify <url-or-file> [--json] [--now <ISO date>]
       ${PROG} --help | --version

Verify an Open Badges 3.0 (or other W3C verifiable) credential.

Arguments:
  <url-or-file>   an http(s):// URL to fetch, or the path of a file holding the credential

Options:
  --json          print the whole verification result as JSON
  --now <date>    judge validity dates at this moment instead of the clock, as an ISO 8601
                  date or date-time: 2026-11-28, 2026-11-28T12:00:00Z (no offset means UTC)
  -h, --help      show this help
  --version       print the version

Exit status:
  0   verified
  1   failed (or the file could not be read)
  2   indeterminate (something could not be checked, e.g. a key or status list was unreachable)
  64  usage error
  70  internal error (the verifier could not be loaded or misbehaved)
`;

/** Files larger than this are refused before reading (the core has its own, smaller caps). */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** An expected error: printed as one line on stderr, never with a stack trace. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export async function main(argv: string[], io: CliIo = {}): Promise<number> {
  const stdout = io.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = io.stderr ?? ((s: string) => void process.stderr.write(s));
  // Colour only for a real terminal: an injected writer is never a TTY.
  const color = io.stdout === undefined && process.stdout.isTTY === true && process.env.NO_COLOR === undefined;

  try {
    const args = parseCommandLine(argv);
    if (args.help) {
      stdout(USAGE);
      return 0;
    }
    if (args.version) {
      stdout(`${await readVersion()}\n`);
      return 0;
    }

    const input = await readInput(args.target, io.readFile ?? readLocalFile);
    const verifyCredential = await loadVerifier();

    let result: VerificationResult;
    try {
      result = await verifyCredential(input, {
        ...(io.fetch ? {fetch: io.fetch} : {}),
        ...(args.now ? {now: args.now} : {}),
      });
    } catch (error) {
      throw new CliError(`internal error: the verifier threw: ${errorMessage(error)}`, EXIT.software);
    }
    if (!result || !(VERDICTS as readonly string[]).includes(result.verdict) || !Array.isArray(result.checks)) {
      throw new CliError('internal error: the verifier returned no verdict', EXIT.software);
    }

    stdout(args.json ? `${toSafeJson(result)}\n` : formatResult(result, {color}));
    return EXIT[result.verdict];
  } catch (error) {
    if (error instanceof CliError) {
      stderr(`${PROG}: ${sanitize(error.message)}\n`);
      if (error.exitCode === EXIT.usage) stderr(`\n${USAGE}`);
      return error.exitCode;
    }
    // Not expected: still one line, but say it is a bug.
    stderr(`${PROG}: internal error: ${sanitize(errorMessage(error))}\n`);
    return EXIT.software;
  }
}

interface Args {
  help: boolean;
  version: boolean;
  json: boolean;
  now?: Date;
  target: string;
}

function parseCommandLine(argv: string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        json: {type: 'boolean'},
        now: {type: 'string'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean'},
      },
    });
  } catch (error) {
    // parseArgs reports unknown options, missing option values and the like as TypeErrors with a readable message;
    // the one for an unknown option is long-winded (it explains `--`), so that one is shortened.
    const message = errorMessage(error);
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    throw new CliError(unknown ? `unknown option: ${unknown[1]}` : message, EXIT.usage);
  }
  const {values, positionals} = parsed;
  const base = {help: values.help === true, version: values.version === true, json: values.json === true};
  if (base.help || base.version) return {...base, target: ''};

  const [command, target, ...extra] = positionals;
  if (command === undefined) throw new CliError('missing command', EXIT.usage);
  if (command !== 'verify') throw new CliError(`unknown command: ${command}`, EXIT.usage);
  if (target === undefined || target === '') throw new CliError('verify needs a URL or a file', EXIT.usage);
  if (extra.length > 0) throw new CliError(`unexpected argument: ${extra[0]}`, EXIT.usage);

  let now: Date | undefined;
  if (values.now !== undefined) {
    now = parseIsoDate(values.now);
    if (!now) throw new CliError(`invalid --now date: ${values.now} (expected e.g. 2026-11-28T00:00:00Z)`, EXIT.usage);
  }
  return {...base, target, ...(now ? {now} : {})};
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-](\d{2}):(\d{2}))?)?$/;

/**
 * Strict ISO 8601 date or date-time. `Date.parse` alone is too lenient (it turns 2026-02-30 into March 2) and reads
 * a date-time without offset as local time, whereas credentials treat it as UTC.
 */
export function parseIsoDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone, zh = '00', zm = '00'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59 || Number(zh) > 23 || Number(zm) > 59) return undefined;
  // Date.parse keeps only milliseconds; longer fractions are cut to three digits.
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${zone ? zone.toUpperCase() : 'Z'}`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** An http(s) URL goes to the core as a string; anything else is a file, read as bytes (so baked images work). */
async function readInput(target: string, read: (path: string) => Promise<Uint8Array>): Promise<string | Uint8Array> {
  if (/^https?:\/\//i.test(target)) return target;
  try {
    return await read(target);
  } catch (error) {
    throw new CliError(`cannot read ${target}: ${fileErrorMessage(error)}`, EXIT.failed);
  }
}

async function readLocalFile(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error('not a regular file');
    if (info.size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / (1024 * 1024)} MiB`);
    const buffer = await handle.readFile();
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } finally {
    await handle.close();
  }
}

function fileErrorMessage(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as {code?: unknown}).code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return errorMessage(error);
  }
}

type VerifyFn = (typeof import('../core/index.js'))['verifyCredential'];

/** Loaded on demand, so `--help` and usage errors answer without loading the JSON-LD stack. */
async function loadVerifier(): Promise<VerifyFn> {
  try {
    const core = await import('../core/index.js');
    if (typeof core.verifyCredential !== 'function') throw new Error('verifyCredential is not exported');
    return core.verifyCredential;
  } catch (error) {
    throw new CliError(`internal error: could not load the verifier: ${errorMessage(error)}`, EXIT.software);
  }
}

/** The package version, from the nearest package.json named verifiable-badges (src/cli/ or dist/ alike). */
async function readVersion(): Promise<string> {
  // Through a variable: Vite would otherwise treat `new URL('./', import.meta.url)` as an asset reference.
  const here = import.meta.url;
  let dir = new URL('./', here);
  for (let i = 0; i < 4; i++) {
    try {
      const pkg: unknown = JSON.parse(await fsReadFile(new URL('package.json', dir), 'utf8'));
      if (isRecord(pkg) && pkg.name === PROG && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here: look one folder up
    }
    dir = new URL('../', dir);
  }
  return 'unknown';
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
} as const;

const OUTCOME_COLOR: Record<Outcome | Verdict, string> = {
  passed: ANSI.green,
  verified: ANSI.green,
  failed: ANSI.red,
  indeterminate: ANSI.yellow,
  skipped: ANSI.dim,
};

/**
 * The readable report: one row per check, the verdict, then what the badge claims. Every string that comes from
 * the credential or the network is passed through `sanitize`, so a credential cannot drive the terminal.
 */
export function formatResult(result: VerificationResult, options: {color?: boolean} = {}): string {
  const paint = (text: string, key: Outcome | Verdict): string =>
    options.color ? `${OUTCOME_COLOR[key] ?? ''}${text}${ANSI.reset}` : text;
  const bold = (text: string): string => (options.color ? `${ANSI.bold}${text}${ANSI.reset}` : text);

  const header = ['CHECK', 'OUTCOME', 'CODE', 'MESSAGE'];
  const rows = result.checks.map((c: Check) => [c.id, c.outcome, c.code, c.message].map((v) => sanitize(String(v))));
  const widths = [0, 1, 2].map((i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[], outcome?: Outcome): string =>
    cells
      .map((cell, i) => {
        const padded = i < 3 ? cell.padEnd(widths[i]!) : cell;
        return i === 1 && outcome ? paint(padded, outcome) : padded;
      })
      .join('  ')
      .trimEnd();

  const out: string[] = [bold(line(header))];
  result.checks.forEach((c, i) => out.push(line(rows[i]!, c.outcome)));
  out.push('', `verdict: ${paint(bold(result.verdict), result.verdict)}`);

  const view = result.view;
  const badgeName = view?.achievement?.name ?? view?.credentialName;
  if (badgeName) out.push(`badge: ${sanitize(badgeName)}`);
  if (view?.issuer.name) out.push(`issuer: ${sanitize(view.issuer.name)} (name as the credential states it)`);
  if (view?.issuer.verifiedIdentifier) out.push(`signed by: ${sanitize(view.issuer.verifiedIdentifier)} (verified)`);
  return `${out.join('\n')}\n`;
}

/**
 * Characters that can move the cursor, recolour or reorder what a terminal shows: C0 and C1 controls (ESC, CSI),
 * DEL, bidirectional overrides and isolates, line/paragraph separators and the BOM.
 */
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Makes a string safe to print: unsafe characters become visible `\uXXXX` escapes (tabs and newlines spaces). */
export function sanitize(text: string): string {
  return text.replace(UNSAFE_CHARS, (c) => (c === '\n' || c === '\r' || c === '\t' ? ' ' : escapeChar(c)));
}

/**
 * JSON with 2-space indent. JSON.stringify already escapes C0 controls; C1 controls and bidi characters are escaped
 * too, which keeps it valid JSON (they can only occur inside strings) and safe on a terminal.
 */
function toSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_JSON_CHARS, escapeChar);
}

/** UNSAFE_CHARS without C0: JSON.stringify escapes those inside strings, and the newlines outside are layout. */
const UNSAFE_JSON_CHARS = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
