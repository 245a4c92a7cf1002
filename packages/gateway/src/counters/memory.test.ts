import { afterEach, describe, expect, it } from 'vitest';
import type { CounterRequest, Decision } from './counters.js';
import { MemoryCounters } from './memory.js';

// The behaviour shared with Redis is in counters.contract.test.ts; these are memory's own guarantees.
describe('counters: memory', () => {
  const NOW = Date.parse('2026-06-01T00:00:00Z');
  const clock = { now: NOW };
  let counters: MemoryCounters;
  afterEach(() => {
    counters.close();
    clock.now = NOW;
  });
  const open = () => {
    counters = new MemoryCounters(() => clock.now, 60_000);
    return counters;
  };

  it('decides synchronously (no promise on the hot path)', () => {
    const store = open();
    const requests: CounterRequest[] = [
      { kind: 'fixed', key: 'f', limit: 1, windowEnd: NOW + 1_000, now: NOW },
      { kind: 'sliding', key: 's', limit: 1, windowMs: 1_000, member: 'm', now: NOW },
      { kind: 'smooth', key: 'g', intervalMs: 100, burst: 0, now: NOW },
      { kind: 'concurrent', key: 'c', limit: 1, member: 'm', leaseMs: 1_000, now: NOW },
    ];
    for (const request of requests) expect(store.take(request)).not.toBeInstanceOf(Promise);
  });

  it('starts a fixed count again on the same key once its window has ended', () => {
    const store = open();
    const take = (now: number, windowEnd: number) => store.take({ kind: 'fixed', key: 'k', limit: 1, windowEnd, now });
    expect(take(NOW, NOW + 1_000).admitted).toBe(true);
    expect(take(NOW + 999, NOW + 1_000).admitted).toBe(false);
    expect(take(NOW + 1_000, NOW + 2_000)).toEqual({ admitted: true, limit: 1, remaining: 0, resetAt: NOW + 2_000 });
  });

  it('follows a limit that changed within a window (a new configuration keeps the count)', () => {
    const store = open();
    const take = (limit: number) => store.take({ kind: 'fixed', key: 'k', limit, windowEnd: NOW + 1_000, now: NOW });
    take(5);
    take(5);
    expect(take(2)).toEqual({ admitted: false, limit: 2, remaining: 0, resetAt: NOW + 1_000 });
    expect(take(4)).toEqual({ admitted: true, limit: 4, remaining: 1, resetAt: NOW + 1_000 });
  });

  it('reuses the slot of a member that takes again instead of holding two', () => {
    const store = open();
    const hold = (member: string) => store.take({ kind: 'concurrent', key: 'c', limit: 2, member, leaseMs: 1_000, now: NOW });
    hold('a');
    expect(hold('a').remaining).toBe(1);
    expect(hold('b').admitted).toBe(true);
  });

  it('sweeps without changing any decision: live counts, windows, spacing and slots survive', () => {
    // The same calls on two stores, one swept before every call: their answers must be identical.
    const plain = new MemoryCounters(() => clock.now, 60_000);
    const swept = open();
    const script: Array<[number, CounterRequest]> = [];
    for (let i = 0; i < 40; i++) {
      const now = NOW + i * 250;
      script.push(
        [now, { kind: 'fixed', key: 'f', limit: 15, windowEnd: NOW + 5_000 + Math.floor(i / 20) * 5_000, now }],
        [now, { kind: 'sliding', key: 's', limit: 3, windowMs: 2_000, member: `m${i}`, now }],
        [now, { kind: 'smooth', key: 'g', intervalMs: 600, burst: 1, now }],
        [now, { kind: 'concurrent', key: 'c', limit: 2, member: `m${i}`, leaseMs: 1_500, now }],
      );
    }
    const expected: Decision[] = [];
    const actual: Decision[] = [];
    for (const [now, request] of script) {
      clock.now = now;
      expected.push(plain.take(request));
      swept.sweep();
      actual.push(swept.take(request));
    }
    plain.close();
    expect(actual).toEqual(expected);
    expect(actual.filter((d) => !d.admitted).length).toBeGreaterThan(0);
  });

  it('frees a slot on release even while its lease is still running', () => {
    const store = open();
    store.take({ kind: 'concurrent', key: 'c', limit: 1, member: 'a', leaseMs: 60_000, now: NOW });
    store.release('c', 'a');
    store.release('c', 'a');
    expect(store.take({ kind: 'concurrent', key: 'c', limit: 1, member: 'b', leaseMs: 60_000, now: NOW }).admitted).toBe(true);
    expect(store.take({ kind: 'concurrent', key: 'c', limit: 1, member: 'c', leaseMs: 60_000, now: NOW }).admitted).toBe(false);
  });
});
