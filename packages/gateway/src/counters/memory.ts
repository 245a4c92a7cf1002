import type { CounterRequest, CounterStore, Decision } from './counters.js';

interface Fixed {
  count: number;
  expiresAt: number;
}

/**
 * Counters of one node, exact and synchronous. Every entry expires with its window; a sweep
 * every `sweepMs` drops expired ones so memory follows the number of active identifiers.
 */
export class MemoryCounters implements CounterStore {
  private readonly fixed = new Map<string, Fixed>();
  private readonly sliding = new Map<string, number[]>();
  private readonly smooth = new Map<string, number>();
  private readonly concurrent = new Map<string, Map<string, number>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly clock: () => number = Date.now,
    sweepMs = 30_000,
  ) {
    this.timer = setInterval(() => this.sweep(), sweepMs);
    this.timer.unref();
  }

  take(request: CounterRequest): Decision {
    switch (request.kind) {
      case 'fixed':
        return this.takeFixed(request.key, request.limit, request.windowEnd, request.now);
      case 'sliding':
        return this.takeSliding(request.key, request.limit, request.windowMs, request.now);
      case 'smooth':
        return this.takeSmooth(request.key, request.intervalMs, request.burst, request.now);
      case 'concurrent':
        return this.takeConcurrent(request.key, request.limit, request.member, request.leaseMs, request.now);
    }
  }

  release(key: string, member: string): void {
    const holders = this.concurrent.get(key);
    if (holders === undefined) return;
    holders.delete(member);
    if (holders.size === 0) this.concurrent.delete(key);
  }

  /** Drops every expired entry. */
  sweep(): void {
    const now = this.clock();
    for (const [key, entry] of this.fixed) if (entry.expiresAt <= now) this.fixed.delete(key);
    for (const [key, tat] of this.smooth) if (tat <= now) this.smooth.delete(key);
    for (const [key, times] of this.sliding) if ((times.at(-1) ?? 0) <= now - 86_400_000) this.sliding.delete(key);
    for (const [key, holders] of this.concurrent) {
      for (const [member, expiresAt] of holders) if (expiresAt <= now) holders.delete(member);
      if (holders.size === 0) this.concurrent.delete(key);
    }
  }

  close(): void {
    clearInterval(this.timer);
  }

  private takeFixed(key: string, limit: number, windowEnd: number, now: number): Decision {
    let entry = this.fixed.get(key);
    if (entry === undefined || entry.expiresAt <= now) {
      entry = { count: 0, expiresAt: windowEnd };
      this.fixed.set(key, entry);
    }
    if (entry.count >= limit) return { admitted: false, limit, remaining: 0, resetAt: windowEnd };
    entry.count++;
    return { admitted: true, limit, remaining: limit - entry.count, resetAt: windowEnd };
  }

  private takeSliding(key: string, limit: number, windowMs: number, now: number): Decision {
    let times = this.sliding.get(key);
    if (times === undefined) {
      times = [];
      this.sliding.set(key, times);
    }
    let expired = 0;
    while (expired < times.length && (times[expired] as number) <= now - windowMs) expired++;
    if (expired > 0) times.splice(0, expired);
    if (times.length >= limit) return { admitted: false, limit, remaining: 0, resetAt: (times[0] as number) + windowMs };
    times.push(now);
    return { admitted: true, limit, remaining: limit - times.length, resetAt: (times[0] as number) + windowMs };
  }

  /** GCRA: the theoretical arrival time (TAT) moves one interval per admitted call. */
  private takeSmooth(key: string, intervalMs: number, burst: number, now: number): Decision {
    const limit = burst + 1;
    const tat = Math.max(this.smooth.get(key) ?? now, now);
    const tolerance = burst * intervalMs;
    if (tat - now > tolerance) return { admitted: false, limit, remaining: 0, resetAt: tat - tolerance };
    const next = tat + intervalMs;
    this.smooth.set(key, next);
    return { admitted: true, limit, remaining: Math.floor((tolerance - (next - now) + intervalMs) / intervalMs), resetAt: next };
  }

  private takeConcurrent(key: string, limit: number, member: string, leaseMs: number, now: number): Decision {
    let holders = this.concurrent.get(key);
    if (holders === undefined) {
      holders = new Map();
      this.concurrent.set(key, holders);
    }
    // Leases run out in the order they were taken (one leaseMs per key): drop the oldest expired
    // ones, so what remains never counts a dead holder; a full scan only when the limit is reached.
    for (const [held, expiresAt] of holders) {
      if (expiresAt > now) break;
      holders.delete(held);
    }
    if (holders.size >= limit) {
      for (const [held, expiresAt] of holders) if (expiresAt <= now) holders.delete(held);
    }
    if (holders.size >= limit) return { admitted: false, limit, remaining: 0, resetAt: now + 1_000 };
    holders.set(member, now + leaseMs);
    return { admitted: true, limit, remaining: limit - holders.size, resetAt: now };
  }
}
