// A small time-to-live cache with an injected clock (pure; tests drive the clock).

export interface TtlCacheOptions {
  /** Default lifetime of an entry in milliseconds. */
  readonly ttlMs: number;
  /** Oldest entries are evicted beyond this many (insertion order). */
  readonly maxEntries?: number;
  /** Milliseconds since some epoch; `Date.now` unless injected. */
  readonly now?: () => number;
}

export class TtlCache<K, V> {
  readonly #entries = new Map<K, { value: V; expiresAt: number }>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: TtlCacheOptions) {
    this.#ttlMs = Math.max(0, options.ttlMs);
    this.#maxEntries = Math.max(1, options.maxEntries ?? 500);
    this.#now = options.now ?? Date.now;
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (this.#now() >= entry.expiresAt) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /** Stores `value` for `ttlMs` (default: the cache's TTL). A TTL of 0 or less stores nothing. */
  set(key: K, value: V, ttlMs: number = this.#ttlMs): void {
    this.#entries.delete(key);
    if (!(ttlMs > 0)) return;
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Drops expired entries; returns how many are left. */
  prune(): number {
    const now = this.#now();
    for (const [key, entry] of this.#entries) if (now >= entry.expiresAt) this.#entries.delete(key);
    return this.#entries.size;
  }

  get size(): number {
    return this.#entries.size;
  }
}
