/**
 * The pinned contexts for the Data Integrity path, one URL at a time: each is imported the first time a document
 * names it, then kept as one shared, deep-frozen document for the rest of the page or process. Nothing is loaded at
 * import time, and nothing is ever fetched from the URL itself.
 */
import { CONTEXT_IMPORTERS } from './importers.js';

const loaded = new Map<string, Promise<object>>();

/** Whether `url` is a pinned context. */
export function isPinnedContext(url: string): boolean {
  return Object.prototype.hasOwnProperty.call(CONTEXT_IMPORTERS, url);
}

/**
 * The pinned context at `url` (undefined when it is not pinned). The document is shared and frozen: jsonld reads it
 * and keeps what it makes of it, but cannot change it. Rejects only when the context's module could not be loaded
 * (a chunk a page failed to fetch); the next call tries again.
 */
export function loadPinnedContext(url: string): Promise<object | undefined> {
  if (!isPinnedContext(url)) return Promise.resolve(undefined);
  let pending = loaded.get(url);
  if (!pending) {
    pending = CONTEXT_IMPORTERS[url]!().then((module) => prepare(module.default, url));
    pending.catch(() => loaded.delete(url));
    loaded.set(url, pending);
  }
  return pending;
}

/**
 * A frozen copy of the context. jsonld writes into a loaded context in one place only: when it resolves context URLs
 * against the document's URL, it assigns each resolved URL back into the array or term definition that holds it
 * (`_resolveContextUrls` in jsonld's ContextResolver). Those containers stay unfrozen; every URL they hold is checked
 * to be absolute, so jsonld writes back exactly the value that is there. All else is frozen.
 */
function prepare(source: unknown, url: string): object {
  const document = structuredClone(source) as Record<string, unknown>;
  const written = new Set<object>();
  const absolute = (value: string) => {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) throw new Error(`Pinned context ${url}: relative context URL ${value}`);
  };
  const walk = (context: unknown) => {
    if (typeof context === 'string') return absolute(context);
    if (Array.isArray(context)) {
      written.add(context);
      for (const entry of context) {
        if (typeof entry === 'string') absolute(entry);
        else walk(entry);
      }
      return;
    }
    if (!context || typeof context !== 'object') return;
    for (const definition of Object.values(context)) {
      if (definition && typeof definition === 'object' && !Array.isArray(definition) && '@context' in definition) {
        const scoped = (definition as Record<string, unknown>)['@context'];
        if (typeof scoped === 'string' || Array.isArray(scoped)) written.add(definition);
        walk(scoped);
      }
    }
  };
  walk(document['@context']);
  const freeze = (value: unknown) => {
    if (!value || typeof value !== 'object' || Object.isFrozen(value)) return;
    for (const child of Object.values(value)) freeze(child);
    if (!written.has(value)) Object.freeze(value);
  };
  freeze(document);
  return document;
}
