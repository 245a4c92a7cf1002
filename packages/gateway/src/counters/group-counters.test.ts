import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CounterRequest, type Decision, UNAVAILABLE } from './counters.js';
import { GroupCounters } from './group-counters.js';
import { RedisCounters } from './redis.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const fixed = (key: string, limit: number): CounterRequest => ({ kind: 'fixed', key, limit, windowEnd: NOW + 60_000, now: NOW });

/** How many of `calls` takes a synchronous counter admits; a promise is a failure here. */
function admittedOf(counters: GroupCounters, request: CounterRequest, mode: 'local' | 'open' | 'closed', calls: number): number {
  let admitted = 0;
  for (let i = 0; i < calls; i++) {
    const outcome = counters.take(request, mode);
    if (outcome instanceof Promise) throw new Error('expected a synchronous decision');
    if (outcome !== undefined && outcome !== UNAVAILABLE && outcome.admitted) admitted++;
  }
  return admitted;
}

describe('group counters: memory only', () => {
  let counters: GroupCounters;
  afterEach(() => counters.close());

  it('are not shared, decide synchronously and ignore onStoreFailure (there is no store to fail)', () => {
    counters = new GroupCounters(
      undefined,
      () => 3,
      () => NOW,
    );
    expect(counters.shared).toBe(false);
    // The whole limit, not limit ÷ group size: without Redis each node owns its counts.
    expect(admittedOf(counters, fixed('a', 5), 'closed', 10)).toBe(5);
    expect(admittedOf(counters, fixed('b', 5), 'open', 10)).toBe(5);
  });
});

// Nothing listens on port 1: the connection is refused at once and never becomes ready.
describe('group counters: Redis unreachable', () => {
  let redis: RedisCounters;
  let size = 3;
  let counters: GroupCounters;
  beforeAll(() => {
    redis = new RedisCounters({ url: 'redis://127.0.0.1:1', prefix: 'tollgate-test-unreachable:' });
  });
  afterAll(async () => {
    await redis.close();
  });
  afterEach(() => {
    counters.local.close();
    size = 3;
  });
  const open = () => {
    counters = new GroupCounters(
      redis,
      () => size,
      () => NOW,
    );
    return counters;
  };

  it('are shared, and fall back without waiting (no promise, no command timeout)', () => {
    expect(open().shared).toBe(true);
    expect(redis.ready).toBe(false);
    const started = performance.now();
    expect(counters.take(fixed('k', 10), 'local')).not.toBeInstanceOf(Promise);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("local: each node enforces limit ÷ group size, rounded up, and says so in the decision's limit", () => {
    open();
    expect(admittedOf(counters, fixed('k', 10), 'local', 20)).toBe(4);
    expect(counters.take(fixed('k', 10), 'local')).toEqual({ admitted: false, limit: 4, remaining: 0, resetAt: NOW + 60_000 });
  });

  it('local: a share is never zero, and a group size of zero counts as one node', () => {
    open();
    size = 5;
    expect(admittedOf(counters, fixed('one', 1), 'local', 3)).toBe(1);
    size = 0;
    expect(admittedOf(counters, fixed('whole', 7), 'local', 10)).toBe(7);
  });

  it('local: reads the group size on every call (nodes joining shrink the share)', () => {
    open();
    size = 1;
    expect(admittedOf(counters, fixed('k', 6), 'local', 4)).toBe(4);
    size = 2;
    // The share is now 3 and 4 calls are already counted.
    expect(admittedOf(counters, fixed('k', 6), 'local', 1)).toBe(0);
  });

  it('local: spike arrest spaces calls group size times further apart', () => {
    open();
    size = 2;
    const smooth = (now: number) => counters.take({ kind: 'smooth', key: 's', intervalMs: 100, burst: 0, now }, 'local') as Decision;
    expect(smooth(NOW).admitted).toBe(true);
    expect(smooth(NOW + 100).admitted).toBe(false);
    expect(smooth(NOW + 199).admitted).toBe(false);
    expect(smooth(NOW + 200).admitted).toBe(true);
  });

  it('local: a concurrency slot is freed by release', () => {
    open();
    size = 1;
    const hold = (member: string) =>
      counters.take({ kind: 'concurrent', key: 'c', limit: 1, member, leaseMs: 60_000, now: NOW }, 'local') as Decision;
    expect(hold('a').admitted).toBe(true);
    expect(hold('b').admitted).toBe(false);
    // The Redis half of the release fails; that must neither throw nor leave an unhandled rejection.
    counters.release('c', 'a');
    expect(hold('b').admitted).toBe(true);
  });

  it('open: admits every call and reports no limit (undefined)', () => {
    open();
    for (let i = 0; i < 100; i++) expect(counters.take(fixed('k', 1), 'open')).toBeUndefined();
  });

  it('closed: answers UNAVAILABLE for every call', () => {
    open();
    expect(counters.take(fixed('k', 1), 'closed')).toBe(UNAVAILABLE);
    expect(counters.take({ kind: 'concurrent', key: 'c', limit: 1, member: 'm', leaseMs: 1_000, now: NOW }, 'closed')).toBe(UNAVAILABLE);
  });
});

// Connected, but a command fails (a timeout, a Redis error): the same three modes, asynchronously.
describe('group counters: Redis failing after connecting', () => {
  const failing = {
    ready: true,
    take: () => Promise.reject(new Error('Command timed out')),
    release: () => Promise.reject(new Error('Command timed out')),
    close: async () => {},
  } as unknown as RedisCounters;
  let counters: GroupCounters;
  beforeAll(() => {
    counters = new GroupCounters(
      failing,
      () => 2,
      () => NOW,
    );
  });
  afterAll(() => counters.close());

  it('local: limit ÷ group size in memory', async () => {
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await counters.take(fixed('k', 5), 'local'));
    expect(outcomes.map((outcome) => (outcome as Decision).admitted)).toEqual([true, true, true, false]);
    expect((outcomes[0] as Decision).limit).toBe(3);
  });

  it('open: undefined; closed: UNAVAILABLE', async () => {
    expect(await counters.take(fixed('k', 5), 'open')).toBeUndefined();
    expect(await counters.take(fixed('k', 5), 'closed')).toBe(UNAVAILABLE);
  });

  it('swallows a failed release', async () => {
    counters.release('c', 'm');
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
