/**
 * A cache of the documents keys are found in (did:web DID documents, https controller documents and issuer profiles,
 * JWK sets), shared by every verification on a page by default: one request per document while the entry lives,
 * and one in-flight request for concurrent verifications, so a hundred badges of one issuer cost one request.
 *
 * Bounded as an LRU: at most `maxEntries` documents and `maxBytes` bytes of fetched bodies; the least recently used
 * go first, and a document larger than the whole budget is used once and not kept. A document is kept for `ttlMs`;
 * a failure (unreachable, not JSON) for `failureTtlMs` after the request ended, so a dead host costs one timeout per
 * window rather than one per badge, and a host that comes back is asked again soon. A request cancelled by its
 * caller is not kept at all. Times are measured on the verifications' clock (`options.now`), as in the status-list
 * cache.
 *
 * Entries are partitioned by the fetch function that made them: what one fetch returned is not handed to a
 * verification that uses another (a page's proxying fetch, a test's fake network).
 */
import type { DocumentFetch } from './keys.js';

export interface DocumentCacheOptions {
  /** How long a fetched document is trusted, in milliseconds. Default 5 minutes. */
  ttlMs?: number;
  /**
   * How long a failed fetch is remembered after it ended, in milliseconds (at least this long, and at most this plus
   * the request's timeout, since the window is counted from when the request started). Default 10 seconds; 0 keeps
   * none.
   */
  failureTtlMs?: number;
  /** How many documents (and remembered failures) are kept at most. Default 100. */
  maxEntries?: number;
  /** How many bytes of fetched bodies are kept at most. Default 4 MB. */
  maxBytes?: number;
}

/** What a loader hands the cache along with its value. */
export interface CacheLoad<T> {
  value: T;
  /** How long to keep it, counted from the lookup that started the request; 0 or less: do not keep. */
  keepMs: number;
  /** Bytes it accounts for (the fetched body). */
  bytes: number;
}

interface Entry<T> {
  /** Undefined while the request is in flight (in-flight entries never expire). */
  expires?: number;
  bytes: number;
  value: Promise<T>;
}

export class DocumentCache<T = DocumentFetch> {
  readonly ttlMs: number;
  readonly failureTtlMs: number;
  readonly maxEntries: number;
  readonly maxBytes: number;
  #entries = new Map<string, Entry<T>>();
  #bytes = 0;
  #partitions = new WeakMap<object, number>();
  #nextPartition = 1;

  constructor(options: DocumentCacheOptions = {}) {
    const nonNegative = (v: number | undefined, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);
    const positive = (v: number | undefined, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.floor(v) : fallback);
    this.ttlMs = nonNegative(options.ttlMs, 5 * 60_000);
    this.failureTtlMs = nonNegative(options.failureTtlMs, 10_000);
    this.maxEntries = positive(options.maxEntries, 100);
    this.maxBytes = positive(options.maxBytes, 4 * 1024 * 1024);
  }

  /**
   * The value for `key` in `partition` (the fetch function), or the one `load` produces. Concurrent callers share
   * one in-flight load. `now` is the caller's clock, in milliseconds.
   */
  get(partition: object, key: string, now: number, load: () => Promise<CacheLoad<T>>): Promise<T> {
    const id = `${this.#partitionId(partition)} ${key}`;
    const hit = this.#entries.get(id);
    if (hit && (hit.expires === undefined || hit.expires > now)) {
      // Most recently used goes last.
      this.#entries.delete(id);
      this.#entries.set(id, hit);
      return hit.value;
    }
    if (hit) this.#remove(id);
    const entry: Entry<T> = { bytes: 0, value: undefined as unknown as Promise<T> };
    entry.value = load().then(
      (loaded) => {
        if (this.#entries.get(id) === entry) {
          if (loaded.keepMs > 0 && loaded.bytes <= this.maxBytes) {
            entry.expires = now + loaded.keepMs;
            entry.bytes = Math.max(0, loaded.bytes);
            this.#bytes += entry.bytes;
            this.#evict(id);
          } else this.#remove(id);
        }
        return loaded.value;
      },
      (error: unknown) => {
        if (this.#entries.get(id) === entry) this.#remove(id);
        throw error;
      },
    );
    this.#entries.set(id, entry);
    this.#evict(id);
    return entry.value;
  }

  /** Forgets every document (tests, or a page that wants fresh answers). */
  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  /** Documents kept or in flight. */
  get size(): number {
    return this.#entries.size;
  }

  /** Bytes of the documents kept. */
  get bytes(): number {
    return this.#bytes;
  }

  #partitionId(partition: object): number {
    let id = this.#partitions.get(partition);
    if (id === undefined) {
      id = this.#nextPartition++;
      this.#partitions.set(partition, id);
    }
    return id;
  }

  #remove(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#bytes -= entry.bytes;
    this.#entries.delete(id);
  }

  /** Drops the least recently used entries (never `keep`, the one just added) until both limits hold. */
  #evict(keep: string): void {
    for (const id of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) return;
      if (id !== keep) this.#remove(id);
    }
  }
}

let shared: DocumentCache | undefined;

/** The page-wide cache used when a verification names none; created on first use, not at import. */
export function sharedDocumentCache(): DocumentCache {
  shared ??= new DocumentCache();
  return shared;
}
