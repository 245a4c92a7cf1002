/** An answer kept by the cache. */
export interface CachedAnswer {
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** Epoch milliseconds it was stored at (for `Age`). */
  storedAt: number;
  expiresAt: number;
  /** Request headers the backend said the answer varies on, with the values it was made for. */
  vary: ReadonlyArray<readonly [name: string, value: string]>;
}

/**
 * Answers in memory, bounded by a number of entries and a number of bytes, least recently used
 * evicted first. A `Map` keeps insertion order, so re-inserting on every hit is the LRU list.
 */
export class LruStore {
  private readonly entries = new Map<string, { answer: CachedAnswer; bytes: number }>();
  private total = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** A fresh answer, marked as just used; an expired one is dropped. */
  get(key: string, now: number): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (entry.answer.expiresAt <= now) {
      this.total -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.answer;
  }

  /** Stores (or replaces) an answer, then evicts the least recently used until within bounds. */
  set(key: string, answer: CachedAnswer): void {
    this.delete(key);
    const bytes = sizeOf(answer);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { answer, bytes });
    this.total += bytes;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.total <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  /** Number of answers held. */
  get size(): number {
    return this.entries.size;
  }

  /** Bytes accounted for (bodies and headers). */
  get bytes(): number {
    return this.total;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }
}

/** Body plus header text: what an entry costs, near enough to bound memory. */
function sizeOf(answer: CachedAnswer): number {
  let bytes = answer.body.length;
  for (const name in answer.headers) bytes += name.length + String(answer.headers[name]).length;
  return bytes;
}
