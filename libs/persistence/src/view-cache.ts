/** How long and how much the views keep; `maxAgeMs` 0 turns the cache off. */
export interface ViewCacheSettings {
  maxAgeMs: number;
  /** Bound on what the cache holds, in records (a country profile weighs its records, a Table 1 summary 1). */
  maxRecords: number;
}

/** Defaults a service may take (the registry's VIEW_CACHE_MAX_AGE_MS, VIEW_CACHE_MAX_RECORDS). */
export const DEFAULT_VIEW_CACHE: ViewCacheSettings = { maxAgeMs: 30_000, maxRecords: 50_000 };

/** The inventory version a view is about to be computed at, and when it was known to be current. */
export interface ViewVersion {
  stamp: string;
  /** Taken before the stamp was read, so an entry's age is never underestimated. */
  readAt: number;
}

interface Entry {
  stamp: string;
  readAt: number;
  weight: number;
  /** A promise while it is being computed: callers at the same stamp share one computation. */
  value: Promise<unknown>;
}

/**
 * The views of this process, each kept under the version stamp (the registry's inventory version) it was
 * computed at. An entry is served only to a reader who found the same stamp
 * and only until it is `maxAgeMs` old; the least recently used entries go
 * when the cache would hold more than `maxRecords`. The version decides
 * correctness; the age only bounds how long a stamp that a crashed write
 * never retired can be trusted.
 */
export class ViewCache {
  /** Map order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<string, Entry>();
  private weight = 0;

  constructor(
    private readonly settings: ViewCacheSettings,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.settings.maxAgeMs > 0 && this.settings.maxRecords > 0;
  }

  /** The time to put in a ViewVersion, taken before its stamp is read. */
  clock(): number {
    return this.now();
  }

  /** How many records the cache holds now (entries being computed weigh 1). */
  get size(): { entries: number; records: number } {
    return { entries: this.entries.size, records: this.weight };
  }

  /**
   * The view `key` at `version`: the cached one if it was computed at that
   * stamp and is young enough, else `compute()`'s, which is kept for the
   * readers that find the same stamp. Without a version (a jurisdiction that
   * has never written, or the cache off) it computes and keeps nothing.
   */
  read<T>(key: string, version: ViewVersion | null, compute: () => Promise<T>, weigh: (value: T) => number): Promise<T> {
    if (!this.enabled || version === null) return compute();
    const found = this.entries.get(key);
    if (found && found.stamp === version.stamp && this.now() - found.readAt <= this.settings.maxAgeMs) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value as Promise<T>;
    }
    if (found) this.remove(key, found);
    const value = compute();
    const entry: Entry = { stamp: version.stamp, readAt: version.readAt, weight: 1, value };
    this.entries.set(key, entry);
    this.weight += entry.weight;
    value.then(
      (computed) => this.settle(key, entry, Math.max(1, weigh(computed))),
      () => this.remove(key, entry),
    );
    this.evict();
    return value;
  }

  private settle(key: string, entry: Entry, weight: number): void {
    // Replaced meanwhile (a newer stamp, or evicted): this entry is no longer the cache's to weigh.
    if (this.entries.get(key) !== entry) return;
    if (weight > this.settings.maxRecords) {
      this.remove(key, entry);
      return;
    }
    this.weight += weight - entry.weight;
    entry.weight = weight;
    this.evict();
  }

  private remove(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.weight <= this.settings.maxRecords) return;
      this.remove(key, entry);
    }
  }
}
