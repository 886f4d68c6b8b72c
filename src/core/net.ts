/**
 * The one way the core touches the network: a GET through the injected fetch, with no credentials, no referrer, no
 * custom headers (so no CORS preflight), a timeout and a size cap. Never throws, never hangs.
 *
 * - The timeout covers the whole exchange: connecting, the headers and every byte of the body. It holds even when
 *   the injected fetch (or the body stream it returns) ignores the abort signal: each wait is raced against it.
 * - Redirects are followed by the fetch itself (browsers do not let a page follow them by hand); the URL the
 *   response finally came from must still be https (plain http only for loopback hosts), so a redirect to plain
 *   http is refused. A redirect loop ends as the fetch's own error ("redirect count exceeded") and is reported as
 *   a failed fetch.
 * - The content type is returned, not judged: what a body must be depends on the request (see the callers).
 */
import type { Code } from './result.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface NetOptions {
  fetch: FetchLike;
  signal?: AbortSignal;
  /** Milliseconds before a request is abandoned. */
  timeoutMs: number;
  /** Bytes a response may have at most. */
  maxBytes: number;
}

export type FetchOutcome =
  | { ok: true; url: string; bytes: Uint8Array; contentType: string }
  | { ok: false; code: Extract<Code, 'insecure-url' | 'fetch-failed' | 'http-error' | 'timeout' | 'too-large' | 'aborted'>; message: string; status?: number };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https URLs, and plain http only for loopback hosts (which browsers treat as secure contexts). */
export function isAllowedUrl(url: string | URL): boolean {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname));
}

/** GET a URL under the rules above. */
export async function fetchBytes(url: string, opts: NetOptions): Promise<FetchOutcome> {
  if (!isAllowedUrl(url)) {
    return { ok: false, code: 'insecure-url', message: `Refused to fetch ${describe(url)}: only https URLs are fetched (http only for localhost).` };
  }
  if (opts.signal?.aborted) return { ok: false, code: 'aborted', message: 'Verification was cancelled.' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const failure = (error: unknown): FetchOutcome => {
    if (timedOut) return { ok: false, code: 'timeout', message: `No complete answer from ${describe(url)} within ${opts.timeoutMs} ms.` };
    if (opts.signal?.aborted) return { ok: false, code: 'aborted', message: 'Verification was cancelled.' };
    return { ok: false, code: 'fetch-failed', message: `Could not fetch ${describe(url)}: ${fetchErrorText(error)}.` };
  };
  try {
    let response: Response;
    try {
      response = await untilAborted(
        opts.fetch(url, {
          method: 'GET',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          redirect: 'follow',
          signal: controller.signal,
        }),
        controller.signal,
      );
    } catch (error) {
      return failure(error);
    }
    if (!response || typeof response !== 'object' || typeof response.status !== 'number' || typeof response.headers?.get !== 'function') {
      return { ok: false, code: 'fetch-failed', message: `Could not fetch ${describe(url)}: the fetch function returned no response.` };
    }
    const finalUrl = response.url || url;
    if (!isAllowedUrl(finalUrl)) {
      cancel(response);
      return { ok: false, code: 'insecure-url', message: `${describe(url)} redirected to ${describe(finalUrl)}, which is not https.` };
    }
    if (!response.ok) {
      cancel(response);
      return { ok: false, code: 'http-error', status: response.status, message: `${describe(url)} answered HTTP ${response.status}.` };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      cancel(response);
      return tooLarge(url, opts.maxBytes);
    }
    try {
      const bytes = await readCapped(response, opts.maxBytes, controller.signal);
      if (!bytes) return tooLarge(url, opts.maxBytes);
      return { ok: true, url: finalUrl, bytes, contentType: response.headers.get('content-type') ?? '' };
    } catch (error) {
      return failure(error);
    }
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Reads a body, stopping (and cancelling the stream) as soon as it passes the cap; undefined when it did. Each read
 * is raced against `signal`, so a stream that drips and ignores cancellation still ends at the timeout.
 */
async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<Uint8Array | undefined> {
  const body = response.body;
  if (!body) {
    const buffer = new Uint8Array(await untilAborted(response.arrayBuffer(), signal));
    return buffer.byteLength > maxBytes ? undefined : buffer;
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      if (!(value instanceof Uint8Array)) throw new TypeError('the response body is not a byte stream');
      total += value.byteLength;
      if (total > maxBytes) {
        reader.cancel().catch(() => undefined);
        return undefined;
      }
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }
  return concat(chunks, total);
}

/** `promise`, or a rejection as soon as `signal` aborts (whether or not whatever made the promise listens). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(new Error('aborted'));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export function concat(chunks: readonly Uint8Array[], total = chunks.reduce((n, c) => n + c.byteLength, 0)): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function cancel(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

function tooLarge(url: string, maxBytes: number): FetchOutcome {
  return { ok: false, code: 'too-large', message: `${describe(url)} is larger than the ${formatBytes(maxBytes)} cap.` };
}

export function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}

/** A URL shortened for messages (no query string, at most 120 characters). */
export function describe(url: string): string {
  const text = url.split(/[?#]/, 1)[0] ?? url;
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * Why a fetch failed. Fetch implementations reject with a generic message ("fetch failed") and keep the reason in
 * `cause` (connection refused or reset, redirect count exceeded, certificate errors): both are reported.
 */
function fetchErrorText(error: unknown): string {
  const text = errorText(error);
  const cause = error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
  if (cause === undefined || cause === null) return text;
  const reason = errorText(cause);
  const code = typeof (cause as { code?: unknown }).code === 'string' ? (cause as { code: string }).code : '';
  const detail = reason && reason !== text ? reason : code;
  return detail ? `${text} (${detail}${code && detail !== code && !detail.includes(code) ? `, ${code}` : ''})` : text;
}

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
