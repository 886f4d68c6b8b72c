/**
 * Where a passport's badges come from: a list fetched from `src` (a JSON array of credentials or credential URLs, a
 * Verifiable Presentation, or a CLR 2.0 transcript) or the `.credentials` property. Pure apart from the one fetch,
 * which goes through the core's network rules (https only, no cookies, a timeout and a size cap). Never throws.
 */
import { DEFAULTS, type BadgeView } from '../../core/index.js';
import { fetchBytes, type FetchLike } from '../../core/net.js';
import { isObject, parseJson, type JsonObject } from '../../core/load/json.js';
import { buildView } from '../../core/view.js';
import { verifierOptions } from '../shared/config.js';
import { yieldIfDue } from '../../core/util/yield.js';

const SLICE_MS = 8;

/** More badges than this in one passport are left out (with a warning): a list is data from elsewhere. */
export const MAX_BADGES = 500;

/** One card of the passport. */
export interface Entry {
  /** Stable for the life of one list; the card's key in the grid. */
  key: string;
  /** Position in the list as given. */
  index: number;
  /** A credential URL the card loads itself (its `src`). */
  src?: string;
  /** Anything else the card verifies (its `.credential`): an object, JSON or JWT text, bytes. */
  credential?: unknown;
  /**
   * Name, dates and skills read from an object before it is verified, used only to sort and filter cards that are
   * still verifying (never rendered, never counted).
   */
  preview?: BadgeView;
}

export type ListError = 'insecure' | 'network' | 'http' | 'timeout' | 'too-large' | 'format';

export type LoadedList =
  | { ok: true; entries: Entry[]; truncated: boolean }
  | { ok: false; error: ListError; status?: number };

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const ENVELOPED = /^data:application\/vc\+jwt,/i;

const typesOf = (value: JsonObject): unknown[] => (Array.isArray(value.type) ? value.type : [value.type]);
const listOf = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

export function isClr(value: unknown): boolean {
  return isObject(value) && typesOf(value).includes('ClrCredential');
}

/**
 * The credentials a JSON value stands for, or undefined when it is none of the shapes a passport reads: an array, a
 * Verifiable Presentation (`verifiableCredential`), or a single credential (a CLR transcript among them).
 */
export function itemsOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return undefined;
  if (isClr(value)) return [value];
  if (value.credentialSubject !== undefined) return [value];
  if (value.verifiableCredential !== undefined) return listOf(value.verifiableCredential);
  return undefined;
}

/** A CLR transcript comes first as itself, then each credential it holds; anything else is itself. */
function expand(item: unknown): unknown[] {
  if (!isObject(item) || !isClr(item)) return [item];
  const subject = listOf(item.credentialSubject).find(isObject);
  return [item, ...listOf(subject?.verifiableCredential)];
}

/**
 * The cards for a list. `base` resolves relative URLs (the list's own URL, or the page); `prefix` makes keys unique
 * across lists, so a new list never reuses the cards (and results) of the one before.
 */
export function entriesOf(value: unknown, base: string, prefix: string, previews = true): { entries: Entry[]; truncated: boolean } | undefined {
  const items = itemsOf(value);
  if (!items) return undefined;
  const entries: Entry[] = [];
  let truncated = false;
  for (const item of items.flatMap(expand)) {
    if (entries.length >= MAX_BADGES) {
      truncated = true;
      break;
    }
    entries.push({ key: `${prefix}.${entries.length}`, index: entries.length, ...entryOf(item, base, previews) });
  }
  return { entries, truncated };
}

function entryOf(item: unknown, base: string, previews: boolean): Pick<Entry, 'src' | 'credential' | 'preview'> {
  if (item instanceof URL) return { src: item.href };
  if (typeof item === 'string') {
    const text = item.trim();
    if (JWT.test(text) || text.startsWith('{')) return { credential: text };
    try {
      return { src: new URL(text, base).href };
    } catch {
      // Not a URL, not a JWT: the card reports it as unreadable.
      return { credential: text };
    }
  }
  if (isObject(item) && Object.getPrototypeOf(item) === Object.prototype) {
    // VC 2.0 presentations may wrap a VC-JWT as an EnvelopedVerifiableCredential with a data: URL.
    if (typesOf(item).includes('EnvelopedVerifiableCredential') && typeof item.id === 'string' && ENVELOPED.test(item.id)) {
      return { credential: item.id.slice(item.id.indexOf(',') + 1) };
    }
    return { credential: item, preview: previews ? previewOf(item) : undefined };
  }
  return { credential: item };
}

function previewOf(credential: JsonObject): BadgeView | undefined {
  if (!('credentialSubject' in credential)) return undefined;
  try {
    return buildView(credential);
  } catch {
    return undefined;
  }
}

const ERRORS: Record<string, ListError> = {
  'insecure-url': 'insecure',
  'fetch-failed': 'network',
  aborted: 'network',
  'http-error': 'http',
  timeout: 'timeout',
  'too-large': 'too-large',
};

/** Fetches and reads the list at `src` (relative to `base`) through the page configuration's fetch. */
export async function loadList(src: string, base: string, prefix: string, signal?: AbortSignal): Promise<LoadedList> {
  let url: string;
  try {
    url = new URL(src.trim(), base).href;
  } catch {
    return { ok: false, error: 'insecure' };
  }
  const options = verifierOptions();
  const fetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  const fetched = await fetchBytes(url, { fetch, signal, timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs, maxBytes });
  if (!fetched.ok) return { ok: false, error: ERRORS[fetched.code] ?? 'network', status: fetched.status };
  const parsed = parseJson(new TextDecoder().decode(fetched.bytes), { maxChars: maxBytes, maxDepth: DEFAULTS.maxDepth });
  if (!parsed.ok) return { ok: false, error: parsed.code === 'too-large' ? 'too-large' : 'format' };
  // A long list is read a slice at a time (the previews are most of the work), the page getting a turn between.
  const list = entriesOf(parsed.value, fetched.url, prefix, false);
  if (!list) return { ok: false, error: 'format' };
  for (const entry of list.entries) {
    const pause = yieldIfDue(SLICE_MS);
    if (pause) await pause;
    if (isObject(entry.credential)) entry.preview = previewOf(entry.credential);
  }
  return { ok: true, ...list };
}
