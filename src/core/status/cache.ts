/**
 * A cache of status lists, shared by every verification on a page by default: one request and one verification per
 * distinct list URL while the entry lives, and one in-flight promise for concurrent verifications. Bounded in size
 * (least recently used out first) and in time; failures are not kept, so a later verification tries again.
 */
export interface StatusListCacheOptions {
  /** How long a fetched list is trusted, in milliseconds. Default 5 minutes. */
  ttlMs?: number;
  /** How many lists are kept at most. Default 100. */
  maxEntries?: number;
}

export class StatusListCache<T = unknown> {
  readonly ttlMs: number;
  readonly maxEntries: number;
  #entries = new Map<string, { expires: number; value: Promise<T> }>();

  constructor(options: StatusListCacheOptions = {}) {
    this.ttlMs = options.ttlMs !== undefined && options.ttlMs >= 0 ? options.ttlMs : 5 * 60_000;
    this.maxEntries = options.maxEntries !== undefined && options.maxEntries > 0 ? Math.floor(options.maxEntries) : 100;
  }

  /** The cached value for `key`, or the one `load` produces (kept unless `keep` says it is a failure). */
  get(key: string, now: number, load: () => Promise<T>, keep: (value: T) => boolean): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) {
      // Least recently used goes first: a hit moves to the back of the Map's order.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.value;
    }
    const value = load().then(
      (v) => {
        if (!keep(v) && this.#entries.get(key)?.value === value) this.#entries.delete(key);
        return v;
      },
      (error: unknown) => {
        if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
        throw error;
      },
    );
    this.#entries.delete(key);
    this.#entries.set(key, { expires: now + this.ttlMs, value });
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }

  /** Forgets every list (tests, or a page that wants fresh answers). */
  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}

let shared: StatusListCache | undefined;

/** The page-wide cache used when a verification names none; created on first use, not at import. */
export function sharedStatusListCache(): StatusListCache {
  shared ??= new StatusListCache();
  return shared;
}
