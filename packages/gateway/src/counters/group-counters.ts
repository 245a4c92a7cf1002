import { type CounterRequest, type Counters, type Decision, type StoreFailureMode, UNAVAILABLE } from './counters.js';
import { MemoryCounters } from './memory.js';
import type { RedisCounters } from './redis.js';

/**
 * The counters of a node: memory only, or Redis with memory as the fallback. Under `local` a
 * node that cannot reach Redis enforces its share of each limit (limit ÷ live nodes of the
 * group, rounded up), so the group as a whole stays near the limit during an outage.
 */
export class GroupCounters implements Counters {
  readonly local: MemoryCounters;

  constructor(
    private readonly remote: RedisCounters | undefined,
    /** Live nodes in the group, this one included (at least 1). */
    private readonly groupSize: () => number,
    clock: () => number = Date.now,
  ) {
    this.local = new MemoryCounters(clock);
  }

  get shared(): boolean {
    return this.remote !== undefined;
  }

  take(
    request: CounterRequest,
    onStoreFailure: StoreFailureMode,
  ): Decision | undefined | typeof UNAVAILABLE | Promise<Decision | undefined | typeof UNAVAILABLE> {
    if (this.remote === undefined) return this.local.take(request);
    if (!this.remote.ready) return this.fallback(request, onStoreFailure);
    return this.remote.take(request).catch(() => this.fallback(request, onStoreFailure));
  }

  release(key: string, member: string): void {
    this.local.release(key, member);
    this.remote?.release(key, member).catch(() => {});
  }

  async close(): Promise<void> {
    this.local.close();
    await this.remote?.close();
  }

  private fallback(request: CounterRequest, mode: StoreFailureMode): Decision | undefined | typeof UNAVAILABLE {
    if (mode === 'open') return undefined;
    if (mode === 'closed') return UNAVAILABLE;
    const nodes = Math.max(1, this.groupSize());
    if (request.kind === 'smooth') return this.local.take({ ...request, intervalMs: request.intervalMs * nodes });
    return this.local.take({ ...request, limit: Math.ceil(request.limit / nodes) });
  }
}
