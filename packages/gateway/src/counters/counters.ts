/**
 * Counters behind the traffic-control policies. One operation per algorithm, each a single
 * atomic decision: in memory for one node, or in Redis when the nodes of a group share them.
 */

/** One limit decision: what the policy answers and what the `RateLimit-*` headers say. */
export interface Decision {
  admitted: boolean;
  limit: number;
  /** Calls left in the window after this one (0 when refused). */
  remaining: number;
  /** Epoch ms when the window resets (refused: when a call would be admitted again). */
  resetAt: number;
}

/** What to count. `key` names the counter; the store adds nothing to it. */
export type CounterRequest =
  /** At most `limit` calls in [windowStart, windowEnd) (quotas, fixed-window rate limits). */
  | { kind: 'fixed'; key: string; limit: number; windowEnd: number; now: number }
  /** At most `limit` calls in any `windowMs` ending now; `member` is unique per call. */
  | { kind: 'sliding'; key: string; limit: number; windowMs: number; member: string; now: number }
  /** GCRA: one call per `intervalMs`, with `burst` extra calls allowed at once (spike arrest). */
  | { kind: 'smooth'; key: string; intervalMs: number; burst: number; now: number }
  /** At most `limit` calls in flight; `member` holds a slot until released or `leaseMs` passed. */
  | { kind: 'concurrent'; key: string; limit: number; member: string; leaseMs: number; now: number };

/** What a limit does when the shared counter store cannot be reached. */
export type StoreFailureMode = 'local' | 'open' | 'closed';

/** A counter store. The memory one answers synchronously, so the hot path stays promise-free. */
export interface CounterStore {
  take(request: CounterRequest): Decision | Promise<Decision>;
  /** Frees the slot a `concurrent` take holds. */
  release(key: string, member: string): void | Promise<void>;
}

/** A store failure under `closed`: the policy answers 503. */
export const UNAVAILABLE = 'unavailable';

/**
 * The counters a node's policies use. Without Redis `take` is the memory store; with Redis a
 * failed call follows the policy's `onStoreFailure`: `local` counts in memory against this
 * node's share of the limit, `open` admits (no headers), `closed` answers `UNAVAILABLE`.
 */
export interface Counters {
  /** True when the counts are shared by the group's nodes (Redis). */
  readonly shared: boolean;
  take(
    request: CounterRequest,
    onStoreFailure: StoreFailureMode,
  ): Decision | undefined | typeof UNAVAILABLE | Promise<Decision | undefined | typeof UNAVAILABLE>;
  release(key: string, member: string): void;
}
