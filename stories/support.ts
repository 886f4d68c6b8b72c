/**
 * Shared by .storybook/preview.ts and the stories: the offline "web" every story runs against, and small helpers.
 * Nothing here touches the network: every URL a story names is answered from the signed fixtures of
 * test/support/fixtures.ts (issued at run time with fixed test keys), or on purpose never answered.
 */
import type { Fixtures } from '../test/support/fixtures.js';

/** Where the stories "publish" their credentials (answered by the offline fetch, never requested for real). */
export const CREDENTIALS = 'https://badges.example.edu/credentials/';
export const PASSPORTS = 'https://badges.example.edu/passports/';

export const url = {
  verified: `${CREDENTIALS}verified.json`,
  revoked: `${CREDENTIALS}revoked.json`,
  tampered: `${CREDENTIALS}tampered.json`,
  /** Never answered (until the story is torn down): the card stays in its verifying state. */
  pending: `${CREDENTIALS}still-loading.json`,
  mixed: `${PASSPORTS}mixed.json`,
  mixedUrls: `${PASSPORTS}mixed-urls.json`,
  empty: `${PASSPORTS}empty.json`,
  clr: `${PASSPORTS}transcript-clr.json`,
};

/** Story parameters (`parameters.verifier`) read by the preview's loader. */
export interface VerifierParameters {
  /** Passed to configure({ trustedIssuers }). */
  trustedIssuers?: string[];
  /** Passed to configure({ timeoutMs }) (a pending story must not time out while someone looks at it). */
  timeoutMs?: number;
}

/** Every document the offline fetch serves: the fixtures' DID document and status lists, and the stories' URLs. */
export function documents(f: Fixtures): Record<string, unknown> {
  const mixed = [f.verified, f.revoked, f.suspended, f.expired, f.tampered, f.unreachable];
  return {
    ...f.documents,
    [url.verified]: f.verified,
    [url.revoked]: f.revoked,
    [url.tampered]: f.tampered,
    [`${CREDENTIALS}suspended.json`]: f.suspended,
    [`${CREDENTIALS}expired.json`]: f.expired,
    [`${CREDENTIALS}unreachable.json`]: f.unreachable,
    [url.mixed]: mixed,
    [url.mixedUrls]: ['verified', 'revoked', 'suspended', 'expired', 'tampered', 'unreachable'].map((n) => `${CREDENTIALS}${n}.json`),
    [url.empty]: [],
    [url.clr]: f.clr,
  };
}

/**
 * A fetch that answers from `docs` (404 otherwise), and never answers `pending` URLs: that request waits until it is
 * aborted (the core aborts it after its timeout, or when the element gives up), so it never holds a slot of the
 * shared verification queue forever.
 */
export function offlineFetch(docs: Record<string, unknown>, pending: readonly string[] = [url.pending]): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (pending.includes(href)) {
      return new Promise<Response>((_resolve, reject) => {
        const abort = () => reject(signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
        if (signal?.aborted) abort();
        else signal?.addEventListener('abort', abort, { once: true });
      });
    }
    if (!(href in docs)) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    return new Response(JSON.stringify(docs[href]), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

/** The fixtures a story's loaders put into `context.loaded`. */
export function fixturesOf(context: { loaded: Record<string, unknown> }): Fixtures {
  const f = context.loaded.fixtures as Fixtures | undefined;
  if (!f) throw new Error('The preview loader did not provide the fixtures (context.loaded.fixtures).');
  return f;
}

const SETTLED = ['verified', 'failed', 'indeterminate'];

/** Resolves when `element` reflects a settled `state` (verified, failed, indeterminate); rejects after `ms`. */
export async function settled(element: Element, ms = 15_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const state = element.getAttribute('state') ?? '';
    if (SETTLED.includes(state)) return state;
    if (Date.now() - started > ms) throw new Error(`<${element.localName}> did not settle within ${ms} ms (state="${state}")`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves with the first element `find()` returns, polling until `ms` has passed. */
export async function waitFor<T>(find: () => T | null | undefined, what: string, ms = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > ms) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every element of the subtree, shadow roots included. */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const out: Element[] = [];
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

/** Throws unless `element` settled in `state` and its rendered text (shadow DOM included) contains every `texts`. */
export async function expectState(element: Element, state: string, texts: (string | RegExp)[] = []): Promise<void> {
  const actual = await settled(element);
  if (actual !== state) throw new Error(`<${element.localName}> settled as "${actual}", expected "${state}"`);
  // Text rendered a frame after the attribute flips is still this render's.
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  const text = visibleText(element);
  for (const t of texts) {
    if (typeof t === 'string' ? !text.includes(t) : !t.test(text)) {
      throw new Error(`<${element.localName} state="${state}"> does not say ${String(t)}; it says: ${text.slice(0, 400)}`);
    }
  }
}

/** The text of an element and of its shadow tree (collapsed whitespace). */
export function visibleText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    if (node instanceof HTMLSlotElement) for (const n of node.assignedNodes({ flatten: true })) walk(n);
    else for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(element.shadowRoot ?? element);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
