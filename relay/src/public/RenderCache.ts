/**
 * A small LRU of rendered responses, keyed by ETag (which names the document state and the
 * variant: page, language, origin, filter). A publish changes the document hash, so stale entries
 * are never hit; they age out. Bounded by entries and by characters, so a flood of distinct
 * filter queries can only evict, never grow memory.
 */
export interface RenderCacheOptions {
  readonly maxEntries: number;
  /** Sum of the entries' sizes (for rendered pages: bytes). */
  readonly maxSize: number;
}

export const DEFAULT_RENDER_CACHE: RenderCacheOptions = { maxEntries: 256, maxSize: 64 * 1024 * 1024 };

export class RenderCache<V extends { readonly size: number }> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(private readonly options: RenderCacheOptions = DEFAULT_RENDER_CACHE) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (value.size > this.options.maxSize) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.total -= old.size;
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.total += value.size;
    while (this.entries.size > this.options.maxEntries || this.total > this.options.maxSize) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.total -= this.entries.get(oldest.value)?.size ?? 0;
      this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}
