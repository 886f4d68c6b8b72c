/**
 * Warm-up: verifies a small embedded Data Integrity credential with a status entry (src/core/warm-credential.ts,
 * signed by a did:key; its status list is embedded too, so nothing is fetched) to load the Data Integrity and status
 * modules and the two contexts most badges use, and to let the engine compile the path, before a page's first real
 * badge pays for it. Never throws; resolves true when the warm-up credential verified (false means the path is not
 * ready: a chunk could not load, or no WebCrypto and no fallback).
 */
import { verifyCredential } from './verify.js';
import { StatusListCache } from './status/cache.js';

let preloading: Promise<unknown> | undefined;
/**
 * In the browser bundle, the files of the chunks that the modules `preloadDataIntegrity` imports import in turn
 * (jsonld's, the curve helpers', ...): vite.bundle.config.ts writes them in place of this string. Elsewhere it stays
 * a string and nothing more is requested.
 */
const NEXT_LEVEL: unknown = '__vb_next_level_chunks__';
/** The context URLs preloading has asked for already (bounded: a page names a handful). */
const preloaded = new Set<string>();

/**
 * Starts loading, all at once, the modules a Data Integrity verification would otherwise load one after the other
 * (the signature check and key resolution, the Data Integrity path with jsonld, the status check), and the pinned
 * contexts in `contexts` (a credential's `@context`): a page that knows Data Integrity badges are coming saves the
 * round trips of that chain. Nothing is verified and nothing but the library's own modules is requested; where
 * modules are already loaded this costs nothing. Never throws; a module that fails to load is loaded again (and
 * reported) by the verification that needs it.
 */
export function preloadDataIntegrity(contexts: unknown = []): void {
  // The modules those import in turn are named here too, so that in a browser build every chunk of the path is
  // requested in this one task, not once the chunk importing it has arrived and been parsed: on a busy page the main
  // thread gets to that late, and each level of the chain would wait for it again.
  preloading ??= Promise.all([
    import('./checks/signature.js'),
    import('./resolve/keys.js'),
    import('./proofs/data-integrity.js'),
    import('./crypto/webcrypto.js'),
    import('./checks/status.js'),
    ...(Array.isArray(NEXT_LEVEL) ? NEXT_LEVEL : []).filter((file) => typeof file === 'string').map((file) => import(/* @vite-ignore */ new URL(file, import.meta.url).href)),
  ]).catch(() => {
    preloading = undefined;
  });
  const urls = (Array.isArray(contexts) ? contexts : [contexts]).filter((url): url is string => typeof url === 'string' && !preloaded.has(url));
  for (const url of urls) if (preloaded.size < 64) preloaded.add(url);
  // The table of pinned contexts comes with the Data Integrity path, not with the page's first module.
  if (urls.length) {
    void import('./contexts/load.js')
      .then(({ isPinnedContext, loadPinnedContext }) => Promise.all(urls.filter(isPinnedContext).map((url) => loadPinnedContext(url))))
      .catch(() => {});
  }
}

let warming: Promise<boolean> | undefined;

export function warmUp(): Promise<boolean> {
  warming ??= (async () => {
    try {
      // The credential is loaded with the warm-up, not with the page's first module.
      const { WARM_CREDENTIAL, WARM_NOW, WARM_STATUS_LIST, WARM_STATUS_LIST_URL } = await import('./warm-credential.js');
      const list = JSON.stringify(WARM_STATUS_LIST);
      // Only the embedded status list is served, from memory; nothing goes to the network.
      const fetch = async (input: unknown) =>
        input === WARM_STATUS_LIST_URL ? new Response(list, { status: 200, headers: { 'content-type': 'application/json' } }) : Promise.reject(new Error('the warm-up makes no request'));
      const result = await verifyCredential(structuredClone(WARM_CREDENTIAL), {
        now: WARM_NOW,
        fetch,
        // Its own cache: the page's status lists are not touched.
        statusCache: new StatusListCache({ maxEntries: 1 }),
      });
      return result.verdict === 'verified';
    } catch {
      return false;
    }
  })().then((ready) => {
    // A warm-up that did not get through (a chunk that failed to load) may be tried again later.
    if (!ready) warming = undefined;
    return ready;
  });
  return warming;
}
