import type { Clock } from '@tollgate/domain';

/** What the throttle allows. */
export interface LoginThrottleOptions {
  /** Failed logins allowed per username, and per client address, within one window (default 10). */
  maxFailures?: number;
  /** Length of the window, from the first failure in it (default 60 s). */
  windowMs?: number;
  /** Counters kept at most; past it, expired ones are dropped, then the oldest (default 100,000). */
  maxEntries?: number;
}

/** A login attempt the throttle let through, counted as a failure until `succeeded` says otherwise. */
export interface LoginAttempt {
  readonly allowed: true;
  readonly keys: ReadonlyArray<{ key: string; windowStart: number }>;
}

/** A login attempt refused: retry after this many seconds (the end of the window). */
export interface LoginRefusal {
  readonly allowed: false;
  readonly retryAfterSeconds: number;
}

interface Counter {
  windowStart: number;
  failures: number;
}

/**
 * Brute-force protection of `POST /api/v1/auth/login`: more than `maxFailures` failed logins within
 * one window for a username, or from one client address, and every further attempt, even with
 * the right password, is refused until that window ends.
 *
 * Fixed windows opened by the first failure. An attempt is counted as a failure when it starts,
 * so concurrent guesses cannot slip through while passwords are being hashed; a successful login
 * takes its own count back and clears the username's counter, but not the address's other
 * failures (logging in to one's own account does not buy more guesses at others).
 *
 * **In memory, per management process**: counters are not shared between processes and are lost on
 * restart. Several management processes behind a load balancer each allow `maxFailures`.
 */
export class LoginThrottle {
  private readonly counters = new Map<string, Counter>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly clock: Clock,
    options: LoginThrottleOptions = {},
  ) {
    this.maxFailures = options.maxFailures ?? 10;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 100_000;
  }

  /** Lets the attempt through (counting it as a failure) or refuses it with the seconds to wait. */
  attempt(username: string, address: string): LoginAttempt | LoginRefusal {
    const now = this.clock.now().getTime();
    const keys = [`user:${username.toLowerCase()}`, `address:${address}`];
    let blockedUntil = 0;
    for (const key of keys) {
      const counter = this.current(key, now);
      if (counter !== undefined && counter.failures >= this.maxFailures) {
        blockedUntil = Math.max(blockedUntil, counter.windowStart + this.windowMs);
      }
    }
    if (blockedUntil > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((blockedUntil - now) / 1000)) };
    return { allowed: true, keys: keys.map((key) => ({ key, windowStart: this.count(key, now) })) };
  }

  /** The attempt logged in: its own failure is taken back, and the username's counter cleared. */
  succeeded(attempt: LoginAttempt): void {
    for (const [index, { key, windowStart }] of attempt.keys.entries()) {
      const counter = this.counters.get(key);
      if (counter === undefined || counter.windowStart !== windowStart) continue;
      if (index === 0) this.counters.delete(key);
      else counter.failures = Math.max(0, counter.failures - 1);
    }
  }

  /** The attempt neither failed nor succeeded (the store failed): its count is taken back. */
  released(attempt: LoginAttempt): void {
    for (const { key, windowStart } of attempt.keys) {
      const counter = this.counters.get(key);
      if (counter !== undefined && counter.windowStart === windowStart) counter.failures = Math.max(0, counter.failures - 1);
    }
  }

  /** The counter of `key` if its window is still open. */
  private current(key: string, now: number): Counter | undefined {
    const counter = this.counters.get(key);
    if (counter !== undefined && now >= counter.windowStart + this.windowMs) {
      this.counters.delete(key);
      return undefined;
    }
    return counter;
  }

  /** Counts one failure for `key`, opening a window when none is open; returns the window's start. */
  private count(key: string, now: number): number {
    const counter = this.current(key, now);
    if (counter !== undefined) {
      counter.failures += 1;
      return counter.windowStart;
    }
    if (this.counters.size >= this.maxEntries) this.evict(now);
    this.counters.set(key, { windowStart: now, failures: 1 });
    return now;
  }

  /** Drops expired counters, then the oldest ones, to stay under `maxEntries`. */
  private evict(now: number): void {
    for (const [key, counter] of this.counters) {
      if (now >= counter.windowStart + this.windowMs) this.counters.delete(key);
    }
    for (const key of this.counters.keys()) {
      if (this.counters.size < this.maxEntries) break;
      this.counters.delete(key);
    }
  }
}
