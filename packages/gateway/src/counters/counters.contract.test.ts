import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRedisCounters, testRedisUrl } from '../testing/redis.js';
import type { CounterStore, Decision } from './counters.js';
import { MemoryCounters } from './memory.js';

/** A counter store a contract suite runs on. */
interface CounterBackend {
  name: 'memory' | 'redis';
  open(): Promise<{ store: CounterStore; dispose(): Promise<void> }>;
}

const memory: CounterBackend = {
  name: 'memory',
  async open() {
    const store = new MemoryCounters();
    return { store, dispose: async () => store.close() };
  },
};

function redis(url: string): CounterBackend {
  return {
    name: 'redis',
    async open() {
      const { counters, dispose } = await openTestRedisCounters(url);
      return { store: counters, dispose };
    },
  };
}

const redisUrl = testRedisUrl();
const backends: CounterBackend[] = redisUrl === undefined ? [memory] : [memory, redis(redisUrl)];

/**
 * One behaviour contract for every counter store: a policy must not be able to tell whether its
 * node counts in memory or in Redis. Times are near the real clock because Redis expires keys
 * by its own clock (a window that ended in real time would be gone at once).
 */
for (const backend of backends) {
  describe(`counter store contract: ${backend.name}`, () => {
    let store: CounterStore;
    let dispose: (() => Promise<void>) | undefined;
    let keys = 0;
    /** A key no other test of the suite uses. */
    const freshKey = (label: string) => `${label}:${++keys}`;
    const base = Date.now();

    beforeAll(async () => {
      ({ store, dispose } = await backend.open());
    });
    afterAll(async () => {
      await dispose?.();
    });

    describe('fixed window', () => {
      const windowEnd = base + 60_000;

      it('admits exactly limit calls, counting remaining down, then refuses until the window ends', async () => {
        const key = freshKey('fixed');
        const decisions: Decision[] = [];
        for (let i = 0; i < 5; i++) decisions.push(await store.take({ kind: 'fixed', key, limit: 3, windowEnd, now: base + i }));
        expect(decisions).toEqual([
          { admitted: true, limit: 3, remaining: 2, resetAt: windowEnd },
          { admitted: true, limit: 3, remaining: 1, resetAt: windowEnd },
          { admitted: true, limit: 3, remaining: 0, resetAt: windowEnd },
          { admitted: false, limit: 3, remaining: 0, resetAt: windowEnd },
          { admitted: false, limit: 3, remaining: 0, resetAt: windowEnd },
        ]);
      });

      it('keeps one count per key', async () => {
        const a = freshKey('fixed');
        const b = freshKey('fixed');
        expect((await store.take({ kind: 'fixed', key: a, limit: 1, windowEnd, now: base })).admitted).toBe(true);
        expect((await store.take({ kind: 'fixed', key: a, limit: 1, windowEnd, now: base })).admitted).toBe(false);
        expect((await store.take({ kind: 'fixed', key: b, limit: 1, windowEnd, now: base })).admitted).toBe(true);
      });

      it('counts a limit of one exactly once', async () => {
        const key = freshKey('fixed');
        expect(await store.take({ kind: 'fixed', key, limit: 1, windowEnd, now: base })).toEqual({
          admitted: true,
          limit: 1,
          remaining: 0,
          resetAt: windowEnd,
        });
        expect((await store.take({ kind: 'fixed', key, limit: 1, windowEnd, now: base })).admitted).toBe(false);
      });
    });

    describe('sliding window', () => {
      const windowMs = 10_000;
      const sliding = (key: string, limit: number, now: number, member: string) =>
        store.take({ kind: 'sliding', key, limit, windowMs, member, now });

      it('admits limit calls in any window; the refusal resets when the oldest call leaves the window', async () => {
        const key = freshKey('sliding');
        expect(await sliding(key, 2, base, 'a')).toEqual({ admitted: true, limit: 2, remaining: 1, resetAt: base + windowMs });
        expect(await sliding(key, 2, base + 4_000, 'b')).toEqual({ admitted: true, limit: 2, remaining: 0, resetAt: base + windowMs });
        expect(await sliding(key, 2, base + 5_000, 'c')).toEqual({ admitted: false, limit: 2, remaining: 0, resetAt: base + windowMs });
        expect((await sliding(key, 2, base + windowMs - 1, 'd')).admitted).toBe(false);
      });

      it('lets a call in exactly windowMs after the oldest one, and then resets with the next oldest', async () => {
        const key = freshKey('sliding');
        await sliding(key, 2, base, 'a');
        await sliding(key, 2, base + 4_000, 'b');
        expect(await sliding(key, 2, base + windowMs, 'c')).toEqual({
          admitted: true,
          limit: 2,
          remaining: 0,
          resetAt: base + 4_000 + windowMs,
        });
        expect(await sliding(key, 2, base + windowMs + 1, 'd')).toEqual({
          admitted: false,
          limit: 2,
          remaining: 0,
          resetAt: base + 4_000 + windowMs,
        });
      });

      it('does not count refused calls', async () => {
        const key = freshKey('sliding');
        await sliding(key, 1, base, 'a');
        for (let i = 1; i <= 5; i++) expect((await sliding(key, 1, base + i * 1_000, `r${i}`)).admitted).toBe(false);
        // Had the refusals been recorded, the window would still be full.
        expect((await sliding(key, 1, base + windowMs, 'b')).admitted).toBe(true);
      });

      it('has no boundary burst: the window moves with every call', async () => {
        const key = freshKey('sliding');
        for (let i = 0; i < 3; i++) expect((await sliding(key, 3, base + 9_000, `a${i}`)).admitted).toBe(true);
        // A fixed window aligned at base + 10 s would admit three more here.
        expect((await sliding(key, 3, base + 10_500, 'b')).admitted).toBe(false);
        expect((await sliding(key, 3, base + 19_000, 'c')).admitted).toBe(true);
      });
    });

    describe('smooth (GCRA)', () => {
      const smooth = (key: string, intervalMs: number, burst: number, now: number) =>
        store.take({ kind: 'smooth', key, intervalMs, burst, now });

      it('admits one call per interval without a burst, and says when the next one is admitted', async () => {
        const key = freshKey('smooth');
        expect(await smooth(key, 100, 0, base)).toEqual({ admitted: true, limit: 1, remaining: 0, resetAt: base + 100 });
        expect(await smooth(key, 100, 0, base)).toEqual({ admitted: false, limit: 1, remaining: 0, resetAt: base + 100 });
        expect((await smooth(key, 100, 0, base + 99)).admitted).toBe(false);
        expect(await smooth(key, 100, 0, base + 100)).toEqual({ admitted: true, limit: 1, remaining: 0, resetAt: base + 200 });
      });

      it('admits burst + 1 calls at once, then one per interval, and refills the burst when idle', async () => {
        const key = freshKey('smooth');
        const now = base;
        const first = [await smooth(key, 100, 2, now), await smooth(key, 100, 2, now), await smooth(key, 100, 2, now)];
        expect(first.map((d) => [d.admitted, d.limit, d.remaining])).toEqual([
          [true, 3, 2],
          [true, 3, 1],
          [true, 3, 0],
        ]);
        expect(await smooth(key, 100, 2, now)).toEqual({ admitted: false, limit: 3, remaining: 0, resetAt: now + 100 });
        expect((await smooth(key, 100, 2, now + 100)).admitted).toBe(true);
        expect((await smooth(key, 100, 2, now + 100)).admitted).toBe(false);
        const later = now + 1_000;
        for (let i = 0; i < 3; i++) expect((await smooth(key, 100, 2, later)).admitted).toBe(true);
        expect((await smooth(key, 100, 2, later)).admitted).toBe(false);
      });

      it('keeps fractional intervals exact (3 calls per second: one every 333.3 ms)', async () => {
        const key = freshKey('smooth');
        const interval = 1000 / 3;
        expect((await smooth(key, interval, 0, base)).admitted).toBe(true);
        const early = await smooth(key, interval, 0, base + 333);
        expect(early.admitted).toBe(false);
        expect(early.resetAt).toBeCloseTo(base + interval, 0);
        // Admitted at 334 ms: the next call is due 333.3 ms later, at 667.3 ms.
        expect((await smooth(key, interval, 0, base + 334)).admitted).toBe(true);
        expect((await smooth(key, interval, 0, base + 667)).admitted).toBe(false);
        expect((await smooth(key, interval, 0, base + 668)).admitted).toBe(true);
      });

      it('spaces admitted calls evenly under a steady flood', async () => {
        const key = freshKey('smooth');
        let admitted = 0;
        // A call every 10 ms for one second against one per 100 ms: 10 admitted.
        for (let t = 0; t < 1_000; t += 10) if ((await smooth(key, 100, 0, base + t)).admitted) admitted++;
        expect(admitted).toBe(10);
      });
    });

    describe('concurrent', () => {
      const leaseMs = 60_000;
      const hold = (key: string, limit: number, member: string, now = base) =>
        store.take({ kind: 'concurrent', key, limit, member, leaseMs, now });

      it('admits limit holders, refuses the next with a reset one second ahead', async () => {
        const key = freshKey('concurrent');
        expect(await hold(key, 2, 'a')).toEqual({ admitted: true, limit: 2, remaining: 1, resetAt: base });
        expect(await hold(key, 2, 'b')).toEqual({ admitted: true, limit: 2, remaining: 0, resetAt: base });
        expect(await hold(key, 2, 'c')).toEqual({ admitted: false, limit: 2, remaining: 0, resetAt: base + 1_000 });
      });

      it('frees a slot on release, and ignores releasing an unknown member', async () => {
        const key = freshKey('concurrent');
        await hold(key, 1, 'a');
        await store.release(key, 'nobody');
        expect((await hold(key, 1, 'b')).admitted).toBe(false);
        await store.release(key, 'a');
        expect((await hold(key, 1, 'b')).admitted).toBe(true);
        expect((await hold(key, 1, 'c')).admitted).toBe(false);
      });

      it('frees a slot whose lease ran out without a release (a node that died)', async () => {
        const key = freshKey('concurrent');
        await hold(key, 1, 'a');
        expect((await hold(key, 1, 'b', base + leaseMs - 1)).admitted).toBe(false);
        expect((await hold(key, 1, 'b', base + leaseMs)).admitted).toBe(true);
      });

      it('does not count a holder whose lease ran out in what remains', async () => {
        const key = freshKey('concurrent');
        await hold(key, 3, 'a');
        expect(await hold(key, 3, 'b', base + leaseMs)).toEqual({ admitted: true, limit: 3, remaining: 2, resetAt: base + leaseMs });
      });

      it('keeps separate slots per key', async () => {
        const a = freshKey('concurrent');
        const b = freshKey('concurrent');
        await hold(a, 1, 'x');
        expect((await hold(b, 1, 'y')).admitted).toBe(true);
        expect((await hold(a, 1, 'z')).admitted).toBe(false);
      });
    });
  });
}
