import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openTestRedisCounters, type TestRedisCounters, testRedisUrl } from '../testing/redis.js';
import type { CounterRequest, Decision } from './counters.js';
import { GroupCounters } from './group-counters.js';

// The behaviour shared with memory is in counters.contract.test.ts (run on Redis too when
// TOLLGATE_TEST_REDIS_URL is set); these are what only a shared store must guarantee.
const url = testRedisUrl();

describe.skipIf(url === undefined)('counters: redis', () => {
  const redisUrl = url ?? '';
  /** Everything opened by a test, disposed after it (keys deleted, connections closed). */
  let opened: TestRedisCounters[] = [];
  const open = async (prefix?: string) => {
    const counters = await openTestRedisCounters(redisUrl, prefix === undefined ? {} : { prefix });
    opened.push(counters);
    return counters;
  };
  afterEach(async () => {
    await Promise.all(opened.map((counters) => counters.dispose()));
    opened = [];
  });

  describe('atomicity: 200 concurrent calls from 4 nodes against a limit of 50 admit exactly 50', () => {
    const now = Date.now();
    const cases: Array<[string, (i: number) => CounterRequest]> = [
      ['fixed', () => ({ kind: 'fixed', key: 'atomic', limit: 50, windowEnd: now + 60_000, now })],
      ['sliding', (i) => ({ kind: 'sliding', key: 'atomic', limit: 50, windowMs: 60_000, member: `call-${i}`, now })],
      ['concurrent', (i) => ({ kind: 'concurrent', key: 'atomic', limit: 50, member: `call-${i}`, leaseMs: 60_000, now })],
      ['smooth', () => ({ kind: 'smooth', key: 'atomic', intervalMs: 60_000, burst: 49, now })],
    ];
    it.each(cases)('%s', async (_kind, request) => {
      const first = await open();
      const nodes = [first, ...(await Promise.all([1, 2, 3].map(() => open(first.prefix))))];
      const decisions: Decision[] = await Promise.all(
        Array.from({ length: 200 }, (_, i) => (nodes[i % nodes.length] as TestRedisCounters).counters.take(request(i))),
      );
      expect(decisions.filter((decision) => decision.admitted)).toHaveLength(50);
      // Every remaining count from 49 down to 0 was handed out exactly once.
      const remaining = decisions.filter((decision) => decision.admitted).map((decision) => decision.remaining);
      expect(remaining.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    });
  });

  it('shares counts between the nodes of a group (same prefix)', async () => {
    const a = await open();
    const b = await open(a.prefix);
    const take = (node: TestRedisCounters) =>
      node.counters.take({ kind: 'fixed', key: 'k', limit: 2, windowEnd: Date.now() + 60_000, now: Date.now() });
    expect((await take(a)).remaining).toBe(1);
    expect((await take(b)).remaining).toBe(0);
    expect((await take(a)).admitted).toBe(false);
  });

  it('keeps the counts of different prefixes apart, and clear() deletes only its own', async () => {
    const a = await open();
    const b = await open();
    const request: CounterRequest = { kind: 'fixed', key: 'k', limit: 1, windowEnd: Date.now() + 60_000, now: Date.now() };
    expect((await a.counters.take(request)).admitted).toBe(true);
    expect((await b.counters.take(request)).admitted).toBe(true);
    await a.counters.clear();
    expect((await a.counters.take(request)).admitted).toBe(true);
    expect((await b.counters.take(request)).admitted).toBe(false);
  });

  it('frees a slot released by another node', async () => {
    const a = await open();
    const b = await open(a.prefix);
    const hold = (node: TestRedisCounters, member: string) =>
      node.counters.take({ kind: 'concurrent', key: 'c', limit: 1, member, leaseMs: 60_000, now: Date.now() });
    expect((await hold(a, 'x')).admitted).toBe(true);
    expect((await hold(b, 'y')).admitted).toBe(false);
    await b.counters.release('c', 'x');
    expect((await hold(b, 'y')).admitted).toBe(true);
  });

  it('lets a fixed window expire in Redis when it ends (no key outlives its window)', async () => {
    const a = await open();
    const windowEnd = Date.now() + 150;
    const take = () => a.counters.take({ kind: 'fixed', key: 'k', limit: 1, windowEnd, now: Date.now() });
    expect((await take()).admitted).toBe(true);
    expect((await take()).admitted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await take()).admitted).toBe(true);
  });

  describe('group counters over Redis', () => {
    let nodes: GroupCounters[] = [];
    afterAll(async () => {
      await Promise.all(nodes.map((node) => node.close()));
    });

    it('are shared and count across nodes; release through the group frees the Redis slot', async () => {
      const a = await open();
      const b = await open(a.prefix);
      nodes = [new GroupCounters(a.counters, () => 2), new GroupCounters(b.counters, () => 2)];
      const [one, two] = nodes as [GroupCounters, GroupCounters];
      expect(one.shared).toBe(true);
      const hold = (node: GroupCounters, member: string) =>
        node.take({ kind: 'concurrent', key: 'c', limit: 1, member, leaseMs: 60_000, now: Date.now() }, 'closed');
      // Not limit ÷ 2 per node: with Redis up, the whole limit is shared.
      expect(await hold(one, 'x')).toMatchObject({ admitted: true });
      expect(await hold(two, 'y')).toMatchObject({ admitted: false });
      one.release('c', 'x');
      // The group's release does not wait for Redis: poll until the slot is seen free.
      let admitted = false;
      for (let attempt = 0; attempt < 50 && !admitted; attempt++) {
        admitted = ((await hold(two, 'y')) as Decision).admitted;
        if (!admitted) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(admitted).toBe(true);
    });
  });
});
