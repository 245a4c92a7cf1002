import { describe, expect, it } from 'vitest';
import { type LoginAttempt, LoginThrottle } from './login-throttle.js';

let now = 0;
const clock = { now: () => new Date(now) };

/** Fails `count` attempts of `username` from `address`. */
function fail(throttle: LoginThrottle, count: number, username: string, address: string): void {
  for (let i = 0; i < count; i++) expect(throttle.attempt(username, address).allowed, `attempt ${i + 1}`).toBe(true);
}

describe('LoginThrottle', () => {
  it('refuses the attempt after maxFailures until the window opened by the first failure ends', () => {
    now = 0;
    const throttle = new LoginThrottle(clock, { maxFailures: 3, windowMs: 10_000 });
    fail(throttle, 1, 'alice', 'a');
    now = 4_000;
    fail(throttle, 2, 'alice', 'b');

    expect(throttle.attempt('alice', 'c')).toEqual({ allowed: false, retryAfterSeconds: 6 });
    now = 9_001;
    expect(throttle.attempt('ALICE', 'c')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 10_000;
    expect(throttle.attempt('alice', 'c').allowed).toBe(true);
  });

  it('takes back the count of a successful attempt and clears the username, not the address', () => {
    now = 0;
    const throttle = new LoginThrottle(clock, { maxFailures: 3, windowMs: 10_000 });
    fail(throttle, 2, 'alice', 'a');

    throttle.succeeded(throttle.attempt('alice', 'a') as LoginAttempt);

    fail(throttle, 1, 'alice', 'b');
    fail(throttle, 1, 'bob', 'a');
    expect(throttle.attempt('carol', 'a').allowed).toBe(false);
    expect(throttle.attempt('alice', 'c').allowed).toBe(true);
  });

  it('takes back a released attempt without clearing anything', () => {
    now = 0;
    const throttle = new LoginThrottle(clock, { maxFailures: 2, windowMs: 10_000 });
    fail(throttle, 1, 'alice', 'a');

    throttle.released(throttle.attempt('alice', 'a') as LoginAttempt);

    fail(throttle, 1, 'alice', 'a');
    expect(throttle.attempt('alice', 'a').allowed).toBe(false);
  });

  it('keeps at most maxEntries counters, dropping expired ones first, then the oldest', () => {
    now = 0;
    const throttle = new LoginThrottle(clock, { maxFailures: 1, windowMs: 10_000, maxEntries: 4 });
    fail(throttle, 1, 'old', 'x');
    now = 5_000;
    fail(throttle, 1, 'young', 'y');
    now = 12_000;

    // The expired "old"/"x" make room; then "young"/"y" are the oldest and go.
    fail(throttle, 1, 'u1', 'a1');
    expect(throttle.attempt('young', 'z').allowed).toBe(false);
    fail(throttle, 1, 'u2', 'a2');
    expect(throttle.attempt('young', 'z').allowed).toBe(true);
  });
});
